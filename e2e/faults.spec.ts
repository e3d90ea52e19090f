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
    // The navigation's expiry counts (three requests) wait until the page's rows and names are in.
    const counts: string[] = [];
    page.on('response', (response) => {
      if (/\/admin-roles\/\?.*expires_(after|before)=/.test(response.url())) counts.push(response.url());
    });
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    // Let the page finish its own requests (names are looked up after the rows, the counts after
    // the names), so the revoked token is first met by the navigation below, not by a request
    // still to come.
    await expect.poll(() => counts.length).toBeGreaterThanOrEqual(3);
    await page.waitForLoadState('networkidle');

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

test.describe('unexpected answers', { tag: '@faults' }, () => {
  for (const [screen, listPath, heading, table] of [
    ['role assignments', '**/api/v1/admin/admin-roles/?*', 'Role assignments', 'Role assignments'],
    ['tenants', '**/api/v1/admin/tenants/?*', 'Tenants', 'Tenants'],
  ] as const) {
    for (const [what, contentType, body] of [
      ['a list without items', 'application/json', JSON.stringify({ unexpected: true })],
      ['an HTML page instead of JSON', 'text/html', '<!doctype html><title>Gateway</title><h1>Bad gateway</h1>'],
    ] as const) {
      test(`${screen}: ${what} gives a clear error and a working Retry`, async ({ page }) => {
        let broken = true;
        await page.route(listPath, (route) =>
          broken && route.request().method() === 'GET'
            ? route.fulfill({
                status: 200,
                headers: { 'content-type': contentType, 'access-control-allow-origin': new URL(E2E.baseUrl).origin },
                body,
              })
            : route.continue(),
        );
        await page.goto(screen === 'tenants' ? 'tenants' : 'role-assignments');

        // The shell and the page stay; the error says what failed, in the page.
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByText(/could not be loaded/i)).toBeVisible();
        await expect(page.getByRole('alert').first()).toBeVisible();
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

        broken = false;
        await page.getByRole('button', { name: 'Retry' }).click();
        await expect(page.getByRole('table', { name: table }).getByRole('row').nth(1)).toBeVisible();
        await expect(page.getByText(/could not be loaded/i)).toHaveCount(0);
      });
    }
  }
});
