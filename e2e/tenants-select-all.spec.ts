import { BulkProgressDialogPage } from './pages/bulk-progress-dialog';
import { ConfirmDialogPage } from './pages/confirm-dialog';
import { expect, test } from './pages/tenant-fixtures';
import { uniqueName } from './support/api';

/**
 * "Select all N matching" on the tenants list (issue 17): with more matching tenants than the page
 * shows, select the page, then all that match, and a bulk action reaches every one of them, those
 * on the other pages too. Suspends (PATCHes) only the tenants the test creates, removed on
 * teardown: not @destructive.
 */

const COUNT = 25;
const PER_PAGE = 10;

test.describe('select all matching tenants', () => {
  test('25 match, 10 a page: select the page, then all 25 matching, suspend them: all 25 are suspended, on every page', async ({
    page,
    tenants,
    tenantsPage,
  }) => {
    const prefix = uniqueName('E2E SelectAll');
    const seeded = await tenants.createNumbered(prefix, COUNT);
    const names = seeded.map((t) => t.name);

    await tenantsPage.goTo(`?search=${encodeURIComponent(prefix)}&per_page=${PER_PAGE}`);
    await tenantsPage.assertCount(`${COUNT} tenants`);
    await expect(tenantsPage.rows).toHaveCount(PER_PAGE);

    await tenantsPage.selectPage(PER_PAGE);
    await tenantsPage.assertSelected(PER_PAGE);
    await expect(tenantsPage.bulkAction(`Suspend ${PER_PAGE} tenants`)).toBeVisible();

    await tenantsPage.selectAllMatching(COUNT);
    // The buttons now carry every matching tenant, not the page's ten.
    await tenantsPage.assertSelected(COUNT);
    await expect(tenantsPage.bulkAction(`Suspend ${COUNT} tenants`)).toBeVisible();
    await expect(tenantsPage.bulkAction(`Reactivate ${COUNT} tenants`)).toBeVisible();
    await expect(tenantsPage.bulkAction(`Apply security policy to ${COUNT} tenants`)).toBeVisible();
    // Still the first page on screen.
    await expect(tenantsPage.rows).toHaveCount(PER_PAGE);

    await tenantsPage.clickBulkAction(`Suspend ${COUNT} tenants`);
    await new ConfirmDialogPage(page, `Suspend ${COUNT} tenants?`).confirm(`Suspend ${COUNT} tenants`);
    const progress = new BulkProgressDialogPage(page, `Suspend ${COUNT} tenants`);
    await progress.assertFinished(`${COUNT} done`);
    await progress.assertProgress(`${COUNT} of ${COUNT}`);
    // One result per matching tenant, each by its name (also those no page on screen showed).
    expect((await progress.resultLines()).sort()).toEqual(names.map((name) => `${name}: Done`).sort());
    await progress.close();
    await expect(tenantsPage.bulkActions).toBeHidden();

    // The list, refreshed, shows them suspended on its first page and on its last, which no one looked at before.
    for (const name of names.slice(0, PER_PAGE)) await tenantsPage.assertRow(name, ['Suspended']);
    await tenantsPage.goToNextPage();
    await tenantsPage.goToNextPage();
    await tenantsPage.assertRange(`21–${COUNT} of ${COUNT}`);
    await tenantsPage.assertOnlyRows(names.slice(2 * PER_PAGE));
    for (const name of names.slice(2 * PER_PAGE)) await tenantsPage.assertRow(name, ['Suspended']);

    // And the server holds every one of them suspended, the 15 beyond the first page included.
    for (const tenant of seeded) expect((await tenants.get(tenant.id))?.status, tenant.name).toBe('SUSPENDED');
  });
});
