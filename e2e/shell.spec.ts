import { expect, test } from './fixtures';

test('the navigation leads to each section and marks where you are', { tag: '@smoke' }, async ({ page, shell }) => {
  await shell.goTo();
  await expect(page).toHaveURL(/\/role-assignments$/);
  await shell.assertHeading('Role assignments');
  await expect(shell.nav.getByRole('link', { name: 'Role assignments' })).toHaveAttribute('aria-current', 'page');

  await shell.clickNav('Tenants');
  await shell.assertHeading('Tenants');
  await expect(page).toHaveURL(/\/tenants$/);
  await expect(page).toHaveTitle(/Tenants/);
  await expect(shell.nav.getByRole('link', { name: 'Tenants' })).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await shell.assertHeading('Role assignments');
});

test('an unknown address shows a not-found page with a way back', async ({ page, shell }) => {
  await shell.goTo('no/such/page');
  await shell.assertHeading('Page not found');
  await page.getByRole('link', { name: 'Go to role assignments' }).click();
  await shell.assertHeading('Role assignments');
});

test('the light/dark choice is remembered across visits', async ({ page, shell }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await shell.goTo();
  await shell.assertHeading('Role assignments');
  const toggle = page.getByRole('button', { name: 'Switch to dark mode' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();

  await toggle.click();
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();
  expect(await background()).not.toBe(lightBackground);

  await page.reload();
  await shell.assertHeading('Role assignments');
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();
});

test('the theme follows the system until the admin chooses', async ({ page, shell }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await shell.goTo();
  await shell.assertHeading('Role assignments');
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();
});
