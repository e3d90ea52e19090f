import { signIdToken } from '../src/oidc/id-token';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS, SEED_ROLE_IDS } from '../src/seed/fixtures';
import { CLAIMS, createApiHarness, TEST_NOW, type ApiHarness } from './support/api-harness';

/**
 * Issue 11, items 1, 2 and 13: every Admin API request is authorized from the caller's roles as
 * they stand in the database now, and only access tokens (typ at+jwt, with exp and iat) open it.
 * Each test here failed against the claim-only middleware.
 */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());
afterEach(() => h.clock.reset());

const ROLES = '/api/v1/admin/admin-roles/';
const TENANTS = '/api/v1/admin/tenants/';
const ME = '/api/v1/admin/auth/me';
const EVE = SEED_ACCOUNTS.expiredAdmin.id;

/** Root gives Eve a fresh Super Admin assignment; returns its id and a token minted while it held. */
async function makeEveSuperAdmin(): Promise<{ roleId: string; token: string }> {
  const res = await h.call('POST', ROLES, { body: { user_id: EVE, role: 'SUPER_ADMIN' } });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const token = await h.token({ ...CLAIMS.expiredAdmin, role: 'super_admin' });
  expect((await h.call('GET', ROLES, { token })).status).toBe(200);
  return { roleId: id, token };
}

describe('a role change takes effect at the next request', () => {
  it('a revoked Super Admin is refused at once, and cannot re-grant itself with the old token', async () => {
    const eve = await makeEveSuperAdmin();
    expect((await h.call('DELETE', `/api/v1/admin/admin-roles/${eve.roleId}?cleanup_orphaned_user=false`)).status).toBe(204);

    expect((await h.call('GET', ROLES, { token: eve.token })).status).toBe(403);
    const regrant = await h.call('POST', ROLES, { token: eve.token, body: { user_id: EVE, role: 'SUPER_ADMIN' } });
    expect(regrant.status).toBe(403);
    expect(await regrant.json()).toEqual({ detail: 'Only Super Admins can manage admin roles' });
    const tenant = await h.call('POST', TENANTS, { token: eve.token, body: { name: 'Eve Co', slug: 'eve-co' } });
    expect(tenant.status).toBe(403);
    // /auth/me tells the console the same thing.
    expect(await (await h.call('GET', ME, { token: eve.token })).json()).toMatchObject({ id: EVE, role: null });
  });

  it('a deactivated Super Admin is refused at once, and again allowed once reactivated', async () => {
    const eve = await makeEveSuperAdmin();
    const off = await h.call('PATCH', `/api/v1/admin/admin-roles/${eve.roleId}`, { body: { is_active: false } });
    expect(off.status).toBe(200);
    expect((await h.call('GET', '/api/v1/admin/users/', { token: eve.token })).status).toBe(403);
    expect((await h.call('PATCH', `/api/v1/admin/admin-roles/${eve.roleId}`, { token: eve.token, body: { is_active: true } })).status).toBe(403);
    await h.call('PATCH', `/api/v1/admin/admin-roles/${eve.roleId}`, { body: { is_active: true } });
    expect((await h.call('GET', '/api/v1/admin/users/', { token: eve.token })).status).toBe(200);
    await h.call('DELETE', `/api/v1/admin/admin-roles/${eve.roleId}?cleanup_orphaned_user=false`);
  });

  it('an expiring Super Admin is refused the moment its expiry passes, with the same token', async () => {
    const eve = await makeEveSuperAdmin();
    const expiresAt = new Date(TEST_NOW.getTime() + 60_000).toISOString();
    expect((await h.call('PATCH', `/api/v1/admin/admin-roles/${eve.roleId}`, { body: { expires_at: expiresAt } })).status).toBe(200);
    expect((await h.call('GET', '/api/v1/admin/partners/', { token: eve.token })).status).toBe(200);
    h.clock.advance(61_000);
    expect((await h.call('GET', '/api/v1/admin/partners/', { token: eve.token })).status).toBe(403);
    h.clock.reset();
    await h.call('DELETE', `/api/v1/admin/admin-roles/${eve.roleId}?cleanup_orphaned_user=false`);
  });

  it("a partner admin's tenant scope follows the database, not the token's partner_id", async () => {
    // A token naming another partner reads only the partner Paolo holds in the database.
    const token = await h.token({ ...CLAIMS.partnerAdmin, partner_id: 'prt_someone_else' });
    const page = (await (await h.call('GET', `${TENANTS}?per_page=100`, { token })).json()) as { items: { partner_id: string }[] };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((t) => t.partner_id === FIRST_PARTNER_ID)).toBe(true);

    // Revoked: the very same token now reads nothing.
    await h.call('PATCH', `/api/v1/admin/admin-roles/${SEED_ROLE_IDS.partnerAdmin}`, { body: { is_active: false } });
    try {
      const res = await h.call('GET', TENANTS, { as: 'partnerAdmin' });
      expect(res.status).toBe(403);
    } finally {
      await h.call('PATCH', `/api/v1/admin/admin-roles/${SEED_ROLE_IDS.partnerAdmin}`, { body: { is_active: true } });
    }
  });

  it("a tenant admin's tenant follows the database, not the token's tenant_id", async () => {
    const token = await h.token({ ...CLAIMS.tenantAdmin, tenant_id: PLATFORM_TENANT.id });
    expect((await h.call('GET', `/api/v1/admin/tenants/${PLATFORM_TENANT.id}`, { token })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/admin/tenants/${ACME_TENANT.id}`, { token })).status).toBe(200);
  });

  it('a user who was deleted gets 401, whatever role their token claims', async () => {
    const eve = await makeEveSuperAdmin();
    await h.ctx.db.query('UPDATE users SET deleted_at = $1 WHERE id = $2', [TEST_NOW.toISOString(), EVE]);
    try {
      const res = await h.call('GET', ROLES, { token: eve.token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    } finally {
      await h.ctx.db.query('UPDATE users SET deleted_at = NULL WHERE id = $1', [EVE]);
      await h.call('DELETE', `/api/v1/admin/admin-roles/${eve.roleId}?cleanup_orphaned_user=false`);
    }
  });
});

describe('only access tokens open the Admin API', () => {
  async function idTokenOfRoot(): Promise<string> {
    const r = SEED_ACCOUNTS.root;
    return signIdToken(h.ctx, {
      user: { id: r.id, email: r.email, first_name: r.firstName, last_name: r.lastName, display_name: null, tenant_id: PLATFORM_TENANT.id },
      clientId: h.ctx.config.client.clientId,
      scope: 'openid profile email',
      authTime: TEST_NOW.toISOString(),
      role: 'super_admin',
    });
  }

  it('an ID token (same issuer, audience, subject and role) is refused with 401', async () => {
    const idToken = await idTokenOfRoot();
    for (const [method, path, body] of [
      ['GET', ME, undefined],
      ['GET', ROLES, undefined],
      ['POST', TENANTS, { name: 'Made with an ID token', slug: 'id-token-co' }],
    ] as const) {
      const res = await h.call(method, path, { token: idToken, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(await res.json()).toEqual({ detail: 'Not authenticated' });
    }
  });

  it('an access token without exp or iat is refused with 401', async () => {
    const { SignJWT } = await import('jose');
    const issuer = `${h.ctx.config.publicUrl}/api/v1/platform/oauth`;
    const base = () =>
      new SignJWT({ scope: 'openid', tenant_id: null, role: 'super_admin' })
        .setProtectedHeader({ alg: 'RS256', kid: h.ctx.keys.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(h.ctx.config.client.clientId)
        .setSubject(SEED_ACCOUNTS.root.id);
    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const noExp = await base().setIssuedAt(now).sign(h.ctx.keys.privateKey);
    const noIat = await base().setExpirationTime(now + 600).sign(h.ctx.keys.privateKey);
    const complete = await base().setIssuedAt(now).setExpirationTime(now + 600).sign(h.ctx.keys.privateKey);
    expect((await h.call('GET', ME, { token: noExp })).status).toBe(401);
    expect((await h.call('GET', ME, { token: noIat })).status).toBe(401);
    expect((await h.call('GET', ME, { token: complete })).status).toBe(200);
  });
});
