import { expect, expectNoAxeViolations, test } from './fixtures';
import { E2E } from './support/env';

// Every screen, in light and dark, and every open menu: zero WCAG 2.1 A/AA violations.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, { tag: '@a11y' }, () => {
    test.use({ colorScheme: scheme });

    for (const [path, heading] of [
      ['role-assignments', 'Role assignments'],
      ['tenants', 'Tenants'],
      ['no/such/page', 'Page not found'],
    ] as const) {
      test(`${heading} has no axe violations`, async ({ shell, makeAxeBuilder }) => {
        await shell.goTo(path);
        await shell.assertHeading(heading);
        await expectNoAxeViolations(makeAxeBuilder());
      });
    }

    test('the open account menu has no axe violations', async ({ shell, makeAxeBuilder }) => {
      await shell.goTo();
      await shell.assertHeading('Role assignments');
      await shell.openAccountMenu();
      await expectNoAxeViolations(makeAxeBuilder());
    });
  });
}

test.describe('signed out', { tag: '@a11y' }, () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in page, with an error showing, has no axe violations', async ({ shell, loginPage, makeAxeBuilder }) => {
    await shell.goTo();
    await loginPage.assertShown();
    await expectNoAxeViolations(makeAxeBuilder());
    await loginPage.signIn({ ...E2E.accounts.superAdmin, password: 'wrong' });
    await loginPage.assertError('Invalid email or password.');
    await expectNoAxeViolations(makeAxeBuilder());
  });
});

test.describe('refused', { tag: '@a11y' }, () => {
  test.use({ storageState: E2E.storageState('tenant-admin') });

  test('the access-refused page has no axe violations', async ({ shell, makeAxeBuilder, page }) => {
    await shell.goTo();
    await shell.assertHeading('Super Admin access required');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
  });
});
