/* global document, window, requestAnimationFrame, getComputedStyle */
// In the page: when rows and forms first appear, judged by their ARIA semantics (a row is a <tr>
// or role=row; a data row has at least two cells with text, so a "Loading…" or "No tenants" row
// spanning the table does not count). Polled every animation frame from the first document on, so
// times are exact to a frame rather than to Playwright's polling interval.
//
// These functions run inside the page (addInitScript, page.evaluate): Playwright sends their
// source, so they may use nothing from this module or from Node.

export function pageProbes() {
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
  // The security overview's counts (issue 18): its "MFA not required" link with a number.
  const securityCounts = () => [...document.querySelectorAll('a')].some((a) => /^MFA not required [\d,]+$/.test(a.textContent.trim()));
  // A sign-in form: ours sends the browser to the stand-in's page, the peer shows its own.
  const signInForm = () => [...document.querySelectorAll('input[type="password"]')].some((i) => i.getClientRects().length);
  // Every name the bench expects on this list (window.__benchExpect, set by the side-by-side
  // comparison: groups of lowercase alternatives, one of each must show in the rows), so each app
  // is judged by the same text whatever its placeholders look like while names load.
  const named = () => {
    const expect = window.__benchExpect;
    if (!expect) return false;
    const text = rowTexts().join('\n').toLowerCase();
    return text.length > 0 && expect.every((alternatives) => alternatives.some((a) => text.includes(a)));
  };
  const now = () => performance.timeOrigin + performance.now();
  const marks = {};
  window.__bench = { rowTexts, settled, marks };
  const tick = () => {
    if (!marks.rows && rowTexts().length) marks.rows = now();
    if (!marks.settled && settled()) marks.settled = now();
    if (!marks.form && settingsForm()) marks.form = now();
    if (!marks.signInForm && signInForm()) marks.signInForm = now();
    if (!marks.counts && securityCounts()) marks.counts = now();
    if (!marks.names && named()) {
      marks.names = now();
      performance.mark('bench:names'); // where the main-thread figures end, in the Chromium trace
    }
    const done = marks.names || marks.counts || (marks.rows && marks.settled && marks.form);
    if (!done && performance.now() < 120_000) requestAnimationFrame(tick);
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
export function waitForNewRows({ before, mustInclude, timeout, from, requestPath }) {
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
