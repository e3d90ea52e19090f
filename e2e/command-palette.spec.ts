import { CommandPalette } from './pages/command-palette';
import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import { displayName, type User } from './support/role-assignments-data';
import type { AdminApi } from './support/api';

// The command palette (issue 19): Ctrl+K / ⌘K or the Search button, from any screen. Only reads,
// apart from the tenant each test seeds and deletes again.

/** A user of the seed whose email no other user shares (so the email finds exactly them). */
async function userWithUniqueEmail(api: AdminApi): Promise<User> {
  for (let page = 3; page < 40; page += 3) {
    const { data } = await api.GET('/api/v1/admin/users/', { params: { query: { page, per_page: 20, status: 'ACTIVE' } } });
    for (const user of data?.items ?? []) {
      const { data: same } = await api.GET('/api/v1/admin/users/', { params: { query: { search: user.email, per_page: 5 } } });
      if (same?.items.length === 1) return user;
    }
  }
  throw new Error('No user with a unique email in the seed');
}

test.describe('the command palette', () => {
  test('Ctrl+K, part of a tenant\'s name, Enter: the tenant\'s page', { tag: '@smoke' }, async ({ page, shell, tenants }) => {
    const tenant = await tenants.create({ name: `E2E Palette ${Date.now().toString(36)} Orchard` });
    const palette = new CommandPalette(page);
    await shell.goTo('role-assignments');
    await shell.assertHeading('Role assignments');

    await palette.openWithShortcut();
    // Part of the name, from the middle: the server searches substrings.
    const part = tenant.name.split(' ').slice(1).join(' ').toLowerCase();
    await palette.fillSearch(part);
    const option = palette.option(new RegExp(tenant.name), 'Tenants');
    await expect(option).toContainText(tenant.slug);
    await expect(palette.announcement).toHaveText(/1 tenant/);
    await palette.openActive(option);

    await expect(page).toHaveURL(new RegExp(`/tenants/${tenant.id}$`));
    await shell.assertHeading(tenant.name);

    // Next time it is a recent pick, first, before anything is typed.
    await palette.openWithShortcut();
    await expect(palette.group('Recent').getByRole('option').first()).toContainText(tenant.name);
    await palette.close();
  });

  test("a user's email finds them and Enter opens their roles", async ({ api, page, shell }) => {
    const user = await userWithUniqueEmail(api);
    const palette = new CommandPalette(page);
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');

    await palette.openWithShortcut();
    await palette.fillSearch(user.email);
    const option = palette.option(new RegExp(displayName(user)), 'Users');
    await expect(option).toContainText(user.email);
    await palette.openActive(option);

    await expect(page).toHaveURL(new RegExp(`/users/${user.id}/roles$`));
    await shell.assertHeading(`Roles of ${displayName(user)}`);
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('arrows move, Escape closes and puts focus back where it was', async ({ page, shell }) => {
    const palette = new CommandPalette(page);
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    const nav = shell.nav.getByRole('link', { name: 'Admins' });
    await nav.focus();

    await palette.openWithShortcut();
    await palette.assertActive(palette.option(/^Role assignments/, 'Screens'));
    await palette.input.press('ArrowDown');
    await palette.assertActive(palette.option(/^Tenants/, 'Screens'));
    await palette.input.press('ArrowUp');
    await palette.input.press('ArrowUp');
    await palette.assertActive(palette.option(/^Create admin/, 'Actions'));
    await palette.close();
    await expect(nav).toBeFocused();

    await palette.openWithButton();
    await palette.fillSearch('audit');
    await palette.openActive(palette.option(/^Audit log/, 'Screens'));
    await shell.assertHeading('Audit log');
  });

  test('on a tenant\'s page it offers that tenant\'s audit log', async ({ page, shell, tenants }) => {
    const tenant = await tenants.create();
    const palette = new CommandPalette(page);
    await shell.goTo(`tenants/${tenant.id}`);
    await shell.assertHeading(tenant.name);
    await palette.openWithButton();
    await palette.fillSearch('audit log of');
    await palette.openActive(palette.option(/^Audit log of this tenant/, 'Actions'));
    await expect(page).toHaveURL(new RegExp(`/audit\\?resource=${tenant.id}$`));
  });

  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} theme`, () => {
      test.use({ colorScheme: scheme });
      test(`the open palette with results has no axe violations (${scheme})`, { tag: '@a11y' }, async ({ page, shell, makeAxeBuilder, tenants }) => {
        const tenant = await tenants.create({ name: `E2E Palette ${Date.now().toString(36)} Axe` });
        const palette = new CommandPalette(page);
        await shell.goTo('tenants');
        await shell.assertHeading('Tenants');
        await palette.openWithShortcut();
        await expectNoAxeViolations(makeAxeBuilder());

        await palette.fillSearch(tenant.name.slice(0, -4));
        await expect(palette.option(new RegExp(tenant.name), 'Tenants')).toBeVisible();
        await palette.input.press('ArrowDown');
        await expectNoAxeViolations(makeAxeBuilder());
      });
    });
  }
});
