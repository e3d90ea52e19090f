import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AssignRoleDialogPage } from './assign-role-dialog';
import { ExtendMenu } from './role-assignment-detail-page';
import { pick } from './pickers';
import { openSelect } from '../support/select';

/** The "Role assignments" list. */
export class RoleAssignmentsPage {
  readonly table: Locator;
  readonly filters: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Role assignments' });
    this.filters = page.getByRole('search', { name: 'Filter role assignments' });
  }

  /** `query` without "?", e.g. "role=TENANT_ADMIN&page=2". */
  async goTo(query = '') {
    await this.page.goto(query ? `role-assignments?${query}` : 'role-assignments');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
  }

  row(name: string | RegExp) {
    return this.table.getByRole('row', { name });
  }

  get dataRows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async assertRow(name: string | RegExp, texts: (string | RegExp)[] = []) {
    const row = this.row(name);
    await expect(row).toBeVisible();
    for (const text of texts) await expect(row).toContainText(text);
  }

  /** Every row of the page shows its names: none still loading, none that failed to load. */
  async assertAllNamesShown(rows = 20) {
    await expect(this.table).not.toHaveAttribute('aria-busy', 'true');
    await expect(this.dataRows).toHaveCount(rows);
    await expect(this.table).not.toContainText('Loading…');
    await expect(this.table).not.toContainText('(name unavailable)');
  }

  async assertNoRow(name: string | RegExp) {
    await expect(this.row(name)).toHaveCount(0);
  }

  async openDetail(userName: string) {
    await this.row(new RegExp(userName)).getByRole('link', { name: new RegExp(userName) }).first().click();
  }

  async selectFilter(label: 'Role' | 'Status', option: string) {
    await openSelect(this.filters.getByRole('combobox', { name: new RegExp(`^${label}`) }));
    await this.page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  }

  /** The status filter shows this option. */
  async assertStatusFilter(option: string) {
    await expect(this.filters.getByRole('combobox', { name: /^Status/ })).toHaveText(option);
  }

  /** A quick filter by expiry, by the start of its name (its count follows it). */
  quickFilter(label: 'Expiring within 7 days' | 'Within 30 days' | 'Expired') {
    return this.page.getByRole('group', { name: 'Quick filter by expiry' }).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  async chooseQuickFilter(label: 'Expiring within 7 days' | 'Within 30 days' | 'Expired') {
    await this.quickFilter(label).click();
    await expect(this.quickFilter(label)).toHaveAttribute('aria-pressed', 'true');
  }

  /** The count a quick filter shows, once it shows one. */
  async quickFilterCount(label: 'Expiring within 7 days' | 'Within 30 days' | 'Expired'): Promise<number> {
    await expect(this.quickFilter(label)).toHaveAccessibleName(/\(\d+\)$/);
    const name = (await this.quickFilter(label).textContent()) ?? '';
    return Number(/\((\d+)\)$/.exec(name)?.[1]);
  }

  /** The navigation's "N expiring within 7 days" on Role assignments, once it shows. */
  async navExpiringCount(): Promise<number> {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Role assignments/ });
    await expect(link).toHaveAccessibleName(/\d+ expiring within 7 days$/);
    // The link's text also holds the visible number, right before this.
    const text = (await link.getByText(/expiring within 7 days$/).textContent()) ?? '';
    return Number(/^(\d+) /.exec(text)?.[1]);
  }

  async filterByUser(email: string) {
    await pick(this.filters, /^User/, email, email);
  }

  /** The empty state's own "Clear filters" (the filter bar has one too, before it). */
  async clearFiltersFromEmptyState() {
    await this.page.getByRole('button', { name: 'Clear filters' }).last().click();
  }

  async assertEmpty(message: string | RegExp) {
    await expect(this.page.getByRole('heading', { name: message })).toBeVisible();
  }

  async assertUrlParams(expected: Record<string, string | null>) {
    await expect
      .poll(() => {
        const params = new URL(this.page.url()).searchParams;
        return Object.fromEntries(Object.keys(expected).map((key) => [key, params.get(key)]));
      })
      .toEqual(expected);
  }

  get pagination() {
    return this.page.getByRole('navigation').filter({ has: this.page.getByRole('button', { name: /next page/i }) });
  }

  async goToNextPage() {
    await this.page.getByRole('button', { name: 'Go to next page' }).click();
  }

  async setRowsPerPage(n: 20 | 50 | 100) {
    await openSelect(this.page.getByRole('combobox', { name: /Role assignments per page/ }));
    await this.page.getByRole('listbox').getByRole('option', { name: String(n), exact: true }).click();
  }

  async assertRange(text: string | RegExp) {
    await expect(this.page.getByText(text)).toBeVisible();
  }

  /** A row's "More actions for Tenant Admin of Ana Lima for Acme: extend" (or ": renew") menu, opened. */
  async openRowMenu(row: string | RegExp, menuName?: string | RegExp): Promise<ExtendMenu> {
    await this.row(row).getByRole('button', { name: /^More actions for / }).click();
    const menu = new ExtendMenu(this.page);
    await menu.assertOpen(menuName);
    return menu;
  }

  async openAssignDialog(): Promise<AssignRoleDialogPage> {
    await this.page.getByRole('button', { name: 'Assign role' }).click();
    const dialog = new AssignRoleDialogPage(this.page);
    await dialog.assertOpen();
    return dialog;
  }

  /** The header checkbox: every row of the page selected for bulk actions. */
  async selectPage(rows: number) {
    await this.table.getByRole('checkbox', { name: `Select all ${rows} on this page` }).check();
  }

  /** The bar over the selected rows: their count, the actions, Clear selection, Select all matching. */
  get bulkActions() {
    return this.page.getByRole('group', { name: 'Bulk actions' });
  }

  /** "Deactivate 3 role assignments", "Revoke 1 role assignment", "Select all 45 matching role assignments". */
  async clickBulkAction(label: string) {
    await this.bulkActions.getByRole('button', { name: label, exact: true }).click();
  }

  /** Download CSV of the filters on screen: the dialog fetches every page and saves the file by itself. */
  async downloadCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download CSV' }).click();
    return download;
  }
}
