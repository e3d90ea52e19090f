/* global window */
// Opening the console: a fresh browser context with the probes installed, signing in once, and the
// elements the figures wait for, found by role as a person would.
import { ACCOUNT, API, READY_TIMEOUT, WEB, WEB_ORIGIN } from './options.mjs';
import { pageProbes } from './probes.mjs';

/**
 * A fresh context (cold HTTP cache) with the probes. `token` is put in sessionStorage.token on
 * `tokenOrigin` before any script of the page runs (the peer's sign-in: see
 * ../shared/peers/README.md); `expect` is the names the probes wait for (window.__benchExpect).
 */
export async function newPage(browser, storageState, { token, tokenOrigin, expect } = {}) {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  if (token) {
    await context.addInitScript(
      ([t, origin]) => {
        if (window.location.origin === origin) window.sessionStorage.setItem('token', t);
      },
      [token, tokenOrigin],
    );
  }
  if (expect) await context.addInitScript((e) => (window.__benchExpect = e), expect);
  await context.addInitScript(pageProbes);
  const page = await context.newPage();
  return { context, page };
}

export const dataRows = (page) => page.getByRole('row').filter({ has: page.getByRole('cell').or(page.getByRole('gridcell')) });
export const searchBox = (page) =>
  page.getByRole('searchbox', { name: /search/i }).or(page.getByRole('textbox', { name: /search/i })).first();
export const nextPage = (page) => page.getByRole('button', { name: /next page/i }).first();

export async function signInOnce(browser) {
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

/** Opens a list (a path under ours, or a URL) in a fresh signed-in context and waits for its rows; null when it has none. */
export async function openList(browser, state, path, pageOptions) {
  const { context, page } = await newPage(browser, state, pageOptions);
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
