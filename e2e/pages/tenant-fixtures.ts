import { test as base } from '../fixtures';
import { asCleanup } from '../support/writes';
import { TenantForm } from './tenant-form';
import { TenantPage } from './tenant-page';
import { TenantSeeder } from './tenant-seeder';
import { TenantsPage } from './tenants-page';

/** The shared fixtures plus the tenant screens' page objects and a seeder that cleans up after each test. */
export const test = base.extend<{
  tenants: TenantSeeder;
  tenantsPage: TenantsPage;
  tenantForm: TenantForm;
  tenantPage: TenantPage;
}>({
  tenants: async ({ api }, use) => {
    const seeder = new TenantSeeder(api);
    await use(seeder);
    await asCleanup(() => seeder.cleanup());
  },
  tenantsPage: async ({ page }, use) => use(new TenantsPage(page)),
  tenantForm: async ({ page }, use) => use(new TenantForm(page)),
  tenantPage: async ({ page }, use) => use(new TenantPage(page)),
});

export { expect, expectNoAxeViolations } from '../fixtures';
