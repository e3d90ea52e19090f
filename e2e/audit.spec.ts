import { readFile } from 'node:fs/promises';
import { AuditPage } from './pages/audit-page';
import { expect, expectNoAxeViolations, test as base } from './pages/tenant-fixtures';
import { uniqueSlug } from './pages/tenant-seeder';
import { uniqueName } from './support/api';
import { test as assignmentBase } from './support/role-assignments-fixtures';
import { displayName, freeUser } from './support/role-assignments-data';
import { parseCsv } from './support/csv';

const test = base.extend<{ auditPage: AuditPage }>({
  auditPage: async ({ page }, use) => use(new AuditPage(page)),
});
const assignmentTest = assignmentBase.extend<{ auditPage: AuditPage }>({
  auditPage: async ({ page }, use) => use(new AuditPage(page)),
});

test.describe('audit log', () => {
  test('the log loads with rows', { tag: '@smoke' }, async ({ tenants, auditPage }) => {
    await tenants.create(); // at least one entry, whatever the seed holds
    await auditPage.goTo();
    await auditPage.assertRowCount(1);
    await expect(auditPage.dataRows.first()).toContainText(/Success|Failure/);
  });

  test('the time range filter is in the URL and keeps a change made just now', async ({ tenants, auditPage, page }) => {
    const tenant = await tenants.create({ name: uniqueName('E2E Recent') });
    await auditPage.goTo();
    await auditPage.filterTimeRange('Last hour');
    await expect(page).toHaveURL(/[?&]range=1h/);
    await expect(auditPage.filters.getByRole('combobox', { name: 'Time range' })).toHaveText('Last hour');
    await auditPage.filterTenant(tenant.name);
    await expect(auditPage.row(`created the tenant ${tenant.name}`)).toHaveCount(1);
  });

  test('a session timeout changed in the console shows in the tenant’s History and in the log, with who did it', async ({
    api,
    tenants,
    tenantPage,
    auditPage,
    page,
  }) => {
    const { data: me } = await api.GET('/api/v1/admin/auth/me');
    const tenant = await tenants.create({ name: uniqueName('E2E Audited') });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '60');
    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();

    // The History panel, without reloading: time, actor, action in words, what changed.
    await auditPage.assertHistoryShows(`changed the security settings of ${tenant.name}`);
    await auditPage.assertHistoryShows('Session timeout: 8 hours → 1 hour');
    await auditPage.assertHistoryShows(me!.display_name ?? me!.email);

    // The log, filtered to that tenant.
    await auditPage.goTo();
    await auditPage.filterTenant(tenant.name);
    const row = auditPage.row(`changed the security settings of ${tenant.name}`);
    await expect(row).toHaveCount(1);
    // What changed, under the action, in History's words.
    await expect(row.getByRole('cell').filter({ hasText: 'changed the security settings of' })).toContainText('Session timeout: 8 hours → 1 hour');
    await expect(row).toContainText(me!.email);
    await expect(row).toContainText('Success');
    await expect(auditPage.row(`created the tenant ${tenant.name}`)).toHaveCount(1);

    // Its entry: every field, the change as before → after.
    await auditPage.openEntry(`changed the security settings of ${tenant.name}`);
    await auditPage.assertChange('Session timeout', '8 hours', '1 hour');
    await expect(page.getByRole('button', { name: 'Copy request ID' })).toBeVisible();

    // "View the full log" from the tenant's page opens the log on that tenant alone.
    await tenantPage.goTo(tenant.id, tenant.name);
    await auditPage.history.getByRole('link', { name: 'View the full log' }).click();
    await auditPage.assertShown();
    await expect(page.getByRole('button', { name: `Remove the filter Resource: ${tenant.name}` })).toBeVisible();
    await expect(auditPage.dataRows).toHaveCount(2);
  });

  assignmentTest('a role assignment’s History shows its assignment and a deactivation made on its page, with names for ids', async ({
    api,
    seeder,
    detailPage,
    auditPage,
  }) => {
    const { data: me } = await api.GET('/api/v1/admin/auth/me');
    const user = await freeUser(api);
    const assignment = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Status', 'Active');

    await auditPage.assertHistoryShows(/assigned Tenant Admin/);
    // The ids the entry holds, by name.
    await auditPage.assertHistoryShows(`User: — → ${displayName(user)}`);
    await auditPage.assertHistoryShows(`Granted by: — → ${me!.display_name ?? me!.email}`);

    await detailPage.deactivate();
    await detailPage.assertField('Status', 'Inactive');
    await auditPage.assertHistoryShows('Active: Yes → No');
    await expect(auditPage.history.getByRole('listitem').first()).toContainText(/changed Tenant Admin/);
  });

  test('a refused attempt is in the log as a failure, with its reason', async ({ tenants, tenantForm, auditPage }) => {
    const existing = await tenants.create();
    const name = uniqueName('E2E Duplicate');
    await tenantForm.goTo();
    await tenantForm.fill({ name, slug: existing.slug });
    await tenantForm.submit();
    await tenantForm.assertFieldError('Slug', new RegExp(`slug '${existing.slug}' already exists`));

    await auditPage.goTo('?result=failure&action=tenant.created');
    const row = auditPage.row(new RegExp(`slug '${existing.slug}' already exists`));
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Failure');
    await expect(row).toContainText('tried to create the tenant');
  });

  test('Download CSV holds the rows on screen', async ({ tenants, tenantPage, auditPage }) => {
    const tenant = await tenants.create({ name: uniqueName('E2E Exported'), slug: uniqueSlug('csv') });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '90');
    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();

    await auditPage.goTo(`?resource=${encodeURIComponent(tenant.id)}`);
    await expect(auditPage.dataRows).toHaveCount(2);
    const onScreen = await auditPage.dataRows.allInnerTexts();

    const download = await auditPage.downloadCsv();
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(header).toEqual([
      'Time', 'Actor', 'Actor email', 'Action', 'Action in words', 'Resource type', 'Resource ID', 'Resource name',
      'Tenant ID', 'Result', 'Status', 'Reason', 'IP address', 'User agent', 'Request ID', 'Changes',
    ]);
    expect(rows).toHaveLength(onScreen.length);
    const words = header!.indexOf('Action in words');
    rows.forEach((row, i) => {
      expect(row[header!.indexOf('Resource ID')]).toBe(tenant.id);
      expect(onScreen[i]).toContain(row[words]!);
    });
    expect(rows[0]![header!.indexOf('Changes')]).toBe('Session timeout: 8 hours → 1 hour and 30 minutes');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`audit screens in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the log, an entry and a tenant’s History have no axe violations', { tag: '@a11y' }, async ({
      tenants,
      tenantPage,
      auditPage,
      makeAxeBuilder,
    }) => {
      const tenant = await tenants.create({ name: uniqueName('E2E Axe') });
      await auditPage.goTo();
      await auditPage.assertRowCount(1);
      await expectNoAxeViolations(makeAxeBuilder());

      await auditPage.openEntry(/./);
      await expectNoAxeViolations(makeAxeBuilder());

      await tenantPage.goTo(tenant.id, tenant.name);
      await auditPage.assertHistoryShows(`created the tenant ${tenant.name}`);
      await expectNoAxeViolations(makeAxeBuilder());
    });
  });
}
