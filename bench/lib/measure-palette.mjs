/* global document, window, requestAnimationFrame */
// The command palette (issue 19) at the large seed: Ctrl+K on the tenants list, then terms typed
// as a person types them (40 ms between keys), each timed from the last key to results from the
// server on screen (the listbox no longer busy, and an option of the expected group holding the
// term), split like the list search into the pause before the request, the request and the
// rendering after it. The first opening (the palette's code loading on first use) is timed too.
import { READY_TIMEOUT, WEB, log } from './options.mjs';
import { newPage } from './pages.mjs';
import { median, ms } from './stats.mjs';

/** In the page: waits until the palette shows server results for `term` in `group`. */
function waitForPaletteResults({ term, group, kind, timeout }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      const input = document.querySelector('[role="combobox"][aria-controls]');
      const listbox = input && document.getElementById(input.getAttribute('aria-controls'));
      const groups = listbox ? [...listbox.querySelectorAll('[role="group"]')] : [];
      const found = groups.some((g) => {
        const heading = document.getElementById(g.getAttribute('aria-labelledby'));
        if (heading?.textContent !== group) return false;
        return [...g.querySelectorAll('[role="option"]')].some((o) => o.textContent.toLowerCase().includes(term.toLowerCase()));
      });
      if (input?.value === term && listbox?.getAttribute('aria-busy') === 'false' && found) {
        const done = performance.now();
        const lastKey = window.__bench.lastKey ?? started;
        const asked = `search=${encodeURIComponent(term)}`;
        const request = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes(`/api/v1/admin/${kind}/`) && new URL(e.name).search.includes(asked) && e.responseEnd <= done)
          .sort((a, b) => b.responseEnd - a.responseEnd)[0];
        resolve({
          total: done - lastKey,
          beforeRequest: request ? request.startTime - lastKey : null,
          request: request ? request.responseEnd - request.startTime : null,
          afterRequest: request ? done - request.responseEnd : null,
        });
      } else if (performance.now() - started > timeout) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/**
 * The terms, each new to the page (a term typed again would be answered from the query cache):
 * for each probed tenant name, its first 3 letters, its last word and the whole name; and part of
 * a user's email.
 */
function cases({ terms, userTerm }) {
  const names = terms.length ? terms : ['acme corporation'];
  const seen = new Set();
  const out = [];
  const add = (label, term, group, kind) => {
    if (seen.has(term)) return;
    seen.add(term);
    out.push({ label, term, group, kind });
  };
  for (const name of names) {
    add('3 letters of a tenant', name.slice(0, 3), 'Tenants', 'tenants');
    add('a word of a tenant', name.split(' ').at(-1), 'Tenants', 'tenants');
    add("a tenant's whole name", name, 'Tenants', 'tenants');
  }
  add("a user's email", userTerm, 'Users', 'users');
  return out;
}

export async function measurePalette(browser, state, probe) {
  const { context, page } = await newPage(browser, state);
  try {
    await page.goto(new URL('tenants', WEB).href);
    await page.getByRole('heading', { level: 1, name: 'Tenants' }).waitFor({ timeout: READY_TIMEOUT });
    const input = page.getByRole('combobox', { name: /^Search tenants, users/ });
    const t0 = Date.now();
    await page.keyboard.press('ControlOrMeta+k');
    await input.waitFor({ state: 'visible', timeout: READY_TIMEOUT });
    const firstOpen = Date.now() - t0;
    log(`palette: first opening (its code loads) ${ms(firstOpen)}`);
    const runs = [];
    for (const c of cases(probe)) {
      await input.fill('');
      const result = page.evaluate(waitForPaletteResults, { term: c.term, group: c.group, kind: c.kind, timeout: 15_000 });
      await input.pressSequentially(c.term, { delay: 40 });
      const r = await result;
      log(`palette "${c.term}": ${ms(r?.total)} (before the request ${ms(r?.beforeRequest)}, request ${ms(r?.request)}, after it ${ms(r?.afterRequest)})`);
      runs.push({ ...c, ...r });
    }
    // One row per kind of term: medians over the probed names.
    const rows = [...new Set(runs.map((r) => r.label))].map((label) => {
      const mine = runs.filter((r) => r.label === label);
      const ok = mine.filter((r) => r.total != null);
      return {
        label,
        terms: mine.map((r) => r.term),
        times: mine.map((r) => r.total ?? null),
        time: median(ok.map((r) => r.total)),
        beforeRequest: median(ok.map((r) => r.beforeRequest)),
        request: median(ok.map((r) => r.request)),
        afterRequest: median(ok.map((r) => r.afterRequest)),
      };
    });
    return { available: rows.some((r) => r.time != null), firstOpen, rows };
  } finally {
    await context.close();
  }
}
