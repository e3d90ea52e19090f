/* global window */
// Ours and the react-admin peer side by side, in one run, against the same stand-in, served by
// the same static server: the signed-out visit, each list's cold load up to its first row and up
// to every name, the main thread's work until then (a Chromium trace) and the tenants search.
// Runs alternate between the apps (ours, peer, then peer, ours, …) so both see the same machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { measureSearch } from './measure-lists.mjs';
import { apiGet } from './measure-server.mjs';
import { COMPARE_RUNS, DIST, PEER, PEER_DIST, PEER_ORIGIN, READY_TIMEOUT, WEB, WEB_ORIGIN, log } from './options.mjs';
import { newPage } from './pages.mjs';
import { record } from './record.mjs';
import { median, ms } from './stats.mjs';
import { mainThreadUntil } from './trace.mjs';

/** The two apps: how each opens a screen, and how it is signed in on a cold load. */
export function compareApps({ state, token, peer }) {
  const apps = [
    {
      key: 'ours',
      origin: WEB_ORIGIN,
      dist: DIST,
      urls: { visit: WEB, roles: `${WEB}role-assignments`, tenants: `${WEB}tenants` },
      // A new tab: the stand-in's session cookie only (no sessionStorage), so a silent sign-in.
      signedIn: { state, pageOptions: {} },
    },
  ];
  if (peer) {
    apps.push({
      key: 'peer',
      origin: PEER_ORIGIN,
      dist: PEER_DIST,
      urls: { visit: PEER, roles: `${PEER}#/admin-roles`, tenants: `${PEER}#/tenants` },
      // Its token already in sessionStorage: an advantage a new tab would not have.
      signedIn: { state: undefined, pageOptions: { token, tokenOrigin: PEER_ORIGIN } },
    });
  }
  return apps;
}

/**
 * The names page 1 of each list must show once resolved (as the stand-in answers page 1, 20 per
 * page, its default order, which is what both apps ask for): groups of lowercase alternatives.
 * Role assignments: the user (display name or email) and the scope (the tenant's name, else the
 * partner's); tenants: the partner's name.
 */
async function expectedNames(token) {
  const cache = new Map();
  const one = async (kind, id) => {
    const key = `${kind}/${id}`;
    if (!cache.has(key)) cache.set(key, apiGet(token, `/${kind}/${encodeURIComponent(id)}`));
    return cache.get(key);
  };
  const lower = (xs) => xs.filter(Boolean).map((x) => String(x).trim().toLowerCase());
  const roles = await apiGet(token, '/admin-roles/?page=1&per_page=20');
  const rolesExpect = [];
  for (const r of roles.items) {
    const user = await one('users', r.user_id);
    rolesExpect.push(lower([user.display_name, user.email]));
    if (r.tenant_id) rolesExpect.push(lower([(await one('tenants', r.tenant_id)).name]));
    else if (r.partner_id) rolesExpect.push(lower([(await one('partners', r.partner_id)).name]));
  }
  const tenants = await apiGet(token, '/tenants/?page=1&per_page=20');
  const tenantsExpect = [];
  for (const t of tenants.items) {
    tenantsExpect.push(lower([t.name]));
    if (t.partner_id) tenantsExpect.push(lower([(await one('partners', t.partner_id)).name]));
  }
  return { roles: rolesExpect, tenants: tenantsExpect };
}

/** BENCH_KEEP_TRACES=<dir>: each cold load's Chromium trace is written there (open it in Perfetto). */
const KEEP_TRACES = process.env.BENCH_KEEP_TRACES;

// 'toplevel' gives every task the renderer's main thread ran; blink.user_timing the probes' mark.
// BENCH_TRACE_CATEGORIES (comma-separated) records more, for a look inside the tasks (bench/README.md).
const TRACE_CATEGORIES = process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? ['toplevel', 'blink.user_timing', '__metadata'];

/** A cold load of `url` (new context, empty cache) up to the first row and to every expected name. */
async function coldLoad(browser, app, url, expect) {
  const { context, page } = await newPage(browser, app.signedIn.state, { ...app.signedIn.pageOptions, expect });
  let tracing = false;
  try {
    const rec = record(page, app);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.marks.names, null, { timeout: READY_TIMEOUT }).catch(() => {});
    const traceBuffer = await browser.stopTracing();
    if (KEEP_TRACES) {
      const screen = (new URL(url).hash.slice(2) || new URL(url).pathname.slice(1)).replace(/\W+/g, '-');
      writeFileSync(join(KEEP_TRACES, `${app.key}-${screen}-${Date.now()}.json`), traceBuffer);
    }
    const trace = JSON.parse(traceBuffer.toString('utf8'));
    tracing = false;
    await page.waitForLoadState('networkidle').catch(() => {});
    const marks = await page.evaluate(() => window.__bench.marks).catch(() => ({}));
    const summary = await rec.summary();
    const requests = summary.api.requests;
    return {
      firstRow: marks.rows ? marks.rows - t0 : null,
      names: marks.names ? marks.names - t0 : null,
      ...mainThreadUntil(trace),
      jsGzip: summary.bytes.js.gzip,
      apiRequests: requests.length,
      apiBeforeNames: marks.names ? requests.filter((r) => r.start <= marks.names).length : null,
      signInRequests: summary.signInRequests,
      apiPaths: requests.map((r) => `${r.method} ${r.path}`),
      url: page.url(),
      // Every request of the load (ms from the navigation's start), to find the waterfalls.
      timeline: summary.timeline,
      marks: { firstRow: marks.rows ? marks.rows - t0 : null, names: marks.names ? marks.names - t0 : null },
    };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close();
  }
}

/**
 * A reload of a signed-in tab (warm HTTP cache, the tab's sessionStorage kept): opens `url`, waits
 * for every name, then reloads and times the same again. Ours should make no top-level redirect
 * (documents loaded: 1) and no sign-in request; the peer reads its token again.
 */
async function reload(browser, app, url, expect) {
  const { context, page } = await newPage(browser, app.signedIn.state, { ...app.signedIn.pageOptions, expect });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.marks.names, null, { timeout: READY_TIMEOUT });
    await page.waitForLoadState('networkidle').catch(() => {});
    const rec = record(page, app);
    const t0 = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.marks.names, null, { timeout: READY_TIMEOUT }).catch(() => {});
    const marks = await page.evaluate(() => window.__bench.marks).catch(() => ({}));
    const summary = await rec.summary();
    return {
      names: marks.names ? marks.names - t0 : null,
      documents: summary.timeline.filter((e) => e.type === 'document').length,
      signInRequests: summary.signInRequests,
      apiBeforeNames: marks.names ? summary.api.requests.filter((r) => r.start <= marks.names).length : null,
    };
  } finally {
    await context.close();
  }
}

/** A signed-out visit: a new context with nothing, up to a visible sign-in form (a password field). */
async function signedOutVisit(browser, app) {
  const { context, page } = await newPage(browser);
  try {
    const rec = record(page, app);
    const t0 = Date.now();
    await page.goto(app.urls.visit, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.marks.signInForm, null, { timeout: READY_TIMEOUT }).catch(() => {});
    const marks = await page.evaluate(() => window.__bench.marks).catch(() => ({}));
    const summary = await rec.summary();
    return { time: marks.signInForm ? marks.signInForm - t0 : null, jsGzip: summary.bytes.js.gzip, jsFiles: summary.bytes.js.files };
  } finally {
    await context.close();
  }
}

/** The tenants search in a fresh list: one term, from the last key to rows that all contain it. */
async function search(browser, app, term) {
  const r = await measureSearch(browser, app.signedIn.state, [term], { url: app.urls.tenants, pageOptions: app.signedIn.pageOptions });
  return { time: r.time ?? null, reason: r.reason };
}

/** Medians (and spread) of each figure over the runs of one app. */
function summarize(runs) {
  const figure = (pick) => {
    const xs = runs.map(pick).filter((x) => typeof x === 'number');
    return { median: median(xs), min: xs.length ? Math.min(...xs) : null, max: xs.length ? Math.max(...xs) : null, n: xs.length };
  };
  return figure;
}

/**
 * Takes every figure `COMPARE_RUNS` times per app, alternating the apps run by run, and returns
 * `{ runs, apps, figures, loadAverage }` for report.mjs (compareReport).
 */
export async function compare(browser, { state, token, peer, searchTerms }) {
  const apps = compareApps({ state, token, peer });
  const loadBefore = os.loadavg();
  log('side by side: the names each list must show');
  const expect = await expectedNames(token);
  if (KEEP_TRACES) {
    mkdirSync(KEEP_TRACES, { recursive: true });
    writeFileSync(join(KEEP_TRACES, 'expected-names.json'), JSON.stringify(expect, null, 1));
  }
  const raw = Object.fromEntries(apps.map((a) => [a.key, { visit: [], roles: [], tenants: [], reload: [], search: [] }]));
  const inTurn = async (label, fn) => {
    for (let i = 0; i < COMPARE_RUNS; i++) {
      const order = i % 2 === 0 ? apps : [...apps].reverse();
      for (const app of order) {
        try {
          const r = await fn(app, i);
          raw[app.key][label].push(r);
          log(`${label} ${app.key} run ${i + 1}: ${describe(label, r)}`);
        } catch (error) {
          log(`${label} ${app.key} run ${i + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  };
  log(`side by side: ${apps.map((a) => a.key).join(' and ')}, ${COMPARE_RUNS} runs each, in turn`);
  await inTurn('visit', (app) => signedOutVisit(browser, app));
  await inTurn('roles', (app) => coldLoad(browser, app, app.urls.roles, expect.roles));
  await inTurn('tenants', (app) => coldLoad(browser, app, app.urls.tenants, expect.tenants));
  await inTurn('reload', (app) => reload(browser, app, app.urls.roles, expect.roles));
  await inTurn('search', (app, i) => search(browser, app, searchTerms[i % searchTerms.length]));

  const out = {};
  for (const app of apps) {
    const r = raw[app.key];
    const f = (list, pick) => summarize(list)(pick);
    out[app.key] = {
      visit: f(r.visit, (x) => x.time),
      visitJsGzip: f(r.visit, (x) => x.jsGzip),
      visitJsFiles: r.visit.at(-1)?.jsFiles ?? null,
      rolesFirstRow: f(r.roles, (x) => x.firstRow),
      rolesNames: f(r.roles, (x) => x.names),
      rolesBusy: f(r.roles, (x) => x.busy),
      rolesCpu: f(r.roles, (x) => x.cpu),
      rolesTbt: f(r.roles, (x) => x.tbt),
      rolesJsGzip: f(r.roles, (x) => x.jsGzip),
      rolesApi: f(r.roles, (x) => x.apiRequests),
      rolesApiBeforeNames: f(r.roles, (x) => x.apiBeforeNames),
      rolesSignIn: f(r.roles, (x) => x.signInRequests),
      tenantsFirstRow: f(r.tenants, (x) => x.firstRow),
      tenantsNames: f(r.tenants, (x) => x.names),
      tenantsBusy: f(r.tenants, (x) => x.busy),
      tenantsCpu: f(r.tenants, (x) => x.cpu),
      tenantsTbt: f(r.tenants, (x) => x.tbt),
      tenantsJsGzip: f(r.tenants, (x) => x.jsGzip),
      tenantsApi: f(r.tenants, (x) => x.apiRequests),
      tenantsApiBeforeNames: f(r.tenants, (x) => x.apiBeforeNames),
      tenantsSignIn: f(r.tenants, (x) => x.signInRequests),
      reloadNames: f(r.reload, (x) => x.names),
      reloadDocuments: f(r.reload, (x) => x.documents),
      reloadSignIn: f(r.reload, (x) => x.signInRequests),
      search: f(r.search, (x) => x.time),
      apiPaths: { roles: r.roles.at(-1)?.apiPaths ?? [], tenants: r.tenants.at(-1)?.apiPaths ?? [] },
      runs: r,
    };
  }
  return { runs: COMPARE_RUNS, apps: apps.map((a) => a.key), figures: out, loadAverage: { before: loadBefore, after: os.loadavg() } };
}

function describe(label, r) {
  if (label === 'visit') return `${ms(r.time)}, JS ${Math.round((r.jsGzip ?? 0) / 1024)} KB gzip`;
  if (label === 'reload') return `names ${ms(r.names)}, ${r.documents} document(s) loaded, ${r.signInRequests} sign-in requests`;
  if (label === 'search') return r.time == null ? `n/a (${r.reason ?? 'no rows'})` : ms(r.time);
  return `first row ${ms(r.firstRow)}, names ${ms(r.names)}, main thread ${ms(r.busy)} (CPU ${ms(r.cpu)}, TBT ${ms(r.tbt)}), ${r.apiRequests} API requests (${r.apiBeforeNames ?? 'n/a'} before names)${r.names == null ? ` — names never showed at ${r.url}` : ''}`;
}
