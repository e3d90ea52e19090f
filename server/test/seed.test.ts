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
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '../src/audit/audit-events';
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
    audit_events: 'SELECT * FROM audit_events ORDER BY id',
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

  it('has a few roles in force expiring within 7 days of when it was seeded, more within 30, and some expired', async () => {
    const within = (days: number) =>
      count('SELECT count(*) AS n FROM admin_roles WHERE is_active AND expires_at > $1 AND expires_at < $2', [
        TEST_NOW.toISOString(),
        new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString(),
      ]);
    const week = await within(7);
    expect(week).toBeGreaterThanOrEqual(3);
    expect(week).toBeLessThanOrEqual(6);
    // None of them within the next day: still within 7 days while a test run or a demo goes on.
    expect(await within(1)).toBe(0);
    expect(await within(30)).toBeGreaterThan(week);
    expect(await count('SELECT count(*) AS n FROM admin_roles WHERE expires_at <= $1', [TEST_NOW.toISOString()])).toBeGreaterThan(0);
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

  it('has a few thousand audit entries over the 90 days before now, about 5–10% of them refused', async () => {
    const total = await count('SELECT count(*) AS n FROM audit_events');
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(total).toBeLessThanOrEqual(5000);
    const start = TEST_NOW.getTime() - 90 * 86_400_000;
    const [span] = await db.query<{ first: string; last: string; days: number }>(
      "SELECT min(occurred_at) AS first, max(occurred_at) AS last, count(DISTINCT date_trunc('day', occurred_at)) AS days FROM audit_events",
    );
    expect(Date.parse(span!.first)).toBeGreaterThanOrEqual(start);
    expect(Date.parse(span!.last)).toBeLessThan(TEST_NOW.getTime());
    expect(Number(span!.days)).toBeGreaterThanOrEqual(85);
    const failures = await count(`SELECT count(*) AS n FROM audit_events WHERE result = 'failure'`);
    expect(failures / total).toBeGreaterThan(0.05);
    expect(failures / total).toBeLessThan(0.1);
  });

  it('uses every action and resource type, and only those, with their status codes and reasons', async () => {
    const actions = await db.query<{ action: string }>('SELECT DISTINCT action FROM audit_events ORDER BY 1');
    expect(actions.map((a) => a.action)).toEqual([...AUDIT_ACTIONS].sort());
    const types = await db.query<{ resource_type: string }>('SELECT DISTINCT resource_type FROM audit_events ORDER BY 1');
    expect(types.map((t) => t.resource_type)).toEqual([...AUDIT_RESOURCE_TYPES].sort());
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE result = 'failure' AND (detail IS NULL OR changes IS NOT NULL OR status_code NOT IN (400, 401, 403, 404, 409, 412, 422))`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE result = 'success' AND (detail IS NOT NULL OR status_code NOT IN (200, 201, 204, 303))`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE id !~ '^aud_[0-9a-z]{20}$' OR request_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE ip_address IS NULL OR user_agent IS NULL`)).toBe(0);
  });

  it('tells of the seeded records: real tenants by their names, real actors, Acme with a history', async () => {
    // Entries about a live tenant carry its name, partner and id; their actors are seeded users.
    expect(
      await count(`SELECT count(*) AS n FROM audit_events a JOIN tenants t ON t.id = a.resource_id
                    WHERE a.resource_type = 'tenant' AND (a.resource_name <> t.name OR a.tenant_id <> t.id OR a.partner_id IS DISTINCT FROM t.partner_id)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events a WHERE a.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.actor_id AND lower(u.email) = lower(a.actor_email))`)).toBe(0);
    const acme = await count(`SELECT count(*) AS n FROM audit_events WHERE resource_id = $1`, [ACME_TENANT.id]);
    expect(acme).toBeGreaterThanOrEqual(8);
    // Updated assignments are seeded ones, named as the recorder names them.
    expect(await count(`SELECT count(*) AS n FROM audit_events a WHERE a.action = 'admin_role.updated' AND NOT EXISTS (SELECT 1 FROM admin_roles r WHERE r.id = a.resource_id)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE resource_type = 'admin_role' AND resource_name !~ '^(Super|Partner|Tenant) Admin( of .+)? for .+$'`)).toBe(0);
    // The latest settings change of a tenant ends at what it holds now.
    const latest = await db.query<{ changes: Record<string, { after: unknown }>; settings: Record<string, unknown> }>(
      `SELECT DISTINCT ON (a.resource_id) a.changes, t.settings FROM audit_events a JOIN tenants t ON t.id = a.resource_id
        WHERE a.action = 'tenant.settings_updated' AND a.result = 'success' ORDER BY a.resource_id, a.occurred_at DESC`,
    );
    expect(latest.length).toBeGreaterThan(100);
    for (const { changes, settings } of latest) {
      for (const [path, change] of Object.entries(changes)) {
        const now = path.split('.').slice(1).reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], settings);
        expect(change.after ?? null).toEqual(now ?? null);
      }
    }
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'tenant.settings_updated' AND result = 'success' AND EXISTS (SELECT 1 FROM jsonb_object_keys(changes) k WHERE k NOT LIKE 'settings.%')`)).toBe(0);
  });

  it('tells only what the API would allow: tenants written by Super Admins alone, "Last changed" agreeing with the log', async () => {
    // Tenant and role writes that succeeded were made by someone holding Super Admin.
    expect(
      await count(`SELECT count(*) AS n FROM audit_events a WHERE a.result = 'success' AND a.resource_type IN ('tenant', 'admin_role')
                     AND NOT EXISTS (SELECT 1 FROM admin_roles r WHERE r.user_id = a.actor_id AND r.role = 'SUPER_ADMIN')`),
    ).toBe(0);
    // A record the log says was changed was not last changed before that.
    expect(
      await count(`SELECT count(*) AS n FROM audit_events a JOIN tenants t ON t.id = a.resource_id
                    WHERE a.result = 'success' AND a.occurred_at > t.updated_at`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM audit_events a JOIN admin_roles r ON r.id = a.resource_id
                    WHERE a.result = 'success' AND a.occurred_at > r.updated_at`),
    ).toBe(0);
  });

  it('records sign-ins as the provider does, and never a secret', async () => {
    const signIns = await count(`SELECT count(*) AS n FROM audit_events WHERE resource_type = 'session'`);
    expect(signIns).toBeGreaterThan(2000);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_succeeded' AND actor_id = $1`, [SEED_ACCOUNTS.root.id])).toBeGreaterThan(50);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed' AND (status_code <> 401 OR detail <> 'Invalid email or password' OR resource_id IS NOT NULL)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed' AND actor_id IS NULL`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE resource_type = 'session' AND result = 'success' AND resource_name <> actor_email`)).toBe(0);
    // Passwords show as "set"; nothing else from SEED_PASSWORD or a hash is anywhere.
    const passwords = await db.query<{ after: unknown }>(`SELECT changes -> 'password' ->> 'after' AS after FROM audit_events WHERE changes ? 'password'`);
    expect(passwords.length).toBeGreaterThan(0);
    expect(new Set(passwords.map((p) => p.after))).toEqual(new Set(['set']));
    const secrets = await count(`SELECT count(*) AS n FROM audit_events WHERE concat_ws(' ', changes::text, detail, resource_name, actor_email) ~* $1`, [
      `${SEED_PASSWORD.replace(/[-!]/g, '.')}|\\$argon|\\$scrypt|password_hash|token`,
    ]);
    expect(secrets).toBe(0);
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
