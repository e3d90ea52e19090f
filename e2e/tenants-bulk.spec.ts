import type { Page } from '@playwright/test';
import { BulkProgressDialogPage } from './pages/bulk-progress-dialog';
import { ConfirmDialogPage } from './pages/confirm-dialog';
import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import type { TenantSeeder } from './pages/tenant-seeder';
import type { TenantsPage } from './pages/tenants-page';
import { uniqueName } from './support/api';

/**
 * Bulk Suspend on the tenants list (issue 17): select rows, confirm, then a progress dialog lists
 * each tenant's result; failures carry the server's reason and can be retried.
 */

/** Three tenants sharing a unique prefix, listed alone by searching for it. */
async function seedThree(tenants: TenantSeeder, tenantsPage: TenantsPage) {
  const prefix = uniqueName('E2E Bulk');
  const seeded = [];
  for (const letter of ['A', 'B', 'C']) seeded.push(await tenants.create({ name: `${prefix} ${letter}` }));
  await tenantsPage.goTo(`?search=${encodeURIComponent(prefix)}`);
  await tenantsPage.assertOnlyRows(seeded.map((t) => t.name));
  for (const tenant of seeded) await tenantsPage.selectRow(tenant.name);
  return seeded;
}

async function suspendSelected(page: Page, tenantsPage: TenantsPage) {
  await tenantsPage.clickBulkAction('Suspend 3 tenants');
  const confirm = new ConfirmDialogPage(page, 'Suspend 3 tenants?');
  await confirm.assertCancelFocused();
  await confirm.confirm('Suspend 3 tenants');
  const progress = new BulkProgressDialogPage(page, 'Suspend 3 tenants');
  await progress.assertOpen();
  return progress;
}

test.describe('bulk actions on the tenants list', () => {
  test('select three tenants, suspend them, see three done; the list shows them suspended', { tag: ['@smoke', '@a11y'] }, async ({
    page,
    tenants,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const seeded = await seedThree(tenants, tenantsPage);
    await expect(tenantsPage.bulkActions).toContainText('3 tenants selected');
    const progress = await suspendSelected(page, tenantsPage);

    await progress.assertFinished('3 done');
    await progress.assertProgress('3 of 3');
    await progress.assertResults(seeded.map((t) => `${t.name}: Done`));
    await progress.assertNoRetry();
    await expectNoAxeViolations(makeAxeBuilder());
    await progress.close();

    for (const tenant of seeded) await tenantsPage.assertRow(tenant.name, ['Suspended']);
    await expect(tenantsPage.bulkActions).toBeHidden();
    for (const tenant of seeded) expect((await tenants.get(tenant.id))?.status).toBe('SUSPENDED');

    // Again: all three are skipped, already suspended.
    for (const tenant of seeded) await tenantsPage.selectRow(tenant.name);
    const again = await suspendSelected(page, tenantsPage);
    await again.assertFinished('3 skipped');
    await again.assertResults(seeded.map((t) => `${t.name}: Skipped: already suspended`));
  });

  test('a tenant deleted meanwhile fails with the server’s reason; the others are done; Retry runs only it', { tag: ['@destructive', '@a11y'] }, async ({
    page,
    tenants,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const [a, b, c] = await seedThree(tenants, tenantsPage);
    await tenants.delete(b!.id);
    const progress = await suspendSelected(page, tenantsPage);

    await progress.assertFinished('2 done, 1 failed');
    await progress.assertResults([`${a!.name}: Done`, new RegExp(`^${b!.name}: Failed: .*not found`, 'i'), `${c!.name}: Done`]);
    await expectNoAxeViolations(makeAxeBuilder());

    // Each run reads every tenant afresh before changing it: the retry reads only the gone one
    // (and, gone still, sends it no change).
    const reads = await progress.retryFailedRecording(1, '2 done, 1 failed', 'GET');
    expect(reads.filter((path) => /\/tenants\/tnt_/.test(path))).toEqual([expect.stringContaining(b!.id)]);
    await progress.close();
    // What failed stays selected.
    await expect(tenantsPage.bulkActions).toContainText('1 tenant selected');
  });
});

test.describe('bulk actions on the tenants list, dark theme', () => {
  // The failed row's colour is checked for contrast in the dark theme here, the light one above.
  test.use({ colorScheme: 'dark' });

  test('a request that fails once is listed with its reason, and Retry failed completes the run', { tag: ['@faults', '@a11y'] }, async ({
    page,
    tenants,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const [a, b, c] = await seedThree(tenants, tenantsPage);
    let failures = 0;
    await page.route(`**/api/v1/admin/tenants/${b!.id}`, async (route) => {
      if (route.request().method() === 'PATCH' && failures === 0) {
        failures += 1;
        await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ detail: 'Service temporarily unavailable' }) });
      } else {
        await route.continue();
      }
    });
    const progress = await suspendSelected(page, tenantsPage);

    await progress.assertFinished('2 done, 1 failed');
    await progress.assertResults([`${a!.name}: Done`, `${b!.name}: Failed: Service temporarily unavailable`, `${c!.name}: Done`]);
    await expectNoAxeViolations(makeAxeBuilder());
    await progress.retryFailed(1);
    await progress.assertFinished('3 done');
    await progress.assertResults([a!, b!, c!].map((t) => `${t.name}: Done`));
    await progress.close();
    await tenantsPage.assertRow(b!.name, ['Suspended']);
  });
});
