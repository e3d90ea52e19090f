import { expect, test } from './fixtures';
import { TenantsPage } from './pages/tenants-page';
import { E2E } from './support/env';
import { watchSignInRedirects } from './support/sign-in-redirects';

test.describe('signing in', { tag: '@smoke' }, () => {
  // These start signed out: no saved session cookie.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a super admin signs in through ScaiKey, sees their name, and signs out', async ({ page, loginPage, shell }) => {
    await shell.goTo();
    await loginPage.signIn(E2E.accounts.superAdmin);
    await shell.assertHeading('Role assignments');
    await shell.assertSignedInAs(E2E.accounts.superAdmin.name ?? E2E.accounts.superAdmin.email);

    await shell.signOut();
    await loginPage.assertShown();
    // Signed out for real: visiting the console again asks for credentials.
    await shell.goTo('tenants');
    await loginPage.assertShown();
    await expect(page).not.toHaveURL(/\/tenants/);
  });

  test('a wrong password is refused on the sign-in page, keeping the email', async ({ page, loginPage, shell }) => {
    await shell.goTo();
    await loginPage.signIn({ ...E2E.accounts.superAdmin, password: 'not-the-password' });
    await loginPage.assertError('Invalid email or password.');
    await expect(page.getByLabel('Email')).toHaveValue(E2E.accounts.superAdmin.email);
    await expect(page.getByLabel('Password')).toHaveValue('');
  });

  test('a deep link survives sign-in', async ({ page, loginPage, shell }) => {
    await shell.goTo('tenants?view=deep#top');
    await loginPage.signIn(E2E.accounts.superAdmin);
    await shell.assertHeading('Tenants');
    await expect(page).toHaveURL(/\/tenants\?view=deep#top$/);
  });

  test('a tenant admin is refused with a clear page and can sign out', async ({ loginPage, shell, page }) => {
    await shell.goTo('tenants');
    await loginPage.signIn(E2E.accounts.tenantAdmin);
    await shell.assertHeading('Super Admin access required');
    await expect(page.getByText(E2E.accounts.tenantAdmin.email)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loginPage.assertShown();
  });

  test('an admin whose Super Admin role expired is refused', { tag: '@stand-in' }, async ({ loginPage, shell }) => {
    await shell.goTo();
    await loginPage.signIn(E2E.accounts.expiredAdmin);
    await shell.assertHeading('Super Admin access required');
  });
});

test.describe('staying signed in', () => {
  test('a visit with a ScaiKey session signs in silently', async ({ page, shell }) => {
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    await expect(page.getByRole('heading', { name: 'Sign in to ScaiKey' })).toHaveCount(0);
  });

  test('no token in localStorage; the refresh token in no storage; the access token only in this tab', async ({ page, shell }) => {
    await shell.goTo();
    await shell.assertHeading('Role assignments');
    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(local).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(local).not.toMatch(/access_token|refresh_token|id_token/);
    const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(session).not.toMatch(/refresh_token/);
  });

  test('a reload of a signed-in tab makes no round trip to ScaiKey, and Back still goes where it went', { tag: '@smoke' }, async ({ page, shell }) => {
    const tenants = new TenantsPage(page);
    await shell.goTo('role-assignments');
    await shell.assertHeading('Role assignments');
    await shell.clickNav('Tenants');
    await tenants.assertShown();
    await expect(tenants.rows.first()).toBeVisible();
    const listUrl = page.url();
    const entries = await page.evaluate(() => history.length);

    const redirects = watchSignInRedirects(page);
    await page.reload();
    await tenants.assertShown();
    await expect(tenants.rows.first()).toBeVisible();
    redirects.stop();
    expect(redirects.urls).toEqual([]);
    expect(page.url()).toBe(listUrl);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.goBack();
    await shell.assertHeading('Role assignments');
    await page.goForward();
    await tenants.assertShown();
  });

  test('a carried token ScaiKey refuses: the reload signs in through ScaiKey and lands on the same list', { tag: '@faults' }, async ({ page }) => {
    const tenants = new TenantsPage(page);
    const listRequest = page.waitForRequest((r) => r.url().includes('/api/v1/admin/tenants') && r.method() === 'GET');
    await tenants.goTo('?status=ACTIVE');
    await expect(tenants.rows.first()).toBeVisible();
    const listUrl = page.url();
    const carried = (await listRequest).headers().authorization;
    expect(carried).toMatch(/^Bearer /);

    // ScaiKey now refuses the token the tab used (revoked), and only that one.
    await page.route('**/api/v1/admin/**', async (route) => {
      if (route.request().method() === 'OPTIONS' || route.request().headers().authorization !== carried) return route.continue();
      return route.fulfill({
        status: 401,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(E2E.baseUrl).origin },
        body: JSON.stringify({ detail: 'Token has been revoked' }),
      });
    });

    const redirects = watchSignInRedirects(page);
    await page.reload();
    await tenants.assertShown();
    await expect(tenants.rows.first()).toBeVisible();
    redirects.stop();
    expect(redirects.urls).toHaveLength(1);
    expect(page.url()).toBe(listUrl);
  });

  test('an expired access token is refreshed without a visible interruption', async ({ page, shell }) => {
    await shell.goTo();
    await shell.assertHeading('Role assignments');

    // The next Admin API call is answered as ScaiKey answers an expired token.
    let expiredOnce = false;
    await page.route('**/api/v1/admin/**', async (route) => {
      if (!expiredOnce && route.request().method() !== 'OPTIONS') {
        expiredOnce = true;
        return route.fulfill({
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"', 'access-control-allow-origin': new URL(E2E.baseUrl).origin },
          body: JSON.stringify({ detail: 'Token has expired' }),
        });
      }
      return route.continue();
    });
    const refreshed = page.waitForRequest(
      (r) => r.url().includes('/oauth/token') && (r.postData() ?? '').includes('grant_type=refresh_token'),
    );
    const urlBefore = page.url();

    await shell.clickNav('Tenants');
    await shell.assertHeading('Tenants');
    await refreshed;
    await shell.assertSignedInAs(E2E.accounts.superAdmin.name ?? E2E.accounts.superAdmin.email);
    expect(expiredOnce).toBe(true);
    await expect(page.getByRole('heading', { name: 'Sign in to ScaiKey' })).toHaveCount(0);
    expect(new URL(page.url()).origin).toBe(new URL(urlBefore).origin);
  });
});
