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
  if (r.compareOnly) return [...lines, compareReport(r.compare)].join('\n');
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
  const so = byName['security overview'];
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
        ['security overview → counts', ms(so?.time), `${range(so?.timeRange)} (goal ≤ 1 s)`],
        ['tenants: typing stops → search rows', ms(r.search?.time), range(r.search?.times)],
        ['  of which: wait before the request', ms(r.search?.phases?.beforeRequest), '(the search box debounce)'],
        ['  the request', ms(r.search?.phases?.request), ''],
        ['  rendering after it', ms(r.search?.phases?.afterRequest), ''],
        ['tenants: next page → new rows', ms(tpg?.time), tpg?.p95 != null ? `p95 ${ms(tpg.p95)} (${tpg.pages} pages)` : ''],
        ['  of which: the request', ms(tpg?.phases?.request), ''],
        ['role assignments: next page → new rows', ms(rpg?.time), rpg?.p95 != null ? `p95 ${ms(rpg.p95)} (${rpg.pages} pages)` : ''],
        ...paletteRows(r.palette, range),
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
  if (r.compare) lines.push('', compareReport(r.compare));
  return lines.join('\n');
}

/** The command palette (issue 19): first opening, then last key → server results per kind of term (goal ≤ 150 ms). */
function paletteRows(p, range) {
  if (!p?.rows) return [['palette: last key → results', 'n/a', p?.error ?? '']];
  return [
    ['palette: Ctrl+K → open (first use, loads its code)', ms(p.firstOpen), ''],
    ...p.rows.flatMap((row) => [
      [`palette: last key → results, ${row.label}`, ms(row.time), `${range(row.times)} (goal ≤ 150 ms)`],
      ['  pause / request / rendering', `${ms(row.beforeRequest)} / ${ms(row.request)} / ${ms(row.afterRequest)}`, ''],
    ]),
  ];
}

function serverTable(r) {
  return table(
    ['stand-in, direct HTTP', 'p50', 'p95', 'samples'],
    r.server.map((e) => [`${e.name}${e.error ? ` (${e.error})` : ''}`, ms(e.p50), ms(e.p95), e.samples]),
  );
}

/** The side-by-side table (ours and the react-admin peer): medians, spreads, peer ÷ ours and the goals. */
export function compareReport(c) {
  const ours = c.figures.ours;
  const peer = c.figures.peer;
  const range = (f) => (f?.n > 1 ? `${Math.round(f.min)}–${ms(f.max)}` : '');
  const ratio = (key) => {
    const a = ours?.[key]?.median;
    const b = peer?.[key]?.median;
    return a && b != null ? b / a : null;
  };
  const times = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}×`);
  const met = (ok) => (ok == null ? 'n/a' : ok ? 'met' : 'NOT met');
  const timeRow = (label, key, goal = '') => [label, ms(ours?.[key]?.median), range(ours?.[key]), ms(peer?.[key]?.median), range(peer?.[key]), times(ratio(key)), goal];
  const valueRow = (label, key, fmt, goal = '', withRatio = true) => [
    label,
    fmt(ours?.[key]?.median),
    '',
    fmt(peer?.[key]?.median),
    '',
    withRatio ? times(ratio(key)) : '',
    goal,
  ];
  const count = (x) => (x == null ? 'n/a' : String(Math.round(x)));
  const twice = (key) => `peer ÷ ours ≥ 2×: ${met(ratio(key) == null ? null : ratio(key) >= 2)}`;
  const below = (key, limit, unit) => `ours ≤ ${limit}${unit}: ${met(ours?.[key]?.median == null ? null : ours[key].median <= limit)}`;
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    `ours vs the react-admin peer: median of ${c.runs} runs each, taken in turn; load average ${load(c.loadAverage.before)} before, ${load(c.loadAverage.after)} after`,
    table(
      ['side by side', 'ours', 'spread', 'peer', 'spread', 'peer ÷ ours', 'goal'],
      [
        timeRow('signed-out visit → sign-in form', 'visit'),
        valueRow('  JS loaded (gzip)', 'visitJsGzip', kb),
        timeRow('role assignments, cold → first row', 'rolesFirstRow'),
        timeRow('role assignments, cold → all names', 'rolesNames', twice('rolesNames')),
        timeRow('  main thread busy until names', 'rolesBusy'),
        timeRow('  of which on the CPU', 'rolesCpu'),
        timeRow('  total blocking time until names', 'rolesTbt', below('rolesTbt', 150, ' ms')),
        valueRow('  Admin API requests before names', 'rolesApiBeforeNames', count, below('rolesApiBeforeNames', 5, '')),
        valueRow('  Admin API requests, whole load', 'rolesApi', count),
        valueRow('  sign-in requests (OIDC)', 'rolesSignIn', count, '', false),
        valueRow('  JS loaded (gzip)', 'rolesJsGzip', kb),
        timeRow('tenants, cold → first row', 'tenantsFirstRow'),
        timeRow('tenants, cold → all names (partners)', 'tenantsNames', twice('tenantsNames')),
        timeRow('  main thread busy until names', 'tenantsBusy'),
        timeRow('  of which on the CPU', 'tenantsCpu'),
        timeRow('  total blocking time until names', 'tenantsTbt'),
        valueRow('  Admin API requests before names', 'tenantsApiBeforeNames', count),
        valueRow('  Admin API requests, whole load', 'tenantsApi', count),
        valueRow('  JS loaded (gzip)', 'tenantsJsGzip', kb),
        timeRow('role assignments, reload a signed-in tab → all names', 'reloadNames'),
        valueRow('  documents loaded (1 = no redirect)', 'reloadDocuments', count, `ours = 1: ${met(ours?.reloadDocuments?.median == null ? null : ours.reloadDocuments.median === 1)}`, false),
        valueRow('  sign-in requests (OIDC)', 'reloadSignIn', count, '', false),
        timeRow('tenants search, last key → rows', 'search'),
      ],
    ),
    peer
      ? '(peer ÷ ours above 1: ours is faster or lighter. Cold load: a new context, empty cache; ours with the stand-in\'s session cookie only (a silent sign-in), the peer with its token already in sessionStorage. See bench/README.md)'
      : '(no peer this run: --no-peer, or it could not be built; see the log above)',
  ];
  return lines.join('\n');
}
