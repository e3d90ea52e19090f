import { expect, type Download, type Page } from '@playwright/test';
import { pick } from './pickers';
import { openSelect } from '../support/select';

/** The audit log (/audit), an entry's page (/audit/:id), and a record's History panel. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async goTo(search = '') {
    await this.page.goto(`audit${search}`);
    await this.assertShown();
  }

  async goToEntry(eventId: string) {
    await this.page.goto(`audit/${encodeURIComponent(eventId)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit entry' })).toBeVisible();
  }

  async assertShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'Audit log' });
  }

  get dataRows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  row(text: string | RegExp) {
    return this.dataRows.filter({ hasText: text });
  }

  get filters() {
    return this.page.getByRole('search', { name: 'Filter the audit log' });
  }

  async filterTenant(name: string) {
    await pick(this.filters, 'Tenant', name, name);
    await expect(this.page).toHaveURL(/[?&]tenant=/);
  }

  async filterSelect(label: 'Time range' | 'Action' | 'Resource type' | 'Result', option: string) {
    await openSelect(this.filters.getByRole('combobox', { name: label }));
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async filterTimeRange(option: 'Last hour' | 'Last 24 hours' | 'Last 7 days' | 'Last 30 days' | 'Custom') {
    await this.filterSelect('Time range', option);
    await expect(this.page).toHaveURL(/[?&]range=/);
  }

  async filterResult(result: 'Success' | 'Failure') {
    await this.filterSelect('Result', result);
    await expect(this.page).toHaveURL(new RegExp(`[?&]result=${result.toLowerCase()}`));
  }

  async filterAction(label: string) {
    await this.filterSelect('Action', label);
    await expect(this.page).toHaveURL(/[?&]action=/);
  }

  async assertRowCount(atLeast: number) {
    await expect(this.dataRows.nth(atLeast - 1)).toBeVisible();
  }

  async openEntry(text: string | RegExp) {
    await this.row(text).first().getByRole('link', { name: /^Details/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit entry' })).toBeVisible();
  }

  get changes() {
    return this.page.getByRole('table', { name: 'Changed fields' });
  }

  async assertChange(field: string, before: string | RegExp, after: string | RegExp) {
    const row = this.changes.getByRole('row', { name: new RegExp(`^${field}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(before);
    await expect(row.getByRole('cell').nth(1)).toHaveText(after);
  }

  /** The History panel on a tenant's, role assignment's or admin's page. */
  get history() {
    return this.page.getByRole('region', { name: 'History' });
  }

  async assertHistoryShows(text: string | RegExp) {
    await expect(this.history.getByRole('listitem').filter({ hasText: text }).first()).toBeVisible();
  }

  async downloadCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    // The dialog fetches every page of the current filter and saves the file by itself.
    await this.page.getByRole('button', { name: 'Download CSV' }).click();
    return download;
  }
}
