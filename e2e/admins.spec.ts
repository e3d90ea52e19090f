import type { Browser } from '@playwright/test';
import { expect, expectNoAxeViolations, test as base } from './fixtures';
import { AdminsPage } from './pages/admins-page';
import { AssignRoleDialogPage } from './pages/assign-role-dialog';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';
import { uniqueName } from './support/api';
import { E2E } from './support/env';

const test = base.extend<{ adminsPage: AdminsPage }>({
  adminsPage: async ({ page }, use) => use(new AdminsPage(page)),
});

const STRONG = 'Adm1n!-e2e-Pass';

/** A new person's details, unique per run. */
function newPerson() {
  const tag = uniqueName('admin').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return { firstName: 'Ada', lastName: `Admin ${tag.slice(-6)}`, email: `${tag}@e2e.scaikey.test`, password: STRONG };
}

/** Signs in as `account` in a fresh browser (no session), and returns what the console shows. */
async function signInFresh(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: E2E.baseUrl });
  const page = await context.newPage();
  const shell = new Shell(page);
  const login = new LoginPage(page);
  await shell.goTo();
  await login.signIn(account);
  return { page, shell, login, close: () => context.close() };
}

test.describe('the admins list', { tag: '@smoke' }, () => {
  test('lists admin accounts with the total, marks you, and keeps page and size in the URL', async ({ adminsPage, page, shell }) => {
    await shell.goTo('admins');
    await adminsPage.assertShown();
    await expect(adminsPage.total).toContainText(/\d/);
    await expect(adminsPage.dataRows.first()).toBeVisible();

    await adminsPage.setPageSize(10);
    await expect(page).toHaveURL(/pageSize=10/);
    await expect(adminsPage.dataRows).toHaveCount(10);
    await adminsPage.goToNextPage();
    await expect(page).toHaveURL(/page=2/);
    await page.reload();
    await expect(adminsPage.dataRows).toHaveCount(10);
    await expect(page.getByText(/^11–20 of \d+/)).toBeVisible();

    // The signed-in admin's own row says so (seeded accounts are the oldest, on the last page).
    await page.goto(`admins?pageSize=100&page=1`);
    const lastPage = page.getByRole('button', { name: /last page/i });
    if (await lastPage.isEnabled()) await lastPage.click();
    await expect(adminsPage.row(new RegExp(E2E.accounts.superAdmin.email)).getByText('You', { exact: true })).toBeVisible();
  });

  test('the list, the create form with errors and the delete dialog have no axe violations', { tag: '@a11y' }, async ({ adminsPage, makeAxeBuilder, page }) => {
    await adminsPage.goTo();
    await expect(adminsPage.dataRows.first()).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await adminsPage.openCreate();
    await adminsPage.passwordField().fill('weak');
    await adminsPage.submitCreate();
    await expect(adminsPage.createDialog.getByText('Enter a first name')).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await page.keyboard.press('Escape');
    await adminsPage.open(E2E.accounts.superAdmin.name ?? E2E.accounts.superAdmin.email);
    await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await expectNoAxeViolations(makeAxeBuilder());
  });
});

test.describe('in the dark theme', { tag: '@a11y' }, () => {
  test.use({ colorScheme: 'dark' });
  test('the list and the create form with errors have no axe violations', async ({ adminsPage, makeAxeBuilder }) => {
    await adminsPage.goTo();
    await expect(adminsPage.dataRows.first()).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await adminsPage.openCreate();
    await adminsPage.submitCreate();
    await expect(adminsPage.createDialog.getByText('Enter a first name')).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
  });
});

test.describe('an admin account from creation to deletion', { tag: '@destructive' }, () => {
  test('create → refused without a role → Super Admin → signs in → deleted → can no longer sign in', async ({
    adminsPage,
    page,
    browser,
    makeAxeBuilder,
  }) => {
    // Three sign-ins in fresh browsers and a whole lifecycle: near 30 s on a loaded machine.
    test.slow();
    const person = newPerson();
    const name = `${person.firstName} ${person.lastName}`;
    await adminsPage.goTo();
    await adminsPage.openCreate();
    await adminsPage.fillCreate({ ...person, password: 'short' });
    await adminsPage.assertRulesMet(1);
    await adminsPage.passwordField().fill(person.password);
    await adminsPage.assertRulesMet(5);
    await adminsPage.submitCreate();
    await expect(adminsPage.createDialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Admin account created for' })).toContainText(person.email);
    await expect(adminsPage.row(new RegExp(person.email))).toBeVisible();

    // The same email again: refused at the email field, nothing typed lost.
    await adminsPage.openCreate();
    await adminsPage.fillCreate(person);
    await adminsPage.submitCreate();
    const email = adminsPage.createDialog.getByRole('textbox', { name: /Email/ });
    await expect(email).toHaveAccessibleDescription(/Email already exists/);
    await expect(email).toBeFocused();
    await expect(adminsPage.createDialog.getByRole('textbox', { name: /First name/ })).toHaveValue(person.firstName);
    await page.keyboard.press('Escape');
    await expect(adminsPage.createDialog).toBeHidden();

    // They can sign in, but hold no role: the console refuses them.
    const first = await signInFresh(browser, person);
    await first.shell.assertHeading('Super Admin access required');
    await first.close();

    // One click from the success message: assign them Super Admin.
    await page.getByRole('button', { name: 'Assign a role' }).click();
    const assign = new AssignRoleDialogPage(page);
    await assign.assertOpen();
    await expect(assign.field(/^User/)).toHaveValue(new RegExp(person.lastName));
    await assign.chooseRole('Super Admin');
    await assign.submit();
    await expect(assign.dialog).toBeHidden();

    const second = await signInFresh(browser, person);
    await second.shell.assertHeading('Role assignments');
    await second.close();

    // Their page shows the role; delete them, typing their email.
    await adminsPage.open(name);
    await expect(page.getByRole('table', { name: `Roles of ${name}` })).toContainText('Super Admin');
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(adminsPage.deleteDialog(name)).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await adminsPage.deleteDialog(name).getByRole('textbox', { name: 'Email of the admin to delete' }).fill(person.email);
    await adminsPage.deleteDialog(name).getByRole('button', { name: 'Delete admin' }).click();
    await adminsPage.assertShown();
    await expect(adminsPage.row(new RegExp(person.email))).toHaveCount(0);

    const third = await signInFresh(browser, person);
    await third.login.assertError('Invalid email or password.');
    await third.close();
  });
});
