import { ACME_TENANT } from '../src/seed/fixtures';
import { TEST_NOW, type ApiHarness } from './support/api-harness';
import { ENGINES, useHarnessOn } from './support/engines';
import { spareUsers } from './support/seed-queries';

/**
 * Races that PGlite alone would hide: it runs one transaction at a time, while a real PostgreSQL
 * server runs the pool's eight side by side. Every test fires 50 requests at once
 * (Promise.all over app.request, so they interleave at every await) on both engines; the
 * PostgreSQL one is a database of its own in the cluster the test run starts.
 */

const PARALLEL = 50;
const ROLES = '/api/v1/admin/admin-roles/';
const TENANTS = '/api/v1/admin/tenants/';
const role = (id: string) => `/api/v1/admin/admin-roles/${id}`;
const inDays = (days: number) => new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString();

/** { 201: 1, 409: 49 } */
function statusCounts(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe.each(ENGINES)('on %s', (engine) => {
  let h: ApiHarness;
  useHarnessOn(engine, (harness) => (h = harness));

  const userWithoutRoles = spareUsers(() => h.ctx.db, 20);

  /** Assignments of the user's TENANT_ADMIN role for Acme that are in force at TEST_NOW. */
  async function inForce(userId: string): Promise<number> {
    const [row] = await h.ctx.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM admin_roles
        WHERE user_id = $1 AND role = 'TENANT_ADMIN' AND tenant_id = $2 AND deleted_at IS NULL
          AND is_active AND (expires_at IS NULL OR expires_at > $3)`,
      [userId, ACME_TENANT.id, TEST_NOW.toISOString()],
    );
    return Number(row?.n);
  }

  /**
   * `count` assignments of the user's TENANT_ADMIN role for Acme, none in force: even ones
   * active but expired yesterday, odd ones deactivated without an expiry.
   */
  async function dormantDuplicates(userId: string, count: number): Promise<{ id: string; expired: boolean }[]> {
    const rows = await h.ctx.db.query<{ id: string; expired: boolean }>(
      `INSERT INTO admin_roles (id, user_id, role, tenant_id, is_active, expires_at, created_at, updated_at)
       SELECT 'adr_race' || i || substr(md5($1), 1, 8), $1, 'TENANT_ADMIN', $2, i % 2 = 0,
              CASE WHEN i % 2 = 0 THEN $3::timestamptz END, $4, $4
         FROM generate_series(1, $5::int) AS i
       RETURNING id, expires_at IS NOT NULL AS expired`,
      [userId, ACME_TENANT.id, inDays(-1), inDays(-2), count],
    );
    expect(await inForce(userId)).toBe(0);
    return rows;
  }

  /** The PATCH that puts one dormant assignment back in force: a future expiry, or is_active. */
  const reactivate = (dormant: { id: string; expired: boolean }) =>
    h.call('PATCH', role(dormant.id), { body: dormant.expired ? { expires_at: inDays(30) } : { is_active: true } });

  it(`${PARALLEL} identical assigns at once: one 201, the rest 409, one assignment in force`, async () => {
    const user = await userWithoutRoles();
    const body = { user_id: user, role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id };
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => h.call('POST', ROLES, { body })));
    expect(statusCounts(responses)).toEqual({ 201: 1, 409: PARALLEL - 1 });
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(await res.json()).toEqual({ detail: `User ${user} already has an active TENANT_ADMIN role for tenant ${ACME_TENANT.id}` });
    }
    expect(await inForce(user)).toBe(1);
    const [rows] = await h.ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM admin_roles WHERE user_id = $1', [user]);
    expect(Number(rows?.n)).toBe(1);
  });

  it(`${PARALLEL} re-activations of dormant duplicates at once (is_active, or a future expiry): one succeeds`, async () => {
    const user = await userWithoutRoles();
    const dormant = await dormantDuplicates(user, PARALLEL);
    const responses = await Promise.all(dormant.map(reactivate));
    expect(statusCounts(responses)).toEqual({ 200: 1, 409: PARALLEL - 1 });
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(await res.json()).toEqual({ detail: `User ${user} already has an active TENANT_ADMIN role for tenant ${ACME_TENANT.id}` });
    }
    expect(await inForce(user)).toBe(1);
  });

  it('assigns and re-activations racing each other: one succeeds', async () => {
    const user = await userWithoutRoles();
    const dormant = await dormantDuplicates(user, PARALLEL / 2);
    const body = { user_id: user, role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id };
    const responses = await Promise.all(
      dormant.flatMap((d) => [reactivate(d), h.call('POST', ROLES, { body })]),
    );
    const counts = statusCounts(responses);
    expect((counts[200] ?? 0) + (counts[201] ?? 0)).toBe(1);
    expect(counts[409]).toBe(PARALLEL - 1);
    expect(await inForce(user)).toBe(1);
  });

  it(`${PARALLEL} tenants with the same slug at once: one 201, the rest 409`, async () => {
    const slug = `race-${engine.toLowerCase()}`;
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => h.call('POST', TENANTS, { body: { name: `Race ${i}`, slug } })),
    );
    expect(statusCounts(responses)).toEqual({ 201: 1, 409: PARALLEL - 1 });
    const [row] = await h.ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM tenants WHERE slug = $1 AND deleted_at IS NULL', [slug]);
    expect(Number(row?.n)).toBe(1);
  });
});
