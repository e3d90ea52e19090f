import { AUDIT_COUNT_CAP, auditListConditions, type AuditFilters } from '../src/audit/audit-store';
import { ACME_TENANT, SEED_ACCOUNTS } from '../src/seed/fixtures';
import { DEEP_OFFSET, pageSql, Params } from '../src/routes/shared/sql';
import { tenantListConditions } from '../src/routes/tenants/tenant-store';
import { createApiHarness, TEST_NOW, type ApiHarness } from './support/api-harness';

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

  it('finds a deep page by its ids through an index-only scan of tenants_name_cover', async () => {
    const params = new Params();
    const where = tenantListConditions({}, { kind: 'all' }, params);
    const sql = pageSql({ select: 'id, name', from: 'tenants', where, orderBy: 'lower(name), id', params }, DEEP_OFFSET);
    expect(sql).toMatch(/WHERE id IN \(SELECT id FROM tenants/);
    await h.ctx.db.exec('SET enable_seqscan = off');
    try {
      expect(await plan(sql, [20, DEEP_OFFSET])).toMatch(/Index Only Scan using tenants_name_cover/);
    } finally {
      await h.ctx.db.exec('RESET enable_seqscan');
    }
  });

  it('answers a deep page with the same rows, in the same order, as a plain OFFSET', async () => {
    const perPage = 20;
    const page = Math.floor(DEEP_OFFSET / perPage) + 3;
    const res = await h.call('GET', `/api/v1/admin/tenants/?page=${page}&per_page=${perPage}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[]; page: number };
    const plain = await h.ctx.db.query<{ id: string }>(
      'SELECT id FROM tenants WHERE deleted_at IS NULL ORDER BY lower(name), id LIMIT $1 OFFSET $2',
      [perPage, (page - 1) * perPage],
    );
    expect(body.items).toHaveLength(perPage);
    expect(body.items.map((t) => t.id)).toEqual(plain.map((t) => t.id));
  });

  describe('the audit log', () => {
    const day = 86_400_000;
    // Whether a filter's few matches are read off its index in order or fetched and sorted is the
    // planner's choice by their number; the unfiltered list and a time range must never sort.
    const lists: [string, AuditFilters, RegExp, boolean][] = [
      ['unfiltered', {}, /audit_events_newest/, false],
      ['by resource_id', { resource_id: ACME_TENANT.id }, /audit_events_resource/, true],
      ['by actor_id', { actor_id: SEED_ACCOUNTS.root.id }, /audit_events_actor\b/, true],
      ['by a time range', { start_time: new Date(TEST_NOW.getTime() - 7 * day), end_time: new Date(TEST_NOW.getTime() - day) }, /audit_events_newest/, false],
    ];

    it.each(lists)('%s: counts (up to the cap) and reads a page by an index, without a scan or a sort of the table', async (_name, filters, index, maySortMatches) => {
      const params = new Params();
      const where = auditListConditions(filters, params);
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      await h.ctx.db.exec('SET enable_seqscan = off');
      try {
        const count = await plan(`SELECT count(*) FROM (SELECT 1 FROM audit_events ${whereSql} LIMIT ${AUDIT_COUNT_CAP + 1}) AS capped`, params.values);
        expect(count).toMatch(/Index Only Scan|Index Scan|Bitmap Index Scan/);
        expect(count).not.toMatch(/Seq Scan|\bSort\b/);
        for (const offset of [0, DEEP_OFFSET]) {
          const sql = pageSql({ select: '*', from: 'audit_events', where, params, orderBy: 'occurred_at DESC, id DESC' }, offset);
          const page = await plan(sql, [...params.values, 20, offset]);
          expect(page).toMatch(index);
          expect(page).not.toMatch(/Seq Scan/);
          // A deep page sorts only its own rows, at the top (pageSql); nothing below it sorts.
          if (!maySortMatches) expect(page).not.toMatch(offset === 0 ? /\bSort\b/ : /->\s+(Incremental )?Sort\b/);
        }
      } finally {
        await h.ctx.db.exec('RESET enable_seqscan');
      }
    });
  });
});
