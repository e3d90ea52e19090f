/* global window */
// Measuring a list in use: typing a search, and clicking "Next page" (with the JS heap sampled on
// the way), each split into the wait before the request, the request and the rendering after it.
import { log } from './options.mjs';
import { nextPage, openList, searchBox } from './pages.mjs';
import { waitForNewRows } from './probes.mjs';
import { median, ms, percentile, slope } from './stats.mjs';

/** Types each term into the tenants list's search box; `url` and `pageOptions` open another app's list. */
export async function measureSearch(browser, state, terms, { url = 'tenants', pageOptions } = {}) {
  const opened = await openList(browser, state, url, pageOptions);
  if (!opened) return { available: false, reason: 'no tenants rows' };
  const { context, page } = opened;
  try {
    const box = searchBox(page);
    // The lists' filter bars load beside their first rows (lazyFilters): give the box a moment.
    const shown = await box
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return { available: false, reason: 'no search box' };
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
export async function measurePaging(browser, state, path, apiPath, pages, sampleHeap) {
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
