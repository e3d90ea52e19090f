import { expect, test } from './fixtures';
import { E2E } from './support/env';

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

  test('tokens are kept in memory, never in web storage', async ({ page, shell }) => {
    await shell.goTo();
    await shell.assertHeading('Role assignments');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(stored).not.toMatch(/access_token|refresh_token/);
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
