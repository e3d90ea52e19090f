#!/usr/bin/env node
/* global document, window, requestAnimationFrame, getComputedStyle */
// `npm run bench`: builds the console, starts the stand-in on the large seed (100,000 tenants),
// drives headless Chromium through the real sign-in page and prints what a super admin gets:
// bytes loaded, time to rows, API requests and waterfalls, heap over 50 pages, and the stand-in's
// own latency per list endpoint. Figures are medians of several runs; bench/README.md explains
// each one. Everything runs on ports of its own (API 8100, console 4180 by default), so it does
// not clash with `npm start` (8000/5173) or the e2e suite (8000/4173).
//
// Options: --runs N (default 3), --pages N (list pages for the heap figure, default 50),
// --api-port, --web-port, --reseed (seed the large data set again), --no-build (reuse the last build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { serveConsole } from './lib/static-server.mjs';
import { compressedSizes, kb, longestChain, mb, median, ms, percentile, slope, sumByKind, table } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: '50' },
    'api-port': { type: 'string', default: '8100' },
    'web-port': { type: 'string', default: '4180' },
    'server-samples': { type: 'string', default: '30' },
    reseed: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opts.runs);
const PAGES = Number(opts.pages);
const SAMPLES = Number(opts['server-samples']);
const API_PORT = Number(opts['api-port']);
const WEB_PORT = Number(opts['web-port']);
const API = `http://127.0.0.1:${API_PORT}`;
const WEB = `http://127.0.0.1:${WEB_PORT}/`;
const WEB_ORIGIN = new URL(WEB).origin;
const DATA_DIR = '.data/bench';
const DIST = join(DATA_DIR, 'dist');
const SEEDED_MARK = join(DATA_DIR, 'seeded-large.json');
const RESULTS = 'bench/results';
const ACCOUNT = { email: 'root@scaikey.test', password: 'ChangeMe-123!' };
const READY_TIMEOUT = 30_000;

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      // best effort
    }
  }
}
// Whatever goes wrong, stop the stand-in this bench started (it runs in its own process group).
process.on('uncaughtException', (error) => {
  console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
  void cleanup().then(() => process.exit(1));
});
process.on('unhandledRejection', (error) => {
  console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
  void cleanup().then(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

function log(message) {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Setting up: build, seed, stand-in, static server, browser

async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: pick another with --api-port/--web-port`)));
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function buildConsole() {
  if (opts['no-build'] && existsSync(join(DIST, 'index.html'))) {
    log(`reusing the build in ${DIST}`);
    return;
  }
  log(`building the console into ${DIST}`);
  run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error']);
}

function seedLarge() {
  if (!opts.reseed && existsSync(SEEDED_MARK)) {
    log(`reusing the large seed in ${DATA_DIR} (--reseed to seed it again)`);
    return;
  }
  log(`seeding the large data set into ${DATA_DIR} (about a minute)`);
  run('npx', ['tsx', 'server/src/seed/cli.ts', '--reset', '--size', 'large'], { DATA_DIR });
  writeFileSync(SEEDED_MARK, JSON.stringify({ size: 'large', at: new Date().toISOString() }));
}

async function startStandIn() {
  mkdirSync(DATA_DIR, { recursive: true });
  const out = createWriteStream(join(DATA_DIR, 'server.log'));
  const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
    env: { ...process.env, DATA_DIR, PORT: String(API_PORT), CONSOLE_ORIGINS: WEB_ORIGIN },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  child.once('exit', (code) => {
    exited = code;
  });
  cleanups.push(async () => {
    if (exited !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(() => {
        if (exited === null) process.kill(-child.pid, 'SIGKILL');
        resolve();
      }, 5000).unref();
    });
  });
  const discovery = `${API}/api/v1/platform/oauth/.well-known/openid-configuration`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the stand-in exited (${exited}); see ${DATA_DIR}/server.log`);
    try {
      if ((await fetch(discovery)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the stand-in did not answer ${discovery} within 3 minutes`);
}

function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return '/usr/bin/chromium';
}

// ---------------------------------------------------------------------------------------------
// In the page: when rows and forms first appear, judged by their ARIA semantics (a row is a <tr>
// or role=row; a data row has at least two cells with text, so a "Loading…" or "No tenants" row
// spanning the table does not count). Polled every animation frame from the first document on, so
// times are exact to a frame rather than to Playwright's polling interval.

function pageProbes() {
  const rowsOf = () =>
    [...document.querySelectorAll('tr, [role="row"]')].filter((row) => {
      if (!row.getClientRects().length || row.closest('[aria-hidden="true"]')) return false;
      const cells = row.querySelectorAll('td, [role="cell"], [role="gridcell"]');
      return [...cells].filter((c) => c.textContent.trim()).length >= 2;
    });
  const rowTexts = () => rowsOf().map((r) => r.textContent.trim());
  const settled = () => {
    const texts = rowTexts();
    return texts.length > 0 && !texts.some((t) => /loading/i.test(t)) && !document.querySelector('table[aria-busy="true"]');
  };
  const settingsForm = () =>
    [...document.querySelectorAll('label')].some(
      (l) => /session timeout/i.test(l.textContent) && l.control && getComputedStyle(l.control).visibility !== 'hidden',
    ) || !!document.querySelector('input[aria-label*="session timeout" i]');
  const now = () => performance.timeOrigin + performance.now();
  const marks = {};
  window.__bench = { rowTexts, settled, marks };
  const tick = () => {
    if (!marks.rows && rowTexts().length) marks.rows = now();
    if (!marks.settled && settled()) marks.settled = now();
    if (!marks.form && settingsForm()) marks.form = now();
    if (!(marks.rows && marks.settled && marks.form) && performance.now() < 120_000) requestAnimationFrame(tick);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tick);
  else tick();
  performance.setResourceTimingBufferSize(2000);
  document.addEventListener('keyup', () => (window.__bench.lastKey = performance.now()), true);
  document.addEventListener('click', () => (window.__bench.lastClick = performance.now()), true);
}

/**
 * Waits (in the page's clock) until the data rows differ from `before` and, with `mustInclude`,
 * all contain it. Measured from the last key or click (`from`), split into the wait before the
 * list request (a debounce), the request itself and the rendering after it, from Resource Timing.
 */
function waitForNewRows({ before, mustInclude, timeout, from, requestPath }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const tick = () => {
      const texts = window.__bench.rowTexts();
      const changed = texts.length > 0 && texts.join('\n') !== before;
      const ok = changed && (!mustInclude || texts.every((t) => t.toLowerCase().includes(mustInclude)));
      if (ok) {
        const at = performance.now();
        const t0 = window.__bench[from];
        const request = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes(requestPath) && e.startTime >= t0 && e.responseEnd <= at)
          .at(-1);
        resolve({
          total: at - t0,
          beforeRequest: request ? request.startTime - t0 : null,
          request: request ? request.responseEnd - request.startTime : null,
          afterRequest: request ? at - request.responseEnd : null,
        });
      } else if (performance.now() - started > timeout) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

// ---------------------------------------------------------------------------------------------
// Recording what a page loads

const sizeCache = new Map();
/** Sizes of an asset body; hashed URLs never change, so each is compressed once per bench. */
function sizesOf(url, body) {
  if (!sizeCache.has(url)) sizeCache.set(url, compressedSizes(body));
  return sizeCache.get(url);
}

function record(page) {
  const assets = new Map();
  const pending = [];
  const api = [];
  const signIn = [];
  const timeline = [];
  page.on('response', (response) => {
    const request = response.request();
    const type = request.resourceType();
    const url = response.url();
    if ((type === 'script' || type === 'stylesheet') && url.startsWith(WEB_ORIGIN) && !assets.has(url)) {
      // Only the body now: compressing (brotli 11 is slow) would block this process, which also
      // serves the console, and delay the very downloads being timed. Sizes come in summary().
      assets.set(url, null);
      pending.push(
        response
          .body()
          // The page may navigate away (the first visit goes on to the sign-in page) before its
          // bodies can be read; the same files are in the build.
          .catch(() => readFileSync(join(DIST, new URL(url).pathname)))
          .then((body) => assets.set(url, { kind: type === 'script' ? 'js' : 'css', url, body }))
          .catch(() => assets.delete(url)),
      );
    }
  });
  const done = (request, failed) => {
    const url = request.url();
    const t = request.timing();
    timeline.push({ type: request.resourceType(), url, start: t.startTime, end: t.startTime + Math.max(t.responseEnd, 0) });
    if (!url.startsWith(API)) return;
    const entry = {
      method: request.method(),
      path: new URL(url).pathname + new URL(url).search,
      start: t.startTime,
      end: t.startTime + Math.max(t.responseEnd, 0),
      failed,
    };
    if (url.startsWith(`${API}/api/v1/admin/`)) api.push(entry);
    else signIn.push(entry);
  };
  page.on('requestfinished', (r) => done(r, false));
  page.on('requestfailed', (r) => done(r, true));
  return {
    async summary() {
      await Promise.all(pending);
      const list = [...assets.values()].filter(Boolean).map(({ body, ...a }) => ({ ...a, ...sizesOf(a.url, body) }));
      return {
        bytes: sumByKind(list),
        assets: list.map((a) => ({ ...a, url: a.url.slice(WEB_ORIGIN.length) })),
        api: { count: api.length, chain: longestChain(api), requests: api },
        signInRequests: signIn.length,
        timeline,
      };
    },
  };
}

async function newPage(browser, storageState) {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(pageProbes);
  const page = await context.newPage();
  return { context, page };
}

const dataRows = (page) => page.getByRole('row').filter({ has: page.getByRole('cell').or(page.getByRole('gridcell')) });
const searchBox = (page) =>
  page.getByRole('searchbox', { name: /search/i }).or(page.getByRole('textbox', { name: /search/i })).first();
const nextPage = (page) => page.getByRole('button', { name: /next page/i }).first();

// ---------------------------------------------------------------------------------------------
// The measurements

async function signInOnce(browser) {
  const { context, page } = await newPage(browser);
  let token = null;
  page.on('request', (request) => {
    if (!request.url().startsWith(`${API}/api/v1/admin/`)) return;
    request
      .allHeaders()
      .then((h) => {
        if (h.authorization?.startsWith('Bearer ')) token = h.authorization.slice('Bearer '.length);
      })
      .catch(() => {}); // the page closed before its headers were read
  });
  await page.goto(WEB);
  await page.getByLabel('Email').fill(ACCOUNT.email);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === WEB_ORIGIN && !url.pathname.includes('auth/callback'));
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: READY_TIMEOUT });
  const deadline = Date.now() + 15_000;
  while (!token && Date.now() < deadline) await page.waitForTimeout(100);
  if (!token) throw new Error('signed in, but saw no Admin API request carrying a token');
  const state = await context.storageState();
  await context.close();
  return { state, token };
}

async function firstVisit(browser) {
  const { context, page } = await newPage(browser);
  const rec = record(page);
  const t0 = Date.now();
  await page.goto(WEB);
  await page.getByRole('heading', { name: /sign in/i }).waitFor({ timeout: READY_TIMEOUT });
  const time = Date.now() - t0;
  const summary = await rec.summary();
  await context.close();
  return { time, ...summary };
}

/**
 * Opens `path` in a fresh context (cold cache, signed in through the stand-in's session cookie,
 * as a reload does) and waits for `ready` ('rows' or 'form'). Null figures when it never shows.
 */
async function openScreen(browser, state, path, ready) {
  const { context, page } = await newPage(browser, state);
  try {
    const rec = record(page);
    const t0 = Date.now();
    await page.goto(new URL(path, WEB).href, { waitUntil: 'commit' });
    const locator = ready === 'rows' ? dataRows(page).first() : page.getByLabel(/session timeout/i).first();
    const shown = await locator
      .waitFor({ state: 'visible', timeout: READY_TIMEOUT })
      .then(() => true)
      .catch(() => false);
    if (!shown) return { shown: false, url: page.url() };
    if (ready === 'rows') await page.waitForFunction(() => window.__bench.marks.settled, null, { timeout: READY_TIMEOUT }).catch(() => {});
    await page.waitForLoadState('networkidle').catch(() => {});
    const marks = await page.evaluate(() => window.__bench.marks);
    const asked = await page.evaluate(
      (prefix) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(prefix))
          .map((e) => ({ url: e.name, start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd })),
      `${API}/api/v1/admin/`,
    );
    const mark = ready === 'rows' ? marks.rows : marks.form;
    return {
      shown: true,
      t0,
      time: mark ? mark - t0 : null,
      settledTime: ready === 'rows' && marks.settled ? marks.settled - t0 : null,
      askedChain: longestChain(asked),
      ...(await rec.summary()),
    };
  } finally {
    await context.close();
  }
}

async function measureScreen(browser, state, name, path, ready) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await openScreen(browser, state, path, ready);
    if (!r.shown) {
      log(`${name}: no ${ready === 'rows' ? 'table rows' : 'settings form'} at ${r.url} within ${READY_TIMEOUT / 1000} s: n/a`);
      return { name, path, available: false };
    }
    log(`${name} run ${i + 1}: ${ms(r.time)}, ${r.api.count} API requests, chain ${r.api.chain}`);
    runs.push(r);
  }
  const last = runs.at(-1);
  return {
    name,
    path,
    available: true,
    time: median(runs.map((r) => r.time)),
    timeRange: [Math.min(...runs.map((r) => r.time)), Math.max(...runs.map((r) => r.time))],
    settledTime: median(runs.map((r) => r.settledTime)),
    bytes: last.bytes,
    assets: last.assets,
    apiRequests: median(runs.map((r) => r.api.count)),
    // As the page asked for them (Resource Timing: a request starts when the page makes it), and
    // as they went out (Playwright: after waiting for one of the browser's six connections to the
    // API's origin over HTTP/1.1, so requests made together can look chained).
    apiChain: median(runs.map((r) => r.askedChain)),
    apiChainOnWire: median(runs.map((r) => r.api.chain)),
    apiPaths: last.api.requests.map((r) => `${r.method} ${r.path}`),
    timeline: last.timeline
      .sort((a, b) => a.start - b.start)
      .map((e) => ({ type: e.type, url: e.url, start: Math.round(e.start - last.t0), end: Math.round(e.end - last.t0) })),
    signInRequests: last.signInRequests,
  };
}

/** Opens a list in a fresh signed-in context and waits for its rows; null when it has none. */
async function openList(browser, state, path) {
  const { context, page } = await newPage(browser, state);
  await page.goto(new URL(path, WEB).href);
  const ok = await dataRows(page)
    .first()
    .waitFor({ state: 'visible', timeout: READY_TIMEOUT })
    .then(() => true)
    .catch(() => false);
  if (!ok) {
    await context.close();
    return null;
  }
  return { context, page };
}

async function measureSearch(browser, state, terms) {
  const opened = await openList(browser, state, 'tenants');
  if (!opened) return { available: false, reason: 'no tenants rows' };
  const { context, page } = opened;
  try {
    const box = searchBox(page);
    if (!(await box.isVisible().catch(() => false))) return { available: false, reason: 'no search box' };
    const runs = [];
    for (const term of terms) {
      const before = (await page.evaluate(() => window.__bench.rowTexts().join('\n'))) ?? '';
      await box.click();
      await page.keyboard.press('ControlOrMeta+A');
      await box.pressSequentially(term, { delay: 40 });
      const r = await page.evaluate(waitForNewRows, {
        before,
        mustInclude: term.toLowerCase(),
        timeout: 15_000,
        from: 'lastKey',
        requestPath: '/api/v1/admin/tenants',
      });
      log(`search "${term}": ${ms(r?.total)} (before the request ${ms(r?.beforeRequest)}, request ${ms(r?.request)}, after it ${ms(r?.afterRequest)})`);
      runs.push(r);
    }
    const times = runs.map((r) => r?.total ?? null);
    return { available: times.some((t) => t !== null), times, time: median(times), phases: phases(runs), terms };
  } finally {
    await context.close();
  }
}

/** Medians of each phase of `waitForNewRows` results. */
function phases(runs) {
  const ok = runs.filter(Boolean);
  return {
    beforeRequest: median(ok.map((r) => r.beforeRequest)),
    request: median(ok.map((r) => r.request)),
    afterRequest: median(ok.map((r) => r.afterRequest)),
  };
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, domNodes: nodes };
}

/** Clicks "Next page" `pages` times on a list; times each page and samples the heap. */
async function measurePaging(browser, state, path, apiPath, pages, sampleHeap) {
  const opened = await openList(browser, state, path);
  if (!opened) return { available: false, reason: 'no rows' };
  const { context, page } = opened;
  try {
    const next = nextPage(page);
    if (!(await next.isVisible().catch(() => false))) return { available: false, reason: 'no "Next page" button' };
    const cdp = sampleHeap ? await context.newCDPSession(page) : null;
    const heap = [];
    const runs = [];
    for (let i = 1; i <= pages; i++) {
      const before = await page.evaluate(() => window.__bench.rowTexts().join('\n'));
      if (!(await next.isEnabled())) break;
      await next.click();
      runs.push(
        await page.evaluate(waitForNewRows, {
          before,
          mustInclude: null,
          timeout: 15_000,
          from: 'lastClick',
          requestPath: `/api/v1/admin/${apiPath}`,
        }),
      );
      if (cdp && (i === 1 || i % 10 === 0 || i === pages)) heap.push({ page: i, ...(await heapUsed(cdp)) });
    }
    const times = runs.map((r) => r?.total ?? null);
    log(`${path}: ${times.length} pages, next page median ${ms(median(times))}`);
    return {
      available: true,
      pages: times.length,
      time: median(times),
      p95: percentile(times, 95),
      phases: phases(runs),
      heap,
      heapSlopePer10Pages: slope(heap.filter((h) => h.page >= 10).map((h) => ({ x: h.page / 10, y: h.heap }))),
    };
  } finally {
    await context.close();
  }
}

async function apiGet(token, path) {
  const response = await fetch(`${API}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

async function measureServer(token, endpoints) {
  const out = [];
  for (const [name, path] of endpoints) {
    const times = [];
    let error = null;
    try {
      await apiGet(token, path); // warm-up
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        await apiGet(token, path);
        times.push(performance.now() - t0);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    out.push({ name, path, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length, error });
    log(`server ${name}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}${error ? ` (${error})` : ''}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory: os.totalmem(),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browserVersion,
  };
}

function report(r) {
  const lines = [];
  const m = r.machine;
  lines.push(`ScaiKey console bench, ${r.at} (median of ${r.runs} runs; ${r.seed})`);
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${mb(m.memory)} RAM, load ${m.loadAverage.join(' ')}; ${m.os}; node ${m.node}; chromium ${m.chromium}`,
  );
  lines.push('');
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
  lines.push(
    table(
      ['stand-in, direct HTTP', 'p50', 'p95', 'samples'],
      r.server.map((e) => [`${e.name}${e.error ? ` (${e.error})` : ''}`, ms(e.p50), ms(e.p95), e.samples]),
    ),
  );
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  await assertPortFree(API_PORT);
  await assertPortFree(WEB_PORT);
  buildConsole();
  seedLarge();
  log(`starting the stand-in on ${API} (log: ${DATA_DIR}/server.log)`);
  await startStandIn();
  const web = await serveConsole({
    dir: DIST,
    port: WEB_PORT,
    config: JSON.parse(readFileSync('public/config.json', 'utf8'), (key, value) =>
      typeof value === 'string' ? value.replace('http://127.0.0.1:8000', API) : value,
    ),
  });
  cleanups.push(web.close);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => browser.close());

  const result = { at: new Date().toISOString(), runs: RUNS, machine: machine(browser.version()), seed: 'large seed' };
  log('signing in through the stand-in');
  const { state, token } = await signInOnce(browser);

  const totals = await apiGet(token, '/tenants/?per_page=1');
  const users = await apiGet(token, '/users/?per_page=1');
  const roles = await apiGet(token, '/admin-roles/?per_page=1');
  result.seed = `${totals.total.toLocaleString('en-US')} tenants, ${users.total.toLocaleString('en-US')} users, ${roles.total.toLocaleString('en-US')} role assignments`;
  const middle = Math.max(1, Math.floor(totals.total / 20 / 2));
  const tenant = (await apiGet(token, `/tenants/?page=${middle}&per_page=20`)).items[0];
  const terms = [];
  for (const p of [7, 301, 1234, 2222, 4001].slice(0, Math.max(RUNS, 3))) {
    const t = (await apiGet(token, `/tenants/?page=${p}&per_page=1`)).items[0];
    if (t) terms.push(t.name.toLowerCase());
  }
  const userTerm = (await apiGet(token, '/users/?page=500&per_page=1')).items[0]?.email.split('@')[0] ?? 'ana';

  const runSafely = async (label, fn) => {
    try {
      return await fn();
    } catch (error) {
      log(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { available: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  log('first visit before sign-in');
  const visits = [];
  for (let i = 0; i < RUNS; i++) visits.push(await runSafely('first visit', () => firstVisit(browser)));
  const okVisits = visits.filter((v) => v.time != null);
  result.firstVisit = okVisits.length
    ? {
        time: median(okVisits.map((v) => v.time)),
        timeRange: [Math.min(...okVisits.map((v) => v.time)), Math.max(...okVisits.map((v) => v.time))],
        bytes: okVisits.at(-1).bytes,
        assets: okVisits.at(-1).assets,
      }
    : { available: false };

  result.screens = [];
  for (const [name, path, ready] of [
    ['role assignments list', 'role-assignments', 'rows'],
    ['tenants list', 'tenants', 'rows'],
    ['tenant page', `tenants/${encodeURIComponent(tenant.id)}`, 'form'],
  ]) {
    log(`${name}`);
    result.screens.push({ name, ...(await runSafely(name, () => measureScreen(browser, state, name, path, ready))) });
  }

  log('tenants search');
  result.search = await runSafely('search', () => measureSearch(browser, state, terms.slice(0, Math.max(RUNS, 3))));
  log(`tenants: ${PAGES} list pages in a row`);
  result.tenantsPaging = await runSafely('tenants paging', () => measurePaging(browser, state, 'tenants', 'tenants', PAGES, true));
  log('role assignments: next page');
  result.roleAssignmentsPaging = await runSafely('role assignments paging', () =>
    measurePaging(browser, state, 'role-assignments', 'admin-roles', Math.max(RUNS, 5), false),
  );

  log('the stand-in, direct HTTP');
  result.server = await measureServer(token, [
    ['GET /tenants/ page 1', '/tenants/?page=1&per_page=20'],
    [`GET /tenants/ page ${middle.toLocaleString('en-US')}`, `/tenants/?page=${middle}&per_page=20`],
    [`GET /tenants/?search=${terms[0]}`, `/tenants/?search=${encodeURIComponent(terms[0] ?? 'acme')}&per_page=20`],
    ['GET /tenants/?search=ab (2 letters)', '/tenants/?search=ab&per_page=20'],
    ['GET /tenants/?status=SUSPENDED', '/tenants/?status=SUSPENDED&per_page=20'],
    ['GET /admin-roles/ page 1', '/admin-roles/?page=1&per_page=20'],
    ['GET /admin-roles/?role=TENANT_ADMIN', '/admin-roles/?role=TENANT_ADMIN&per_page=20'],
    ['GET /users/ page 1', '/users/?page=1&per_page=20'],
    [`GET /users/?search=${userTerm}`, `/users/?search=${encodeURIComponent(userTerm)}&per_page=20`],
    ['GET /partners/ page 1', '/partners/?page=1&per_page=20'],
    ['GET /tenants/{id}', `/tenants/${encodeURIComponent(tenant.id)}`],
  ]);

  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  writeFileSync(join(RESULTS, 'latest.json'), json);
  writeFileSync(join(RESULTS, `${result.at.replace(/[:.]/g, '-')}.json`), json);
  console.log(`\n${report(result)}\n\nwritten: ${RESULTS}/latest.json (took ${result.durationSeconds} s)`);
}

main()
  .catch((error) => {
    console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
