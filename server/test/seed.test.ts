import type { Db } from '../src/db/db';
import { openDb } from '../src/db/db';
import { parse } from '../src/http/validate';
import { tenantSettings } from '../src/routes/tenants/tenant-schemas';
import {
  ACME_TENANT,
  ANA_LIMA,
  FIRST_PARTNER_ID,
  PLATFORM_TENANT,
  SEED_ACCOUNTS,
  SEED_PASSWORD,
  SEED_ROLE_IDS,
} from '../src/seed/fixtures';
import { generateSeed } from '../src/seed/generate';
import { verifyPassword } from '../src/auth/password';
import { isSeeded, seed, wipe } from '../src/seed/seed';
import { TEST_NOW } from './support/api-harness';

/** The standard seed: the promised shape, the accounts, and the same data on every run. */

let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: null, databaseUrl: null });
  await seed(db, { now: TEST_NOW });
});
afterAll(() => db.close());

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]!.n);

/** Every seeded row except password hashes (salted, so different each time). */
async function dump(): Promise<string> {
  const tables = {
    partners: 'SELECT * FROM partners ORDER BY id',
    tenants: 'SELECT * FROM tenants ORDER BY id',
    users: 'SELECT id, email, first_name, last_name, display_name, status, tenant_id, last_login_at, created_at, updated_at, deleted_at FROM users ORDER BY id',
    admin_roles: 'SELECT * FROM admin_roles ORDER BY id',
  };
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(tables)) out[name] = await db.query(sql);
  return JSON.stringify(out);
}

describe('standard seed', () => {
  it('has the promised counts', async () => {
    expect(await count('SELECT count(*) AS n FROM partners')).toBe(5);
    expect(await count('SELECT count(*) AS n FROM tenants WHERE deleted_at IS NULL')).toBe(1001);
    expect(await count('SELECT count(*) AS n FROM tenants WHERE deleted_at IS NOT NULL')).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(3000);
    expect(await count('SELECT count(*) AS n FROM admin_roles')).toBe(200);
    const suspended = await count(`SELECT count(*) AS n FROM tenants WHERE status = 'SUSPENDED'`);
    expect(suspended).toBeGreaterThan(60);
    expect(suspended).toBeLessThan(140);
    expect(await count('SELECT count(*) AS n FROM tenants WHERE contact_email IS NULL')).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM tenants WHERE partner_id IS NULL')).toBe(1);
    expect(await count(`SELECT count(DISTINCT partner_id) AS n FROM tenants`)).toBe(5);
  });

  it('holds the platform tenant, Acme, and the partners by name', async () => {
    const [platform] = await db.query('SELECT name, slug, partner_id FROM tenants WHERE id = $1', [PLATFORM_TENANT.id]);
    expect(platform).toEqual({ name: 'ScaiKey Platform', slug: 'scaikey-platform', partner_id: null });
    const [acme] = await db.query('SELECT name, slug, partner_id FROM tenants WHERE id = $1', [ACME_TENANT.id]);
    expect(acme).toEqual({ name: 'Acme Corporation', slug: 'acme', partner_id: FIRST_PARTNER_ID });
    const [first] = await db.query<{ name: string }>('SELECT name FROM partners WHERE id = $1', [FIRST_PARTNER_ID]);
    expect(first?.name).toBe('Northwind Partners');
  });

  it('gives exactly the four accounts a working password', async () => {
    const withPassword = await db.query<{ email: string; password_hash: string }>(
      'SELECT email, password_hash FROM users WHERE password_hash IS NOT NULL ORDER BY email',
    );
    expect(withPassword.map((u) => u.email)).toEqual([
      'expired.admin@scaikey.test',
      'partner.admin@scaikey.test',
      'root@scaikey.test',
      'tenant.admin@scaikey.test',
    ]);
    expect(await verifyPassword(SEED_PASSWORD, withPassword[0]!.password_hash)).toBe(true);
  });

  it('gives the accounts their roles: Rhea super, Paolo partner, Theo tenant, Eve expired', async () => {
    const roles = await db.query<{ user_id: string; role: string; partner_id: string | null; tenant_id: string | null; is_active: boolean; expires_at: string | null }>(
      'SELECT user_id, role, partner_id, tenant_id, is_active, expires_at FROM admin_roles WHERE user_id = ANY($1::text[])',
      [Object.values(SEED_ACCOUNTS).map((a) => a.id)],
    );
    const of = (id: string) => roles.filter((r) => r.user_id === id);
    expect(of(SEED_ACCOUNTS.root.id)).toEqual([{ user_id: SEED_ACCOUNTS.root.id, role: 'SUPER_ADMIN', partner_id: null, tenant_id: null, is_active: true, expires_at: null }]);
    expect(of(SEED_ACCOUNTS.partnerAdmin.id)).toMatchObject([{ role: 'PARTNER_ADMIN', partner_id: FIRST_PARTNER_ID, expires_at: null }]);
    expect(of(SEED_ACCOUNTS.tenantAdmin.id)).toMatchObject([{ role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id, expires_at: null }]);
    const eve = of(SEED_ACCOUNTS.expiredAdmin.id);
    expect(eve).toMatchObject([{ role: 'SUPER_ADMIN', is_active: true }]);
    expect(new Date(eve[0]!.expires_at!).getTime()).toBeLessThan(TEST_NOW.getTime());
    const [root] = await db.query<{ last_login_at: string | null; tenant_id: string }>('SELECT last_login_at, tenant_id FROM users WHERE id = $1', [SEED_ACCOUNTS.root.id]);
    expect(root).toMatchObject({ tenant_id: PLATFORM_TENANT.id, last_login_at: expect.any(String) });
    const [theo] = await db.query<{ tenant_id: string }>('SELECT tenant_id FROM users WHERE id = $1', [SEED_ACCOUNTS.tenantAdmin.id]);
    expect(theo?.tenant_id).toBe(ACME_TENANT.id);
  });

  it('has Ana Lima, a Tenant Admin, once', async () => {
    const anas = await db.query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'Ana Lima'`);
    expect(anas.map((a) => a.id)).toEqual([ANA_LIMA.id]);
    const [role] = await db.query('SELECT id, role, tenant_id FROM admin_roles WHERE user_id = $1', [ANA_LIMA.id]);
    expect(role).toEqual({ id: SEED_ROLE_IDS.anaLima, role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id });
  });

  it('has groups of never-signed-in admin users sharing one email across tenants', async () => {
    const groups = await db.query<{ email: string; users: number; tenants: number; never: boolean; with_roles: number }>(
      `SELECT lower(email) AS email, count(*) AS users, count(DISTINCT tenant_id) AS tenants,
              bool_and(last_login_at IS NULL) AS never,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM admin_roles r WHERE r.user_id = u.id)) AS with_roles
         FROM users u GROUP BY lower(email) HAVING count(*) > 1`,
    );
    expect(groups.length).toBeGreaterThanOrEqual(10);
    for (const g of groups) {
      expect(Number(g.users)).toBeGreaterThanOrEqual(2);
      expect(Number(g.users)).toBeLessThanOrEqual(3);
      expect(Number(g.tenants)).toBe(Number(g.users));
      expect(g.never).toBe(true);
      expect(Number(g.with_roles)).toBe(Number(g.users));
    }
  });

  it('mixes assignment states: each role, inactive, expired, future expiry, all with granted_by but the first', async () => {
    const states = await db.query<{ role: string; state: string; n: number }>(
      `SELECT role, CASE WHEN NOT is_active THEN 'inactive' WHEN expires_at IS NULL THEN 'active'
                         WHEN expires_at <= $1 THEN 'expired' ELSE 'future' END AS state, count(*) AS n
         FROM admin_roles GROUP BY 1, 2`,
      [TEST_NOW.toISOString()],
    );
    const has = (role: string, state: string) => states.some((s) => s.role === role && s.state === state && Number(s.n) > 0);
    for (const role of ['SUPER_ADMIN', 'PARTNER_ADMIN', 'TENANT_ADMIN']) {
      expect(has(role, 'active'), role).toBe(true);
      expect(has(role, 'inactive'), role).toBe(true);
      expect(has(role, 'expired'), role).toBe(true);
    }
    expect(has('TENANT_ADMIN', 'future')).toBe(true);
    expect(has('SUPER_ADMIN', 'future')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM admin_roles WHERE granted_by IS NULL')).toBe(1);
    // Every role's scope is as the API requires.
    expect(
      await count(`SELECT count(*) AS n FROM admin_roles WHERE NOT (
        (role = 'SUPER_ADMIN' AND partner_id IS NULL AND tenant_id IS NULL) OR
        (role = 'PARTNER_ADMIN' AND partner_id IS NOT NULL AND tenant_id IS NULL) OR
        (role = 'TENANT_ADMIN' AND tenant_id IS NOT NULL AND partner_id IS NULL))`),
    ).toBe(0);
  });

  it('stores settings the API itself would accept, some with keys the console does not know', async () => {
    const tenants = await db.query<{ settings: Record<string, unknown>; branding: Record<string, unknown> }>('SELECT settings, branding FROM tenants');
    const known = new Set(['mfa_required', 'mfa_methods', 'password_policy', 'session_timeout']);
    let unknown = 0;
    for (const t of tenants) {
      // Valid, and already complete: validating fills in nothing.
      expect(parse(tenantSettings, t.settings, ['settings'])).toEqual(t.settings);
      if (Object.keys(t.settings).some((k) => !known.has(k))) unknown++;
    }
    expect(unknown).toBeGreaterThan(tenants.length * 0.02);
    expect(unknown).toBeLessThan(tenants.length * 0.1);
    expect(tenants.filter((t) => typeof t.branding.primary_color === 'string').length).toBeGreaterThan(tenants.length * 0.8);
  });

  it('uses realistic, unique names and slugs', async () => {
    expect(await count('SELECT count(*) - count(DISTINCT name) AS n FROM tenants')).toBe(0);
    expect(await count('SELECT count(*) - count(DISTINCT slug) AS n FROM tenants')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM tenants WHERE slug !~ '^[a-z0-9-]{3,63}$'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM users WHERE first_name ~ '[^ -~]'`)).toBeGreaterThan(0); // accents and the like
  });

  it('is deterministic: seeding again gives the same rows and ids', async () => {
    const before = await dump();
    expect(await isSeeded(db)).toBe(true);
    await seed(db, { now: TEST_NOW, reset: true });
    expect(await dump()).toBe(before);
    expect(generateSeed('standard', TEST_NOW)).toEqual(generateSeed('standard', TEST_NOW));
  });

  it('wipes everything on reset', async () => {
    await wipe(db);
    expect(await isSeeded(db)).toBe(false);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(0);
    await seed(db, { now: TEST_NOW });
    expect(await count('SELECT count(*) AS n FROM users')).toBe(3000);
  });
});
