/* global window */
// Measuring a screen load: the first visit up to the sign-in page, and each signed-in screen from
// navigation to its first rows or form (bytes, times, API requests and their longest chain).
import { API, READY_TIMEOUT, RUNS, WEB, log } from './options.mjs';
import { dataRows, newPage } from './pages.mjs';
import { record } from './record.mjs';
import { longestChain, median, ms } from './stats.mjs';

export async function firstVisit(browser) {
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
 * as a reload does) and waits for `ready` ('rows', 'form' or 'counts'). Null figures when it never shows.
 */
async function openScreen(browser, state, path, ready) {
  const { context, page } = await newPage(browser, state);
  try {
    const rec = record(page);
    const t0 = Date.now();
    await page.goto(new URL(path, WEB).href, { waitUntil: 'commit' });
    const locator =
      ready === 'rows'
        ? dataRows(page).first()
        : ready === 'counts'
          ? // The security overview (issue 18): its "MFA not required" count, a link once the summary is in.
            page.getByRole('link', { name: /^MFA not required [\d,]+$/ }).first()
          : page.getByLabel(/session timeout/i).first();
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
    const mark = ready === 'rows' ? marks.rows : ready === 'counts' ? marks.counts : marks.form;
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

export async function measureScreen(browser, state, name, path, ready) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await openScreen(browser, state, path, ready);
    if (!r.shown) {
      log(`${name}: no ${{ rows: 'table rows', form: 'settings form', counts: 'security counts' }[ready]} at ${r.url} within ${READY_TIMEOUT / 1000} s: n/a`);
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
