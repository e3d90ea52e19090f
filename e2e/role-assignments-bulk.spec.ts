import type { Page } from '@playwright/test';
import { BulkProgressDialogPage } from './pages/bulk-progress-dialog';
import { ConfirmDialogPage } from './pages/confirm-dialog';
import type { RoleAssignmentsPage } from './pages/role-assignments-page';
import type { AdminApi } from './support/api';
import { readCsvDownload } from './support/csv';
import { expect, expectNoAxeViolations, test } from './support/role-assignments-fixtures';
import { displayName, freeUser, getAssignment, partnerName, rolesOf, tenantName, type AssignmentSeeder } from './support/role-assignments-data';

/**
 * Bulk actions and Download CSV on the role assignments list (issue 17): select rows, confirm,
 * then a progress dialog lists each row's result (a failure with the server's reason, Retry
 * failed); the CSV of a filter holds the rows on screen, with names. Each test works on the
 * assignments it gives a user who held no admin role, listed alone by filtering on that user.
 */

const CLEANUP_LABEL_MANY = 'Also remove each user who is left an orphaned admin-only account';

const DAY = 24 * 3600_000;

/** `days` calendar days later at the same wall-clock time, as the console counts (src/features/role-assignments/extend.ts). */
function addDays(iso: string, days: number): Date {
  const at = new Date(iso);
  at.setDate(at.getDate() + days);
  return at;
}

/** Another tenant than the user's own, and a partner, to give the user roles in. */
async function scopes(api: AdminApi, ownTenant: string) {
  // Not a tenant made by a test of this run (made in the last hour): its own test may delete it
  // meanwhile, and the markup-named one of tenants.spec.ts sorts before every seeded name.
  const tenants = await api.GET('/api/v1/admin/tenants/', { params: { query: { per_page: 50, status: 'ACTIVE' } } });
  const anHourAgo = Date.now() - 60 * 60 * 1000;
  const other = tenants.data!.items.find((t) => t.id !== ownTenant && Date.parse(t.created_at) < anHourAgo)!;
  const partners = await api.GET('/api/v1/admin/partners/', { params: { query: { per_page: 1 } } });
  const partner = partners.data!.items[0]!;
  return { other, partner };
}

/** A free user with Tenant Admin of their tenant and of another, and Partner Admin of a partner; the list shows only them. */
async function seedThree(api: AdminApi, seeder: AssignmentSeeder, listPage: RoleAssignmentsPage) {
  const user = await freeUser(api);
  const name = displayName(user);
  const { other, partner } = await scopes(api, user.tenant_id);
  const own = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
  const elsewhere = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: other.id });
  const partnerAdmin = await seeder.assign({ user_id: user.id, role: 'PARTNER_ADMIN', partner_id: partner.id });
  await listPage.goTo(`user=${user.id}`);
  await listPage.assertAllNamesShown(3);
  return {
    user,
    name,
    own: { assignment: own, label: `${name} (Tenant Admin, ${await tenantName(api, user.tenant_id)})` },
    elsewhere: { assignment: elsewhere, label: `${name} (Tenant Admin, ${other.name})`, tenant: other.name },
    partnerAdmin: { assignment: partnerAdmin, label: `${name} (Partner Admin, ${partner.name})` },
  };
}

async function confirmAndRun(page: Page, listPage: RoleAssignmentsPage, action: string) {
  await listPage.clickBulkAction(action);
  const confirm = new ConfirmDialogPage(page, `${action}?`);
  await confirm.assertCancelFocused();
  return confirm;
}

/** The row of a result, whatever its place in the list. */
const result = (progress: BulkProgressDialogPage, label: string) => progress.results.filter({ hasText: label });

test.describe('bulk actions on the role assignments list', () => {
  test('deactivates three selected assignments; one revoked meanwhile fails with the server’s reason, and Retry runs only it', { tag: ['@destructive', '@a11y'] }, async ({
    api,
    seeder,
    listPage,
    page,
    makeAxeBuilder,
  }) => {
    const { own, elsewhere, partnerAdmin } = await seedThree(api, seeder, listPage);
    await listPage.selectPage(3);
    await expect(listPage.bulkActions).toContainText('3 role assignments selected');
    // Revoked after it was selected: its PATCH will find nothing.
    await api.DELETE('/api/v1/admin/admin-roles/{role_id}', {
      params: { path: { role_id: elsewhere.assignment.id }, query: { cleanup_orphaned_user: false } },
    });

    const confirm = await confirmAndRun(page, listPage, 'Deactivate 3 role assignments');
    await expect(confirm.dialog).toContainText('your own Super Admin role, are skipped');
    await expectNoAxeViolations(makeAxeBuilder());
    await confirm.confirm('Deactivate 3 role assignments');

    const progress = new BulkProgressDialogPage(page, 'Deactivate 3 role assignments');
    await progress.assertFinished('2 done, 1 failed');
    await progress.assertProgress('3 of 3');
    await expect(result(progress, own.label)).toHaveText(`${own.label}: Done`);
    await expect(result(progress, partnerAdmin.label)).toHaveText(`${partnerAdmin.label}: Done`);
    // Each row's task reads its assignment first: this one is gone.
    await expect(result(progress, elsewhere.label)).toHaveText(`${elsewhere.label}: Failed: no longer exists`);
    await expectNoAxeViolations(makeAxeBuilder());

    // The retry reads only that one again (the list's own refresh asks for lists, not one assignment).
    const reads = await progress.retryFailedRecording(1, '2 done, 1 failed', 'GET');
    expect(reads.filter((path) => /\/admin-roles\/[^/]+$/.test(path))).toEqual([expect.stringContaining(elsewhere.assignment.id)]);
    await progress.close();

    // What failed stays selected; the list was refreshed: the revoked row is gone, the others are inactive.
    await expect(listPage.bulkActions).toContainText('1 role assignment selected');
    await expect(listPage.dataRows).toHaveCount(2);
    await expect(listPage.dataRows.filter({ hasText: /\bActive\b/ })).toHaveCount(0);
    await expect(listPage.dataRows.filter({ hasText: 'Inactive' })).toHaveCount(2);
  });

  test('revokes the selected assignments, with the orphan cleanup explained and chosen off', { tag: ['@destructive', '@a11y'] }, async ({
    api,
    seeder,
    listPage,
    page,
    makeAxeBuilder,
  }) => {
    const user = await freeUser(api);
    const { partner } = await scopes(api, user.tenant_id);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
    await seeder.assign({ user_id: user.id, role: 'PARTNER_ADMIN', partner_id: partner.id });
    await listPage.goTo(`user=${user.id}`);
    await listPage.assertAllNamesShown(2);
    await listPage.selectPage(2);

    const confirm = await confirmAndRun(page, listPage, 'Revoke 2 role assignments');
    await expect(confirm.checkbox(CLEANUP_LABEL_MANY)).toBeChecked();
    await expect(confirm.dialog).toContainText('A user is removed only if all three are true after the revoke');
    await expectNoAxeViolations(makeAxeBuilder());
    await confirm.setChecked(CLEANUP_LABEL_MANY, false);
    await confirm.confirm('Revoke 2 role assignments');

    const progress = new BulkProgressDialogPage(page, 'Revoke 2 role assignments');
    await progress.assertFinished('2 done');
    await progress.assertNoRetry();
    // The list behind the dialog has been refreshed: nothing left.
    await expect(page.locator('h2', { hasText: 'No role assignments match these filters' })).toBeAttached();
    await progress.close();

    await listPage.assertEmpty('No role assignments match these filters');
    await expect(listPage.bulkActions).toBeHidden();
    // The bar and the button that opened the run are gone: the focus is on what stays, not lost on the page.
    await expect(page.getByRole('heading', { name: 'No role assignments match these filters' })).toBeFocused();
    expect(await rolesOf(api, user.id)).toEqual([]);
    // Without the cleanup, the user stays.
    const kept = await api.GET('/api/v1/admin/users/{user_id}', { params: { path: { user_id: user.id } } });
    expect(kept.response.status).toBe(200);
  });
});

test.describe('bulk Extend reads each assignment afresh', () => {
  // Extending writes (a PATCH of the test's own assignments) but deletes nothing: not @destructive.
  test('an assignment extended elsewhere after it was selected is extended from its new expiry, never shortened', async ({ api, seeder, listPage, page }) => {
    const user = await freeUser(api);
    const { partner } = await scopes(api, user.tenant_id);
    const inTenDays = new Date(Date.now() + 10 * DAY).toISOString();
    const first = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: inTenDays });
    const second = await seeder.assign({ user_id: user.id, role: 'PARTNER_ADMIN', partner_id: partner.id, expires_at: inTenDays });
    await listPage.goTo(`user=${user.id}`);
    await listPage.assertAllNamesShown(2);
    await listPage.selectPage(2);
    // Meanwhile another admin gives the first 90 more days: the list on screen still shows the old date.
    const extended = addDays(inTenDays, 90).toISOString();
    await api.PATCH('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: first.id } }, body: { expires_at: extended } });

    const confirm = await confirmAndRun(page, listPage, 'Extend 2 role assignments');
    await confirm.confirm('Extend 2 role assignments');
    const progress = new BulkProgressDialogPage(page, 'Extend 2 role assignments');
    await progress.assertFinished('2 done');
    expect((await getAssignment(api, first.id))?.expires_at).toBe(addDays(extended, 30).toISOString());
    expect((await getAssignment(api, second.id))?.expires_at).toBe(addDays(inTenDays, 30).toISOString());
    await progress.close();
  });
});

test.describe('Download CSV on the role assignments list', () => {
  test('the CSV of a filter holds exactly its rows on screen, in order, with names rather than ids', async ({ api, seeder, listPage }) => {
    const { user, name, elsewhere } = await seedThree(api, seeder, listPage);
    // Tenant Admin only: two of the three.
    await listPage.goTo(`user=${user.id}&role=TENANT_ADMIN`);
    await listPage.assertAllNamesShown(2);

    const { header, rows, text } = await readCsvDownload(await listPage.downloadCsv());
    expect(header).toEqual(['User', 'Email', 'Role', 'Tenant', 'Partner', 'Status', 'Expires', 'Created']);
    expect(rows).toHaveLength(2);
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({ User: name, Email: user.email, Role: 'Tenant Admin', Status: 'Active', Expires: '' });
      // The row on screen at the same place shows the same user, role, tenant and status.
      for (const cell of [row.User!, row.Email!, row.Role!, row.Tenant!, row.Status!]) await expect(listPage.dataRows.nth(i)).toContainText(cell);
      expect(Date.parse(row.Created!)).not.toBeNaN();
    }
    expect(rows.map((r) => r.Tenant).sort()).toEqual([await tenantName(api, user.tenant_id), elsewhere.tenant].sort());
    // A tenant's partner, by name.
    const partners = await Promise.all(
      [user.tenant_id, elsewhere.assignment.tenant_id!].map(async (id) => {
        const tenant = await api.GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: id } } });
        return tenant.data!.partner_id ? partnerName(api, tenant.data!.partner_id) : '';
      }),
    );
    expect(rows.map((r) => r.Partner).sort()).toEqual(partners.sort());
    // Names, not ids.
    expect(text).not.toMatch(/\b(usr|tnt|prt|adr)_/);
  });
});
