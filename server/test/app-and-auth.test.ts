import { createApp } from '../src/app';
import { loadOrCreateKeys } from '../src/auth/keys';
import { signAccessToken } from '../src/auth/tokens';
import type { AppContext } from '../src/context';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS } from '../src/seed/fixtures';
import { CLAIMS, createApiHarness, type ApiHarness } from './support/api-harness';
import type { CurrentAdmin, HTTPError } from './support/api-types';
import { expectContract } from './support/contract';

/** CORS, unknown paths, the 500 handler, bearer authentication and GET /auth/me. */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());
afterEach(() => h.clock.reset());

const ME = '/api/v1/admin/auth/me';
const ORIGIN = 'http://localhost:5173';

describe('CORS', () => {
  it('echoes an allowed origin, with credentials', async () => {
    const res = await h.call('GET', ME, { headers: { Origin: ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    await expectContract(res, 'get', ME);
  });

  it('answers a preflight with 204, the methods and the headers', async () => {
    const res = await h.call('OPTIONS', '/api/v1/admin/tenants/', {
      as: null,
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,DELETE,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,If-Match');
    expect(await res.text()).toBe('');
  });

  it('gives another origin no Access-Control-Allow-Origin', async () => {
    const res = await h.call('GET', ME, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await h.call('OPTIONS', ME, { as: null, headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the CORS headers on errors, so the console can read a 401', async () => {
    const res = await h.call('GET', ME, { as: null, headers: { Origin: ORIGIN } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/i);
  });
});

describe('paths', () => {
  it('answers unknown paths with a FastAPI 404', async () => {
    for (const path of ['/nope', '/api/v1/admin/nope', '/api/v1/admin/tenants/x/y']) {
      const res = await h.call('GET', path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ detail: 'Not Found' });
    }
  });

  it('answers a known path with a method it lacks with 405, before authentication', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/api/v1/admin/tenants/', 'GET, POST'],
      ['DELETE', '/api/v1/admin/tenants', 'GET, POST'],
      ['POST', '/api/v1/admin/tenants/tnt_x', 'GET, PATCH, DELETE'],
      ['POST', '/api/v1/admin/auth/me', 'GET'],
      ['DELETE', '/api/v1/admin/users/usr_x', 'GET'],
      ['PATCH', '/api/v1/admin/admin-roles/user/usr_x', 'GET'],
    ] as const) {
      const res = await h.call(method, path, { as: null });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toEqual({ detail: 'Method Not Allowed' });
    }
  });

  it('serves collections with and without the trailing slash', async () => {
    for (const path of ['/api/v1/admin/tenants/', '/api/v1/admin/tenants']) {
      const res = await h.call('GET', `${path}?per_page=1`);
      expect(res.status).toBe(200);
      await expectContract(res, 'get', '/api/v1/admin/tenants/');
    }
  });

  it('turns an unexpected failure into a logged 500 without details', async () => {
    const broken: AppContext = {
      ...h.ctx,
      db: { ...h.ctx.db, query: () => Promise.reject(new Error('connection lost')) },
    };
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await createApp(broken).request('/api/v1/admin/auth/me', {
        headers: { Authorization: `Bearer ${await h.token(CLAIMS.superAdmin)}` },
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ detail: 'Internal Server Error' });
      expect(log).toHaveBeenCalled();
      expect(String(log.mock.calls[0]?.[0])).toMatch(/connection lost/);
    } finally {
      log.mockRestore();
    }
  });
});

describe('bearer authentication', () => {
  it('401 Not authenticated without a token', async () => {
    const res = await h.call('GET', ME, { as: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await expectContract<HTTPError>(res, 'get', ME)).toEqual({ detail: 'Not authenticated' });
  });

  it('401 Not authenticated for a malformed header, a bad signature or a foreign audience', async () => {
    const good = await h.token(CLAIMS.superAdmin);
    const [head, payload] = good.split('.');
    const forged = `${head}.${payload}.${'A'.repeat(342)}`;
    const foreignKey = await signAccessToken({ ...h.ctx, keys: await loadOrCreateKeys(null) }, CLAIMS.superAdmin);
    const otherAudience = await signAccessToken(
      { ...h.ctx, config: { ...h.ctx.config, client: { ...h.ctx.config.client, clientId: 'someone-else' } } },
      CLAIMS.superAdmin,
    );
    for (const authorization of ['Bearer', `Basic ${good}`, 'Bearer not-a-jwt', `Bearer ${forged}`, `Bearer ${foreignKey}`, `Bearer ${otherAudience}`]) {
      const res = await h.call('GET', ME, { as: null, headers: { Authorization: authorization } });
      expect(res.status, authorization.slice(0, 30)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await expectContract<HTTPError>(res, 'get', ME)).toEqual({ detail: 'Not authenticated' });
    }
  });

  it('accepts the scheme in any case', async () => {
    const res = await h.call('GET', ME, { as: null, headers: { Authorization: `bearer ${await h.token(CLAIMS.superAdmin)}` } });
    expect(res.status).toBe(200);
  });

  it('401 Token has expired once the clock passes exp', async () => {
    const token = await h.token({ ...CLAIMS.superAdmin, ttl: 60 });
    expect((await h.call('GET', ME, { token })).status).toBe(200);
    h.clock.advance(61_000);
    const res = await h.call('GET', ME, { token });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(await expectContract<HTTPError>(res, 'get', ME)).toEqual({ detail: 'Token has expired' });
  });

  it('decides permissions from the database, not from the role claim', async () => {
    // Rhea is a Super Admin in the database; a token that says tenant_admin changes nothing.
    const understated = await h.token({ ...CLAIMS.superAdmin, role: 'tenant_admin' });
    expect((await h.call('GET', '/api/v1/admin/admin-roles/', { token: understated })).status).toBe(200);
    // Eve's only role has expired: a (validly signed) token claiming super_admin opens nothing.
    const overstated = await h.token({ ...CLAIMS.expiredAdmin, role: 'super_admin' });
    expect((await h.call('GET', '/api/v1/admin/admin-roles/', { token: overstated })).status).toBe(403);
  });
});

describe('GET /auth/me', () => {
  it('describes the Super Admin', async () => {
    const me = await expectContract<CurrentAdmin>(await h.call('GET', ME), 'get', ME);
    expect(me).toEqual({
      id: SEED_ACCOUNTS.root.id,
      email: 'root@scaikey.test',
      display_name: 'Rhea Root',
      role: 'SUPER_ADMIN',
      tenant_id: PLATFORM_TENANT.id,
      partner_id: null,
    });
  });

  it('gives a partner admin their partner and a tenant admin their tenant', async () => {
    const partner = await expectContract<CurrentAdmin>(await h.call('GET', ME, { as: 'partnerAdmin' }), 'get', ME);
    expect(partner).toMatchObject({ display_name: 'Paolo Partner', role: 'PARTNER_ADMIN', partner_id: FIRST_PARTNER_ID });
    const tenant = await expectContract<CurrentAdmin>(await h.call('GET', ME, { as: 'tenantAdmin' }), 'get', ME);
    expect(tenant).toMatchObject({ display_name: 'Theo Tenant', role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id, partner_id: null });
  });

  it('says role null when the only assignment has expired', async () => {
    const me = await expectContract<CurrentAdmin>(await h.call('GET', ME, { as: 'expiredAdmin' }), 'get', ME);
    expect(me).toMatchObject({ email: 'expired.admin@scaikey.test', role: null, partner_id: null });
  });

  it('follows the database: a role expiring while the token lives stops counting', async () => {
    const [row] = await h.ctx.db.query<{ id: string }>('SELECT id FROM admin_roles WHERE user_id = $1', [SEED_ACCOUNTS.tenantAdmin.id]);
    await h.ctx.db.query('UPDATE admin_roles SET expires_at = $1 WHERE id = $2', ['2026-11-01T10:00:00Z', row!.id]);
    try {
      expect((await (await h.call('GET', ME, { as: 'tenantAdmin' })).json()).role).toBe('TENANT_ADMIN');
      h.clock.set(new Date('2026-11-01T10:00:00Z')); // expires_at <= now is expired
      expect((await (await h.call('GET', ME, { as: 'tenantAdmin' })).json()).role).toBeNull();
    } finally {
      await h.ctx.db.query('UPDATE admin_roles SET expires_at = NULL WHERE id = $1', [row!.id]);
    }
  });

  it('picks the highest role in force', async () => {
    const me = await expectContract<CurrentAdmin>(
      await h.call('GET', ME, { token: await h.token({ sub: SEED_ACCOUNTS.tenantAdmin.id, scope: 'openid', tenant_id: ACME_TENANT.id }) }),
      'get',
      ME,
    );
    expect(me.role).toBe('TENANT_ADMIN'); // from the database, though the token has no role claim
    await h.ctx.db.query(
      `INSERT INTO admin_roles (id, user_id, role, partner_id, created_at, updated_at) VALUES ('adr_me_test', $1, 'PARTNER_ADMIN', $2, $3, $3)`,
      [SEED_ACCOUNTS.tenantAdmin.id, FIRST_PARTNER_ID, '2026-10-01T00:00:00Z'],
    );
    try {
      const higher = await (await h.call('GET', ME, { as: 'tenantAdmin' })).json();
      expect(higher).toMatchObject({ role: 'PARTNER_ADMIN', partner_id: FIRST_PARTNER_ID });
    } finally {
      await h.ctx.db.query(`DELETE FROM admin_roles WHERE id = 'adr_me_test'`);
    }
  });

  it("ignores an assignment whose tenant was deleted, and says the admin's tenant like the token does", async () => {
    const [tenant] = await h.ctx.db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE deleted_at IS NULL AND partner_id IS NOT NULL AND id <> $1 ORDER BY id LIMIT 1`,
      [ACME_TENANT.id],
    );
    const [user] = await h.ctx.db.query<{ id: string; tenant_id: string }>(
      `SELECT id, tenant_id FROM users u WHERE deleted_at IS NULL AND tenant_id <> $1
         AND NOT EXISTS (SELECT 1 FROM admin_roles r WHERE r.user_id = u.id) ORDER BY id LIMIT 1`,
      [tenant!.id],
    );
    await h.ctx.db.query(
      `INSERT INTO admin_roles (id, user_id, role, tenant_id, created_at, updated_at) VALUES ('adr_me_scope', $1, 'TENANT_ADMIN', $2, $3, $3)`,
      [user!.id, tenant!.id, '2026-10-01T00:00:00Z'],
    );
    const token = await h.token({ sub: user!.id, scope: 'openid', tenant_id: tenant!.id, role: 'tenant_admin' });
    try {
      const me = await expectContract<CurrentAdmin>(await h.call('GET', ME, { token }), 'get', ME);
      expect(me).toMatchObject({ role: 'TENANT_ADMIN', tenant_id: tenant!.id, partner_id: null });
      await h.ctx.db.query('UPDATE tenants SET deleted_at = $1 WHERE id = $2', ['2026-10-15T00:00:00Z', tenant!.id]);
      const after = await expectContract<CurrentAdmin>(await h.call('GET', ME, { token }), 'get', ME);
      expect(after).toMatchObject({ role: null, tenant_id: user!.tenant_id });
    } finally {
      await h.ctx.db.query('UPDATE tenants SET deleted_at = NULL WHERE id = $1', [tenant!.id]);
      await h.ctx.db.query(`DELETE FROM admin_roles WHERE id = 'adr_me_scope'`);
    }
  });

  it('401 when the user behind the token was deleted', async () => {
    const token = await h.token({ sub: 'usr_doesnotexist0000000', scope: 'openid', tenant_id: null, role: 'super_admin' });
    const res = await h.call('GET', ME, { token });
    expect(res.status).toBe(401);
    expect(await expectContract<HTTPError>(res, 'get', ME)).toEqual({ detail: 'User not found' });
  });
});
