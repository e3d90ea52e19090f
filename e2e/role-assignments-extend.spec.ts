import { expect, expectNoAxeViolations, test } from './support/role-assignments-fixtures';
import { exactTimeInBrowser, successMessage } from './pages/role-assignment-detail-page';
import { displayName, freeUser, getAssignment, tenantName } from './support/role-assignments-data';

const DAY = 24 * 3600_000;

/** `days` calendar days later at the same wall-clock time, as the console counts (src/features/role-assignments/extend.ts). */
function addDays(iso: string | Date, days: number): Date {
  const at = new Date(iso);
  at.setDate(at.getDate() + days);
  return at;
}

/** A datetime-local value in this process's (and the browser's) time zone. */
function localValue(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

// Extending writes (a PATCH of the test's own assignments) but deletes nothing: not @destructive.
test.describe('extend and renew a role assignment', () => {
  test('extends by 30 days from a row\'s menu and from the page, and shows the new date', { tag: '@a11y' }, async ({ api, seeder, listPage, detailPage, page, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    const assignment = await seeder.assign({
      user_id: user.id,
      role: 'TENANT_ADMIN',
      tenant_id: user.tenant_id,
      expires_at: new Date(Date.now() + 10 * DAY).toISOString(),
    });

    // From the list: the row's menu shows where each choice leads, and an axe scan with it open.
    await listPage.goTo(`user=${user.id}`);
    // The row's menu button names the row and what it does.
    await expect(listPage.row(new RegExp(name)).getByRole('button', { name: `More actions for Tenant Admin of ${name} for ${tenant}: extend`, exact: true })).toBeVisible();
    const menu = await listPage.openRowMenu(new RegExp(name), `Extend Tenant Admin of ${name}`);
    const once = addDays(assignment.expires_at!, 30);
    const onceText = await exactTimeInBrowser(page, once.toISOString());
    await expect(menu.item('+30 days')).toContainText(onceText);
    await expectNoAxeViolations(makeAxeBuilder());
    await menu.choose('+30 days');
    await expect(successMessage(page, `Extended to ${onceText}.`)).toBeVisible();
    await listPage.assertRow(new RegExp(name), ['in 40 days']);
    expect((await getAssignment(api, assignment.id))?.expires_at).toBe(once.toISOString());

    // From its page: 30 days more on the new date.
    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Expires', onceText);
    const pageMenu = await detailPage.openExtendMenu();
    await expectNoAxeViolations(makeAxeBuilder());
    await pageMenu.choose('+30 days');
    const twice = addDays(once, 30);
    const twiceText = await exactTimeInBrowser(page, twice.toISOString());
    await detailPage.assertField('Expires', twiceText);
    await expect(successMessage(page, `Extended to ${twiceText}.`)).toBeVisible();
    await detailPage.assertField('Status', 'Active');
    expect((await getAssignment(api, assignment.id))?.expires_at).toBe(twice.toISOString());
  });

  test('renews an expired assignment in one action: active again, the days counted from now', async ({ api, seeder, listPage, detailPage, page }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    // Expiring within seconds (the API refuses a past expiry), and inactive too: Renew makes it both.
    const expiresAt = new Date(Date.now() + 3_000);
    const assignment = await seeder.assign(
      { user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: expiresAt.toISOString() },
      { isActive: false },
    );
    await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(expiresAt.getTime() + 500);

    // On the list, the row's button and its choices say Renew.
    await listPage.goTo(`user=${user.id}`);
    await expect(listPage.row(new RegExp(name)).getByRole('button', { name: `More actions for Tenant Admin of ${name} for ${tenant}: renew`, exact: true })).toBeVisible();
    const rowMenu = await listPage.openRowMenu(new RegExp(name), /^Renew Tenant Admin of .+, counted from now$/);
    await expect(rowMenu.item('+30 days')).toHaveAccessibleName(/^Renew for \+30 days ?until /);
    await page.keyboard.press('Escape');
    await expect(rowMenu.menu).toBeHidden();

    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Status', 'Expired');
    await expect(detailPage.button('Extend')).toHaveCount(0);
    const menu = await detailPage.openExtendMenu('Renew');
    await menu.assertOpen(/^Renew Tenant Admin of .+, counted from now$/);
    const before = Date.now();
    await menu.choose('+7 days');

    await detailPage.assertField('Status', 'Active');
    await detailPage.assertField('Expires', 'in 7 days');
    await expect(detailPage.button('Extend')).toBeVisible();
    const renewed = await getAssignment(api, assignment.id);
    expect(renewed?.is_active).toBe(true);
    const until = Date.parse(renewed!.expires_at!);
    expect(until).toBeGreaterThanOrEqual(addDays(new Date(before), 7).getTime() - 60_000);
    expect(until).toBeLessThanOrEqual(addDays(new Date(), 7).getTime());
    await expect(successMessage(page, `Renewed until ${await exactTimeInBrowser(page, renewed!.expires_at!)}.`)).toBeVisible();
  });

  test('to a date: an earlier date is refused at the field and kept; a later one is saved', { tag: '@a11y' }, async ({ api, seeder, listPage, page, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const assignment = await seeder.assign({
      user_id: user.id,
      role: 'TENANT_ADMIN',
      tenant_id: user.tenant_id,
      expires_at: new Date(Date.now() + 10 * DAY).toISOString(),
    });

    await listPage.goTo(`user=${user.id}`);
    const menu = await listPage.openRowMenu(new RegExp(name));
    const earlier = localValue(new Date(Date.now() + 5 * DAY));
    const dialog = await menu.chooseDate(earlier);
    const field = dialog.getByLabel(/^New expiry/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription('The new expiry must be after the current one');
    await expect(field).toHaveValue(earlier);
    await expectNoAxeViolations(makeAxeBuilder());

    const later = new Date(Date.now() + 60 * DAY);
    later.setSeconds(0, 0);
    await field.fill(localValue(later));
    await dialog.getByRole('button', { name: 'Extend', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(successMessage(page, `Extended to ${await exactTimeInBrowser(page, later.toISOString())}.`)).toBeVisible();
    await listPage.assertRow(new RegExp(name), ['in 2 months']);
    expect((await getAssignment(api, assignment.id))?.expires_at).toBe(later.toISOString());
  });

  test('an assignment without an expiry offers no Extend', async ({ api, seeder, listPage, detailPage }) => {
    const user = await freeUser(api);
    const assignment = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
    await listPage.goTo(`user=${user.id}`);
    await listPage.assertRow(new RegExp(displayName(user)), ['Never']);
    await expect(listPage.row(new RegExp(displayName(user))).getByRole('button', { name: /^More actions/ })).toHaveCount(0);
    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Expires', 'Never');
    await expect(detailPage.button(/^(Extend|Renew)$/)).toHaveCount(0);
  });
});
