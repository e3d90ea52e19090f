import { mergeTests, type Page, type Route } from '@playwright/test';
import { test as roleTest } from './support/role-assignments-fixtures';
import { expect, test as tenantTest } from './pages/tenant-fixtures';
import { displayName, freeUser, rolesOf, tenantName } from './support/role-assignments-data';
import { E2E } from './support/env';

const test = mergeTests(roleTest, tenantTest);

const cors = { 'access-control-allow-origin': new URL(E2E.baseUrl).origin };

type Fault = 'server error' | 'dropped connection';

/** Breaks the next `method` request to `url` once with `fault`, then lets requests through; returns a counter. */
async function failOnce(page: Page, url: string, method: string, fault: Fault) {
  const seen = { count: 0 };
  await page.route(url, async (route: Route) => {
    if (route.request().method() !== method) return route.continue();
    seen.count++;
    if (seen.count > 1) return route.continue();
    if (fault === 'dropped connection') return route.abort('internetdisconnected');
    return route.fulfill({
      status: 500,
      headers: { 'content-type': 'application/json', ...cors },
      body: JSON.stringify({ detail: 'Internal Server Error' }),
    });
  });
  return seen;
}

/** Holds every `method` request to `url` until `release()` is called. */
async function holdRequests(page: Page, url: string, method: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const seen = { count: 0 };
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.continue();
    seen.count++;
    await released;
    return route.continue().catch(() => undefined); // the page may have gone meanwhile
  });
  return { seen, release };
}

test.describe('saving under faults', { tag: '@faults' }, () => {
  for (const fault of ['server error', 'dropped connection'] as const) {
    test(`assigning a role: a ${fault} keeps every value, and retrying succeeds`, async ({ api, seeder, listPage, page }) => {
      const user = await freeUser(api);
      const tenant = await tenantName(api, user.tenant_id);
      const seen = await failOnce(page, '**/api/v1/admin/admin-roles/', 'POST', fault);

      await listPage.goTo();
      const dialog = await listPage.openAssignDialog();
      await dialog.pickUser(user.email);
      await dialog.chooseRole('Tenant Admin');
      await dialog.pickTenant(tenant, tenant);
      await dialog.fillExpiresAt('2031-05-04T10:30');
      await dialog.submit();

      // A clear message in the dialog; nothing typed is lost.
      await dialog.assertFormError(fault === 'server error' ? /Internal Server Error|HTTP 500/ : /Could not reach the ScaiKey API/);
      await dialog.assertOpen();
      await expect(dialog.field(/^User/)).toHaveValue(new RegExp(displayName(user)));
      await expect(dialog.roleSelect).toContainText('Tenant Admin');
      await expect(dialog.field(/^Tenant/)).toHaveValue(tenant);
      await expect(dialog.expiresAt).toHaveValue('2031-05-04T10:30');

      await dialog.submit();
      await dialog.assertClosed();
      const roles = await rolesOf(api, user.id);
      for (const r of roles) seeder.track(r.id);
      expect(roles.map((r) => r.role)).toEqual(['TENANT_ADMIN']);
      expect(seen.count).toBe(2);
    });

    test(`saving tenant settings: a ${fault} keeps every value, and retrying succeeds`, async ({ tenants, tenantPage, page }) => {
      const tenant = await tenants.create();
      const seen = await failOnce(page, `**/api/v1/admin/tenants/${tenant.id}`, 'PATCH', fault);

      await tenantPage.goTo(tenant.id, tenant.name);
      await tenantPage.setNumber('Minimum length (characters)', '14');
      await tenantPage.setNumber('Session timeout (minutes)', '90');
      await tenantPage.saveSettings();

      await expect(tenantPage.settings.getByRole('alert')).toContainText(
        fault === 'server error' ? /Internal Server Error|HTTP 500/ : /Could not reach the ScaiKey API/,
      );
      await expect(tenantPage.numberField('Minimum length (characters)')).toHaveValue('14');
      await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('90');
      await expect(tenantPage.saveSettingsButton).toBeEnabled();

      await tenantPage.saveSettings();
      await tenantPage.assertSettingsSaved();
      const saved = await tenants.get(tenant.id);
      expect(saved?.settings).toMatchObject({ session_timeout: 90, password_policy: { min_length: 14 } });
      expect(seen.count).toBe(2);
    });
  }

  test('a slow save shows it is busy, cannot be sent twice, and leaving the page cancels cleanly', async ({ tenants, tenantPage, page }) => {
    const tenant = await tenants.create();
    const held = await holdRequests(page, `**/api/v1/admin/tenants/${tenant.id}`, 'PATCH');

    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '120');
    await tenantPage.saveSettings();
    await expect(tenantPage.saveSettingsButton).toBeDisabled();
    // The console reads the tenant again before it sends the PATCH (checked-save.tsx): wait for
    // the PATCH to be held, or a busy machine sees the button disabled before there is one.
    await expect.poll(() => held.seen.count).toBe(1);
    await tenantPage.saveSettingsButton.click({ force: true }).catch(() => undefined);
    expect(held.seen.count).toBe(1);

    held.release();
    await tenantPage.assertSettingsSaved();
    expect(held.seen.count).toBe(1);
    expect((await tenants.get(tenant.id))?.settings).toMatchObject({ session_timeout: 120 });
  });

  test('a slow list: the loading state shows, and navigating away while it loads leaves no error behind', async ({ page, shell }) => {
    const held = await holdRequests(page, '**/api/v1/admin/tenants/?*', 'GET');
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    await expect(page.getByRole('progressbar').first()).toBeVisible();
    await expect.poll(() => held.seen.count).toBeGreaterThan(0);

    await shell.clickNav('Role assignments');
    await shell.assertHeading('Role assignments');
    held.release();
    await expect(page.getByRole('table', { name: 'Role assignments' }).getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByText(/could not be loaded|Something went wrong/i)).toHaveCount(0);
  });
});
