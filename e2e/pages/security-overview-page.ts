import { expect, type Page } from '@playwright/test';

/** The Security overview: the counts across all tenants (each a link to the filtered list) and the baseline. */
export class SecurityOverviewPage {
  constructor(private readonly page: Page) {}

  async goTo(search = '') {
    await this.page.goto(`security${search}`);
    await this.assertShown();
  }

  async assertShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Security overview' })).toBeVisible();
  }

  /** The link of one count, e.g. "MFA not required" (its name is the words and the number). */
  countLink(label: string) {
    return this.page.getByRole('link', { name: new RegExp(`^${label} [\\d,]+$`) });
  }

  /** The number a count shows, e.g. 55,123 for "MFA not required". */
  async count(label: string): Promise<number> {
    const name = (await this.countLink(label).textContent()) ?? '';
    const digits = /([\d,]+)\s*$/.exec(name)?.[1];
    if (!digits) throw new Error(`no count in "${name}"`);
    return Number(digits.replace(/,/g, ''));
  }

  async openCount(label: string) {
    await this.countLink(label).click();
  }

  get baselinePicker() {
    return this.page.getByRole('combobox', { name: 'Baseline' });
  }

  async chooseBaseline(name: string) {
    await this.baselinePicker.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** The sentence "N tenants fall short of <baseline> on at least one of: …". */
  async assertShortfallSummary(baseline: string) {
    await expect(this.page.getByRole('status').filter({ hasText: `fall short of ${baseline}` })).toBeVisible();
  }

  /** The section of one rule of the baseline ("MFA not required: 1,234 tenants"). */
  shortfallSection(rule: string | RegExp) {
    return this.page.getByRole('region', { name: rule });
  }
}
