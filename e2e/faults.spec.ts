import { expect, test } from './fixtures';
import { E2E } from './support/env';

// What the admin sees when the network or ScaiKey misbehave. Saving forms under faults is
// covered next to each form (role-assignments*.spec.ts, tenants*.spec.ts), tagged @faults too.
test.describe('network faults', { tag: '@faults' }, () => {
  test('offline: a banner says so, and it clears when the network returns', async ({ page, shell }) => {
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    await expect(shell.offlineBanner).toHaveCount(0);

    await page.context().setOffline(true);
    await expect(shell.offlineBanner).toBeVisible();
    // The page itself stays usable: still there, still navigable.
    await shell.assertHeading('Tenants');

    await page.context().setOffline(false);
    await expect(shell.offlineBanner).toHaveCount(0);
    await shell.assertHeading('Tenants');
  });
});

test.describe('sessions', { tag: '@faults' }, () => {
  test('revoked mid-session: the admin signs in again and lands back where they were', async ({ page, shell, loginPage }) => {
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');

    // ScaiKey revokes everything: the session cookie is gone, the access token is refused and
    // the refresh token is no longer honoured. Tokens issued after that are fine.
    const revoked = new Set<string>();
    let revoking = true;
    await page.context().clearCookies();
    await page.route('**/api/v1/admin/**', async (route) => {
      const auth = (await route.request().headerValue('authorization')) ?? '';
      if (route.request().method() !== 'OPTIONS' && revoking) revoked.add(auth);
      if (revoked.has(auth)) {
        return route.fulfill({
          status: 401,
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(E2E.baseUrl).origin },
          body: JSON.stringify({ detail: 'Token has been revoked' }),
        });
      }
      return route.continue();
    });
    await page.route('**/oauth/token', async (route) => {
      if (revoking && (route.request().postData() ?? '').includes('grant_type=refresh_token')) {
        return route.fulfill({
          status: 400,
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(E2E.baseUrl).origin },
          body: JSON.stringify({ error: 'invalid_grant', error_description: 'Refresh token revoked' }),
        });
      }
      return route.continue();
    });

    await shell.clickNav('Role assignments');
    await loginPage.assertShown();
    revoking = false;
    await loginPage.signIn(E2E.accounts.superAdmin);

    await shell.assertHeading('Role assignments');
    await expect(page).toHaveURL(/\/role-assignments$/);
    await shell.assertSignedInAs(E2E.accounts.superAdmin.name ?? E2E.accounts.superAdmin.email);
  });
});
