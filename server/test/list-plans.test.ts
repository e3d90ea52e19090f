import { Params } from '../src/routes/shared/sql';
import { tenantListConditions } from '../src/routes/tenants/tenant-store';
import { createApiHarness, type ApiHarness } from './support/api-harness';

/**
 * Plans that keep the list endpoints fast at 100,000 tenants (`npm run bench` shows the figures):
 * every list counts its matches before reading a page, so a count must not read every row.
 */
let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const plan = async (sql: string, params: unknown[] = []) =>
  (await h.ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n');

describe('list plans', () => {
  it('leaves the seeded tables vacuumed: all-visible pages let counts be index-only scans', async () => {
    const rows = await h.ctx.db.query<{ relname: string; relpages: number; relallvisible: number }>(
      "SELECT relname, relpages, relallvisible FROM pg_class WHERE relname IN ('tenants', 'users', 'admin_roles') ORDER BY relname",
    );
    expect(rows.map((r) => r.relname)).toEqual(['admin_roles', 'tenants', 'users']);
    for (const r of rows) {
      expect(r.relpages, r.relname).toBeGreaterThan(0);
      expect(r.relallvisible, r.relname).toBe(r.relpages);
    }
  });

  it('counts the tenants of one status, and reads their first page, through tenants_status_order', async () => {
    const params = new Params();
    const where = tenantListConditions({ status: 'SUSPENDED' }, { kind: 'all' }, params).join(' AND ');
    await h.ctx.db.exec('SET enable_seqscan = off');
    try {
      expect(await plan(`SELECT count(*) FROM tenants WHERE ${where}`, params.values)).toMatch(/Index Only Scan using tenants_status_order/);
      expect(await plan(`SELECT id FROM tenants WHERE ${where} ORDER BY lower(name), id LIMIT 20`, params.values)).toMatch(
        /Index (Only )?Scan using tenants_status_order/,
      );
    } finally {
      await h.ctx.db.exec('RESET enable_seqscan');
    }
  });
});
