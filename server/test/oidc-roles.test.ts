import { testConfig } from '../src/config';
import { openDb, type Db } from '../src/db/db';
import { newId } from '../src/ids';
import { adminClaims, resolveAdminRole } from '../src/oidc/roles';

/** Which admin role counts for a user at a given moment: the rule tokens and /auth/me share. */

let db: Db;
let partnerId: string;
let tenantId: string;
const now = new Date('2026-11-22T12:00:00.000Z');

beforeAll(async () => {
  db = await openDb(testConfig());
  partnerId = newId('prt');
  tenantId = newId('tnt');
  await db.query(`INSERT INTO partners (id, name, slug) VALUES ($1, 'P', 'p')`, [partnerId]);
  await db.query(`INSERT INTO tenants (id, name, slug, partner_id) VALUES ($1, 'T', 't', $2)`, [tenantId, partnerId]);
});
afterAll(() => db.close());

async function user(): Promise<string> {
  const id = newId('usr');
  await db.query(`INSERT INTO users (id, email, tenant_id) VALUES ($1, $2, $3)`, [id, `${id}@x.test`, tenantId]);
  return id;
}

async function grant(
  userId: string,
  role: 'SUPER_ADMIN' | 'PARTNER_ADMIN' | 'TENANT_ADMIN',
  opts: { expiresAt?: string; active?: boolean; deleted?: boolean; createdAt?: string; partner?: string; tenant?: string } = {},
): Promise<string> {
  const id = newId('adr');
  await db.query(
    `INSERT INTO admin_roles (id, user_id, role, partner_id, tenant_id, is_active, expires_at, deleted_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      userId,
      role,
      role === 'PARTNER_ADMIN' ? (opts.partner ?? partnerId) : null,
      role === 'TENANT_ADMIN' ? (opts.tenant ?? tenantId) : null,
      opts.active ?? true,
      opts.expiresAt ?? null,
      opts.deleted ? now.toISOString() : null,
      opts.createdAt ?? now.toISOString(),
    ],
  );
  return id;
}

describe('resolveAdminRole', () => {
  it('is null for a user without assignments', async () => {
    expect(await resolveAdminRole(db, await user(), now)).toBeNull();
  });

  it('picks the highest role: super over partner over tenant', async () => {
    const u = await user();
    await grant(u, 'TENANT_ADMIN');
    const partner = await grant(u, 'PARTNER_ADMIN');
    expect(await resolveAdminRole(db, u, now)).toEqual({
      assignmentId: partner,
      role: 'PARTNER_ADMIN',
      claim: 'partner_admin',
      partnerId,
      tenantId: null,
    });
    await grant(u, 'SUPER_ADMIN');
    expect((await resolveAdminRole(db, u, now))?.claim).toBe('super_admin');
  });

  it('ignores inactive, soft-deleted and expired assignments (expiry wins over is_active)', async () => {
    const u = await user();
    await grant(u, 'SUPER_ADMIN', { active: false });
    await grant(u, 'SUPER_ADMIN', { deleted: true });
    await grant(u, 'SUPER_ADMIN', { expiresAt: now.toISOString() }); // expires exactly now
    const tenant = await grant(u, 'TENANT_ADMIN', { expiresAt: new Date(now.getTime() + 1000).toISOString() });
    expect(await resolveAdminRole(db, u, now)).toMatchObject({ assignmentId: tenant, claim: 'tenant_admin', tenantId });
    expect(await resolveAdminRole(db, u, new Date(now.getTime() + 1000))).toBeNull();
  });

  it('ignores an assignment whose tenant or partner was soft-deleted', async () => {
    const gone = newId('tnt');
    await db.query(`INSERT INTO tenants (id, name, slug, deleted_at) VALUES ($1, 'Gone', 'gone', $2)`, [gone, now.toISOString()]);
    const u = await user();
    await grant(u, 'TENANT_ADMIN', { tenant: gone });
    expect(await resolveAdminRole(db, u, now)).toBeNull();
  });

  it('among equal roles takes the oldest assignment, so the answer is stable', async () => {
    const u = await user();
    const other = newId('tnt');
    await db.query(`INSERT INTO tenants (id, name, slug) VALUES ($1, 'Other', 'other')`, [other]);
    await grant(u, 'TENANT_ADMIN', { tenant: other, createdAt: '2026-02-01T00:00:00Z' });
    const oldest = await grant(u, 'TENANT_ADMIN', { createdAt: '2026-01-01T00:00:00Z' });
    expect((await resolveAdminRole(db, u, now))?.assignmentId).toBe(oldest);
  });
});

describe('adminClaims', () => {
  const base = { assignmentId: 'adr_x', partnerId: null, tenantId: null };
  it('keeps the user tenant for non-admins, super and partner admins', () => {
    expect(adminClaims('tnt_user', null)).toEqual({ tenant_id: 'tnt_user' });
    expect(adminClaims(null, { ...base, role: 'SUPER_ADMIN', claim: 'super_admin' })).toEqual({
      tenant_id: null,
      role: 'super_admin',
    });
    expect(
      adminClaims('tnt_user', { ...base, role: 'PARTNER_ADMIN', claim: 'partner_admin', partnerId: 'prt_p' }),
    ).toEqual({ tenant_id: 'tnt_user', role: 'partner_admin', partner_id: 'prt_p' });
  });

  it("uses a tenant admin's assignment tenant", () => {
    expect(adminClaims('tnt_user', { ...base, role: 'TENANT_ADMIN', claim: 'tenant_admin', tenantId: 'tnt_a' })).toEqual({
      tenant_id: 'tnt_a',
      role: 'tenant_admin',
    });
  });
});
