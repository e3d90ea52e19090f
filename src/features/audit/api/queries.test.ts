import { auditEntry } from '@/testing/audit-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { auditExportPages, fetchAuditPage, type AuditEvent } from './queries';

/** fetchAuditPage and the CSV export's pages: what is asked of the server, and what its answer is taken to mean. */

const NOW = Date.parse('2026-06-01T12:00:00.000Z');

const entry = (over: Partial<AuditEvent> = {}) => auditEntry({ occurred_at: '2026-06-01T11:30:00.000Z', ...over });

const page = (items: AuditEvent[], over: object = {}) => ({ items, total: items.length, page: 1, per_page: 100, pages: 1, ...over });

/** A log endpoint answering `answer(query)`; each request's query is kept in `asked`. */
function serve(answer: (query: URLSearchParams) => object) {
  const asked: URLSearchParams[] = [];
  mockFetch({
    'GET /api/v1/admin/audit/': (request) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      return jsonResponse(200, answer(query));
    },
  });
  return asked;
}

describe('fetchAuditPage', () => {
  it('passes a count that stopped (total_capped) as "at least", never as the total', async () => {
    serve(() => page([entry()], { total: 10_000, pages: 100, total_capped: true }));
    const result = await fetchAuditPage({}, 1, 100);
    expect(result).toMatchObject({ total: null, pages: null, atLeast: 10_000, ignored: [] });
  });

  it('keeps an exact count as the total', async () => {
    serve(() => page([entry()], { total: 1 }));
    expect(await fetchAuditPage({}, 1, 100)).toMatchObject({ total: 1, ignored: [] });
  });

  it('names each filter the server ignored, by its label on screen', async () => {
    const asked = serve(() => page([entry(), entry({ id: 'aud_2', resource_id: 'tnt_2', result: 'failure' })]));
    const result = await fetchAuditPage({ resource: 'tnt_1', result: 'success', action: 'tenant.updated' }, 1, 100);
    expect(asked[0]!.get('resource_id')).toBe('tnt_1');
    expect(asked[0]!.get('result')).toBe('success');
    expect(result.ignored).toEqual(['Resource', 'Result']);
  });

  it('turns a relative range into a start_time at the moment asked, with no end_time', async () => {
    const asked = serve(() => page([entry()]));
    await fetchAuditPage({ range: '24h' }, 2, 50, { now: NOW });
    expect(Object.fromEntries(asked[0]!)).toEqual({ page: '2', per_page: '50', start_time: '2026-05-31T12:00:00.000Z' });
  });

  it('says the server ignored the time window when a row lies outside it', async () => {
    serve(() => page([entry({ occurred_at: '2026-05-01T00:00:00.000Z' })]));
    expect((await fetchAuditPage({ range: '1h' }, 1, 100, { now: NOW })).ignored).toEqual(['Time range']);

    serve(() => page([entry({ occurred_at: '2026-06-01T12:00:00.000Z' })]));
    const custom = { range: 'custom', from: '2026-06-01T11:00:00.000Z', to: '2026-06-01T12:00:00.000Z' } as const;
    expect((await fetchAuditPage(custom, 1, 100, { now: NOW })).ignored).toEqual(['Time range']);

    serve(() => page([entry({ occurred_at: '2026-06-01T11:59:59.999Z' })]));
    expect((await fetchAuditPage(custom, 1, 100, { now: NOW })).ignored).toEqual([]);
  });

  it('ends the window at `until` (exclusive), or at a custom "to" that comes first', async () => {
    const asked = serve(() => page([]));
    await fetchAuditPage({ range: '1h' }, 1, 100, { now: NOW, until: NOW + 1 });
    await fetchAuditPage({ range: 'custom', from: '2026-05-01T00:00:00.000Z', to: '2026-05-02T00:00:00.000Z' }, 1, 100, { now: NOW, until: NOW + 1 });
    await fetchAuditPage({ range: 'custom', to: '2026-07-01T00:00:00.000Z' }, 1, 100, { now: NOW, until: NOW + 1 });
    await fetchAuditPage({}, 1, 100, { now: NOW, until: NOW + 1 });
    expect(asked.map((q) => [q.get('start_time'), q.get('end_time')])).toEqual([
      ['2026-06-01T11:00:00.000Z', '2026-06-01T12:00:00.001Z'],
      ['2026-05-01T00:00:00.000Z', '2026-05-02T00:00:00.000Z'],
      [null, '2026-06-01T12:00:00.001Z'],
      [null, '2026-06-01T12:00:00.001Z'],
    ]);
  });
});

describe('auditExportPages', () => {
  const signal = new AbortController().signal;

  it('asks every page for the log as it stood when page 1 was asked, then no later than page 1’s newest entry', async () => {
    const newest = '2026-06-01T11:59:58.500Z';
    const asked = serve((query) => {
      const n = Number(query.get('page'));
      return page(n === 1 ? [entry({ occurred_at: newest }), entry({ id: 'aud_2' })] : [entry({ id: `aud_${n + 1}` })], { total: 250 });
    });
    let clock = NOW;
    const fetchPage = auditExportPages({ range: '24h', tenant: 'tnt_1' }, () => clock);

    await fetchPage(1, 100, signal);
    clock += 60_000; // entries written meanwhile must not shift the pages
    await fetchPage(2, 100, signal);
    await fetchPage(3, 100, signal);

    const start = '2026-05-31T12:00:00.000Z';
    expect(asked.map((q) => [q.get('page'), q.get('start_time'), q.get('end_time'), q.get('tenant_id')])).toEqual([
      ['1', start, '2026-06-01T12:00:00.001Z', 'tnt_1'],
      ['2', start, '2026-06-01T11:59:58.501Z', 'tnt_1'],
      ['3', start, '2026-06-01T11:59:58.501Z', 'tnt_1'],
    ]);
  });

  it('starts from a new moment when page 1 is asked again (a new export)', async () => {
    const asked = serve(() => page([]));
    let clock = NOW;
    const fetchPage = auditExportPages({}, () => clock);
    await fetchPage(1, 100, signal);
    clock += 1000;
    await fetchPage(1, 100, signal);
    expect(asked.map((q) => q.get('end_time'))).toEqual(['2026-06-01T12:00:00.001Z', '2026-06-01T12:00:01.001Z']);
  });

  it('fails rather than exporting rows the server did not filter', async () => {
    serve(() => page([entry({ tenant_id: 'tnt_2' })]));
    await expect(auditExportPages({ tenant: 'tnt_1' }, () => NOW)(1, 100, signal)).rejects.toThrow(
      'This server ignored the filter Tenant; the entries shown are not filtered.',
    );
  });
});
