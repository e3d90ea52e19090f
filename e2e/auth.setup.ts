import { test as setup } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';
import { E2E } from './support/env';

// Sign in once per role through the real login page; the stand-in's session cookie in the saved
// state lets every later visit sign in silently (tokens themselves live only in page memory).
setup('sign in as the super admin', async ({ page }) => {
  await page.goto('');
  await new LoginPage(page).signIn(E2E.accounts.superAdmin);
  await new Shell(page).assertHeading('Role assignments');
  await page.context().storageState({ path: E2E.storageState('super-admin') });
});

setup('sign in as the tenant admin', async ({ page }) => {
  await page.goto('');
  await new LoginPage(page).signIn(E2E.accounts.tenantAdmin);
  await new Shell(page).assertHeading('Super Admin access required');
  await page.context().storageState({ path: E2E.storageState('tenant-admin') });
});
