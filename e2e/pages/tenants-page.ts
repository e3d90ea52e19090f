import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { openSelect } from '../support/select';

/** The Tenants list: search, filters, the table and its pagination. */
export class TenantsPage {
  constructor(private readonly page: Page) {}

  async goTo(search = '') {
    await this.page.goto(`tenants${search}`);
    await this.assertShown();
  }

  async assertShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'Tenants' });
  }

  get searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  get statusFilter() {
    return this.page.getByRole('combobox', { name: 'Status' });
  }

  get partnerFilter() {
    return this.page.getByRole('combobox', { name: 'Partner' });
  }

  row(name: string | RegExp) {
    return this.table.getByRole('row', { name });
  }

  /** The data rows (the header row left out). */
  get rows() {
    return this.table.locator('tbody').getByRole('row');
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  async filterByStatus(label: 'Any status' | 'Active' | 'Suspended') {
    await openSelect(this.statusFilter);
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async filterByPartner(name: string) {
    await this.partnerFilter.click();
    await this.partnerFilter.fill(name);
    await this.page.getByRole('option', { name: new RegExp(name) }).first().click();
  }

  async goToNextPage() {
    await this.page.getByRole('button', { name: 'Go to next page' }).click();
  }

  async setPageSize(size: number) {
    await openSelect(this.page.getByRole('combobox', { name: /Tenants per page/ }));
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }

  async openTenant(name: string) {
    await this.row(name).getByRole('link', { name }).click();
  }

  async clickCreate() {
    await this.page.getByRole('link', { name: 'Create tenant' }).click();
  }

  async assertRow(name: string, cells: (string | RegExp)[]) {
    const row = this.row(name);
    await expect(row).toBeVisible();
    for (const cell of cells) await expect(row).toContainText(cell);
  }

  /** The pagination's "21–40 of 1,006". */
  async assertRange(text: string | RegExp) {
    await expect(this.page.getByText(text)).toBeVisible();
  }

  async assertCount(text: string | RegExp) {
    await expect(this.page.getByRole('status').filter({ hasText: /tenants?$/ })).toHaveText(text);
  }

  /** The list's total, from its count ("1,234 tenants"). */
  async total(): Promise<number> {
    const status = this.page.getByRole('status').filter({ hasText: /^[\d,]+ tenants?$/ });
    await expect(status).toBeVisible();
    return Number(((await status.textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  get mfaRequiredFilter() {
    return this.page.getByRole('combobox', { name: 'MFA required' });
  }

  get minLengthBelowFilter() {
    return this.page.getByRole('spinbutton', { name: 'Minimum length below' });
  }

  get sessionTimeoutAboveFilter() {
    return this.page.getByRole('spinbutton', { name: 'Session timeout above' });
  }

  /** Ticks a row's checkbox ("Select Acme"), for a bulk action. */
  async selectRow(name: string) {
    await this.table.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }

  /** The header checkbox: every row of the page selected ("Select all 10 on this page"). */
  async selectPage(rows: number) {
    await this.table.getByRole('checkbox', { name: `Select all ${rows} on this page`, exact: true }).check();
  }

  /** "3 tenants selected" on the bar over the selected rows. */
  async assertSelected(count: number) {
    await expect(this.bulkActions).toContainText(`${count.toLocaleString('en-US')} ${count === 1 ? 'tenant' : 'tenants'} selected`);
  }

  /**
   * "Select all 25 matching tenants" on the bulk bar (offered once the whole page is selected and
   * more match): it loads every matching tenant and selects them, and then says so.
   */
  async selectAllMatching(total: number) {
    await this.clickBulkAction(`Select all ${total.toLocaleString('en-US')} matching tenants`);
    await expect(this.bulkActions.getByText(`All ${total.toLocaleString('en-US')} matching tenants are selected.`)).toBeVisible();
  }

  /** A button on the bulk bar, e.g. to check the count it carries ("Suspend 25 tenants"). */
  bulkAction(label: string) {
    return this.bulkActions.getByRole('button', { name: label, exact: true });
  }

  get bulkActions() {
    return this.page.getByRole('group', { name: 'Bulk actions' });
  }

  /** "Suspend 3 tenants" / "Reactivate 1 tenant" on the bar over the selected rows. */
  async clickBulkAction(label: string) {
    await this.bulkActions.getByRole('button', { name: label, exact: true }).click();
  }

  async assertOnlyRows(names: string[]) {
    await expect(this.rows).toHaveCount(names.length);
    for (const name of names) await expect(this.row(name)).toBeVisible();
  }

  /** The names of the rows on screen, in their order (each row's header cell). */
  async rowNames(): Promise<string[]> {
    return this.rows.getByRole('rowheader').allInnerTexts();
  }

  /**
   * Apply security policy to the selected tenants ("3 tenants"): clicks the bulk action and
   * returns its confirmation, "Apply a security policy to 3 tenants?", which holds the choice.
   */
  async openApplyPolicy(count: string): Promise<Locator> {
    await this.clickBulkAction(`Apply security policy to ${count}`);
    const dialog = this.applyPolicyDialog(count);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The choice and confirmation of Apply security policy, found by its title. */
  applyPolicyDialog(count: string) {
    return this.page.getByRole('dialog', { name: `Apply a security policy to ${count}?` });
  }

  /** Chooses a preset ("PCI DSS v4.0") in the Apply security policy confirmation. */
  async choosePolicyPreset(dialog: Locator, name: string) {
    await dialog.getByRole('radio', { name: `Preset: ${name}` }).check();
  }

  /** What the confirmation says is set on each tenant, one "Field: value" per line. */
  async assertPolicyChanges(dialog: Locator, summary: string | RegExp, lines: string[]) {
    const changes = dialog.getByRole('region', { name: 'What changes' });
    await expect(changes).toContainText(summary);
    await expect(changes.getByRole('listitem')).toHaveText(lines);
  }

  /** Confirms Apply security policy; the progress dialog (BulkProgressDialogPage) takes over. */
  async confirmApplyPolicy(dialog: Locator, count: string) {
    await dialog.getByRole('button', { name: `Apply a security policy to ${count}`, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  get downloadCsvButton() {
    return this.page.getByRole('button', { name: 'Download CSV' });
  }

  /** The export's progress dialog, while it fetches the pages. */
  get csvDialog() {
    return this.page.getByRole('dialog', { name: 'Downloading CSV' });
  }

  /** Download CSV of the filter on screen: the dialog fetches every page and saves the file by itself. */
  async downloadCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadCsvButton.click();
    return download;
  }
}
