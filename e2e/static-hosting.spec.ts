import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIResponse, Page } from '@playwright/test';
import { E2E } from './support/env';
import { expect, expectNoAxeViolations, test as base } from './fixtures';

/**
 * The `nginx` project: the production dist/ served by Debian's nginx with the shipped
 * deploy/nginx.conf under /console/ on localhost:8080 (scripts/serve-nginx.mjs), while the API
 * and sign-in stay on the stand-in's own origin. Every request in here crosses origins, so CORS
 * and the Content-Security-Policy are exercised for real. Signed in as the chromium project is
 * (the setup project's ScaiKey session: each page load signs in silently through ScaiKey), except
 * the first test, which signs in through ScaiKey's login page itself.
 */

interface Violation {
  directive: string;
  blockedURI: string;
  documentURI: string;
  sample: string;
}

const test = base.extend<{ cspViolations: Violation[] }>({
  // Every `securitypolicyviolation` any document of the page reports, across navigations.
  cspViolations: async ({ page }, use) => {
    const violations: Violation[] = [];
    await page.exposeFunction('__reportCspViolation', (violation: Violation) => violations.push(violation));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
        void report({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          documentURI: event.documentURI,
          sample: event.sample,
        });
      });
    });
    await use(violations);
  },
});

/** The console's origin and base path under nginx, from the project's baseURL. */
function consoleBase(baseURL: string | undefined): URL {
  if (!baseURL) throw new Error('The nginx project sets baseURL (playwright.config.ts).');
  return new URL(baseURL);
}

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(new RegExp(`connect-src 'self'[^;]* ${E2E.apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[ ;]|$)`));
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['strict-transport-security']).toBe('max-age=31536000');
}

/** The entry chunk index.html loads, relative to its <base> ("assets/index-<hash>.js"). */
function entryChunk(html: string): string {
  const entry = /<script[^>]*\bsrc="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'index.html loads its entry chunk relative to <base>').toBeTruthy();
  return entry!;
}

async function signedInAt(page: Page, path: string, heading: string) {
  await expect(page).toHaveURL(new URL(path, consoleBase(test.info().project.use.baseURL)).href);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

test.describe('static hosting: dist/ on nginx under /console/', () => {
  test.describe('signed out', () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test('signs in, opens screens by deep link, reloads a nested route and signs out, with no CSP violation', async ({
      page,
      loginPage,
      shell,
      cspViolations,
    }) => {
      // A deep link before signing in: ScaiKey's login page, then back to the same screen.
      const first = await page.goto('role-assignments');
      expect(first?.status()).toBe(200);
      expectSecurityHeaders(first!);
      await loginPage.signIn(E2E.accounts.superAdmin);
      await signedInAt(page, 'role-assignments', 'Role assignments');
      if (E2E.accounts.superAdmin.name) await shell.assertSignedInAs(E2E.accounts.superAdmin.name);

      // Another deep link in a fresh document: signs in silently through ScaiKey's session.
      await page.goto('tenants');
      await signedInAt(page, 'tenants', 'Tenants');

      // A nested route, reloaded: index.html comes back with <base href="/console/">, so the
      // relative asset URLs still resolve and the router finds its basename.
      await page.goto('tenants/new');
      await signedInAt(page, 'tenants/new', 'Create tenant');
      const reloaded = await page.reload();
      expect(reloaded?.status()).toBe(200);
      expect(reloaded?.headers()['cache-control']).toBe('no-cache');
      await signedInAt(page, 'tenants/new', 'Create tenant');

      // In-app navigation keeps the /console/ prefix.
      await shell.clickNav('Role assignments');
      await signedInAt(page, 'role-assignments', 'Role assignments');

      // Signing out goes through ScaiKey's end-session and back under /console/, which asks again.
      await shell.signOut();
      await loginPage.assertShown();
      expect(new URL(page.url()).searchParams.get('redirect_uri')).toBe(
        new URL('auth/callback', consoleBase(test.info().project.use.baseURL)).href,
      );

      expect(cspViolations).toEqual([]);
    });
  });

  test('the CSP is enforced and its violations are seen (so "no violation" means something)', async ({
    page,
    cspViolations,
  }) => {
    await page.goto('');
    await signedInAt(page, 'role-assignments', 'Role assignments');
    expect(cspViolations).toEqual([]);

    // An inline script, as an injected one would be: refused, and reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inlineScriptRan = "yes"';
      document.head.append(script);
      return document.documentElement.dataset.inlineScriptRan === 'yes';
    });
    expect(ran).toBe(false);
    await expect.poll(() => cspViolations.map((v) => v.directive)).toContain('script-src-elem');

    // A request to an origin config.json does not name: refused, and reported.
    const fetched = await page.evaluate(() =>
      fetch('http://127.0.0.1:9/elsewhere').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    await expect.poll(() => cspViolations.map((v) => v.directive)).toContain('connect-src');
  });

  test('index.html and client routes are revalidated; hashed assets are immutable; missing files are 404', async ({
    request,
    baseURL,
  }) => {
    const base = consoleBase(baseURL);

    const index = await request.get(base.href);
    expect(index.status()).toBe(200);
    expect(index.headers()['content-type']).toContain('text/html');
    expect(index.headers()['cache-control']).toBe('no-cache');
    expectSecurityHeaders(index);
    const html = await index.text();
    expect(html).toContain(`<base href="${base.pathname}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script for the CSP to refuse
    const entry = entryChunk(html);

    // A client route: index.html, never cached.
    const route = await request.get(new URL('tenants/new', base).href);
    expect(route.status()).toBe(200);
    expect(await route.text()).toBe(html);
    expect(route.headers()['cache-control']).toBe('no-cache');

    // "/console" without its slash is sent to "/console/".
    const bare = await request.get(base.href.replace(/\/$/, ''), { maxRedirects: 0 });
    expect(bare.status()).toBe(301);
    expect(bare.headers()['location']).toBe(base.pathname);

    // config.json: the environment's settings, never cached, and the CSP names their origins.
    const config = await request.get(new URL('config.json', base).href);
    expect(config.status()).toBe(200);
    expect(config.headers()['content-type']).toContain('application/json');
    expect(config.headers()['cache-control']).toBe('no-cache');
    const settings = (await config.json()) as { apiBaseUrl: string; oidc: { authority: string } };
    const connectSrc = /connect-src ([^;]+)/.exec(index.headers()['content-security-policy'] ?? '')?.[1]?.split(' ') ?? [];
    expect(connectSrc).toContain(new URL(settings.apiBaseUrl).origin);
    expect(connectSrc).toContain(new URL(settings.oidc.authority).origin);

    // A hashed asset: cached for a year, compressed.
    const asset = await request.get(new URL(entry, base).href, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-type']).toContain('javascript');
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-encoding']).toBe('gzip');
    expectSecurityHeaders(asset);

    // Missing files are real 404s (not index.html), and their answer is not cached for a year.
    for (const missing of ['assets/index-0000000000.js', 'assets/missing.css', 'no-such-file.js']) {
      const response = await request.get(new URL(missing, base).href);
      expect(response.status(), missing).toBe(404);
      expect(await response.text(), missing).not.toContain('<div id="root">');
      expect(response.headers()['cache-control'], missing).toBeUndefined();
      expectSecurityHeaders(response);
    }
  });

  test('config.json names the environment: a badge in the app bar', async ({ page, cspViolations }) => {
    // The served file, plus the optional display setting a staging deployment would add.
    await page.route('**/console/config.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), environmentName: 'STAGING' } });
    });
    await page.goto('tenants');
    await signedInAt(page, 'tenants', 'Tenants');
    const banner = page.getByRole('banner');
    // "Environment: " is for screen readers only; "STAGING" is what everyone sees.
    await expect(banner.getByText('Environment: STAGING', { exact: true })).toBeVisible();
    expect(cspViolations).toEqual([]);
  });

  test('a wrong config.json stops at a page naming each bad key', async ({ page, makeAxeBuilder, cspViolations }) => {
    await page.route('**/console/config.json', (route) =>
      route.fulfill({
        json: {
          apiBaseUrl: 8000,
          oidc: { authority: 'https://scaikey.example.com/api/v1/platform/oauth', clientID: 'scaikey-admin-console' },
        },
      }),
    );
    await page.goto('tenants/new');
    await expect(page.getByRole('heading', { level: 1, name: 'The console is not configured correctly' })).toBeVisible();
    const problems = page.getByRole('listitem');
    await expect(problems.filter({ hasText: /^apiBaseUrl: expected an absolute http\(s\) URL.*but found number 8000$/ })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^oidc\.clientID: unknown key; remove it/ })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^oidc\.clientId: missing/ })).toHaveCount(1);
    await expect(page.getByText('http://localhost:8080/console/config.json')).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    expect(cspViolations).toEqual([]);
  });

  test('dist/ holds no source maps and no environment URL outside config.json', async ({ request, baseURL }) => {
    // The project exists only for local runs, where nginx serves this very directory.
    const dist = join(import.meta.dirname, '..', 'dist');
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
    expect(files).toEqual(expect.arrayContaining(['index.html', 'config.json']));
    expect(files.filter((file) => /^assets\/.+-[\w-]{8,}\.(?:js|css)$/.test(file)).length).toBeGreaterThan(1);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => f !== 'config.json')) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text, file).not.toContain('sourceMappingURL');
      expect(text, file).not.toContain(E2E.apiUrl);
    }
    // And nginx agrees: asking for a map gets a 404.
    const html = await (await request.get(consoleBase(baseURL).href)).text();
    const entry = entryChunk(html);
    expect((await request.get(new URL(`${entry}.map`, consoleBase(baseURL)).href)).status()).toBe(404);
  });
});
