// The printed report: the figures of one run (as written to bench/results/latest.json) as tables.
import { kb, mb, ms, table } from './stats.mjs';

export function report(r) {
  const lines = [];
  const m = r.machine;
  lines.push(`ScaiKey console bench, ${r.at} (median of ${r.runs} runs; ${r.seed})`);
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${mb(m.memory)} RAM, load ${m.loadAverage.join(' ')}; ${m.os}; node ${m.node}; chromium ${m.chromium}`,
  );
  lines.push('');
  if (r.serverOnly) return [...lines, serverTable(r)].join('\n');
  const loads = [['first visit, before sign-in', r.firstVisit], ...r.screens.map((s) => [s.name, s])];
  lines.push(
    table(
      ['bytes loaded', 'JS files', 'JS raw', 'JS gzip', 'JS brotli', 'CSS raw', 'CSS gzip', 'CSS brotli'],
      loads.map(([name, s]) => {
        const b = s?.available === false || !s?.bytes ? null : s.bytes;
        return [name, b?.js.files, kb(b?.js.raw), kb(b?.js.gzip), kb(b?.js.brotli), kb(b?.css.raw), kb(b?.css.gzip), kb(b?.css.brotli)];
      }),
    ),
  );
  lines.push('');
  const range = (xs) => {
    const v = (xs ?? []).filter((x) => x != null);
    return v.length ? `${ms(Math.min(...v))}–${ms(Math.max(...v))}` : '';
  };
  const byName = Object.fromEntries(r.screens.map((s) => [s.name, s]));
  const ra = byName['role assignments list'];
  const tl = byName['tenants list'];
  const tp = byName['tenant page'];
  const tpg = r.tenantsPaging;
  const rpg = r.roleAssignmentsPaging;
  lines.push(
    table(
      ['time', 'median', 'spread'],
      [
        ['first visit → sign-in page', ms(r.firstVisit?.time), range(r.firstVisit?.timeRange)],
        ['role assignments → first rows', ms(ra?.time), range(ra?.timeRange)],
        ['role assignments → rows with names', ms(ra?.settledTime), ''],
        ['tenants → first rows', ms(tl?.time), range(tl?.timeRange)],
        ['tenants → rows with names', ms(tl?.settledTime), ''],
        ['tenant page → settings form', ms(tp?.time), range(tp?.timeRange)],
        ['tenants: typing stops → search rows', ms(r.search?.time), range(r.search?.times)],
        ['  of which: wait before the request', ms(r.search?.phases?.beforeRequest), '(the search box debounce)'],
        ['  the request', ms(r.search?.phases?.request), ''],
        ['  rendering after it', ms(r.search?.phases?.afterRequest), ''],
        ['tenants: next page → new rows', ms(tpg?.time), tpg?.p95 != null ? `p95 ${ms(tpg.p95)} (${tpg.pages} pages)` : ''],
        ['  of which: the request', ms(tpg?.phases?.request), ''],
        ['role assignments: next page → new rows', ms(rpg?.time), rpg?.p95 != null ? `p95 ${ms(rpg.p95)} (${rpg.pages} pages)` : ''],
      ],
    ),
  );
  lines.push('(times from navigation include the silent sign-in through the stand-in; see bench/README.md)');
  lines.push('');
  lines.push(
    table(
      ['API requests', 'Admin API requests', 'longest chain', 'on the wire', 'sign-in requests'],
      r.screens.map((s) => [
        s.name,
        s.available ? s.apiRequests : null,
        s.available ? s.apiChain : null,
        s.available ? s.apiChainOnWire : null,
        s.available ? s.signInRequests : null,
      ]),
    ),
  );
  lines.push('(longest chain: requests made after an earlier one answered, as the page made them; on the wire: as');
  lines.push(" they left the browser, which sends six at a time to one origin over HTTP/1.1; see bench/README.md)");
  lines.push('');
  const heap = r.tenantsPaging?.heap ?? [];
  lines.push(
    table(
      ['JS heap, tenants list', 'after page', 'heap used', 'DOM nodes'],
      heap.length
        ? heap.map((h, i) => [i === 0 ? 'first' : i === heap.length - 1 ? 'last' : '', h.page, mb(h.heap), h.domNodes])
        : [['n/a', null, null, null]],
    ),
  );
  if (r.tenantsPaging?.heapSlopePer10Pages != null) {
    lines.push(`heap growth per 10 pages (least squares, pages 10–${r.tenantsPaging.pages}): ${kb(r.tenantsPaging.heapSlopePer10Pages)}`);
  }
  lines.push('');
  lines.push(serverTable(r));
  return lines.join('\n');
}

function serverTable(r) {
  return table(
    ['stand-in, direct HTTP', 'p50', 'p95', 'samples'],
    r.server.map((e) => [`${e.name}${e.error ? ` (${e.error})` : ''}`, ms(e.p50), ms(e.p95), e.samples]),
  );
}
