import { expect, type Page } from '@playwright/test';

type GeneralField = 'Name' | 'Slug' | 'Contact email';
type NumberField = 'Minimum length (characters)' | 'Maximum age (days)' | 'Passwords remembered' | 'Session timeout (minutes)';
type PresetName = 'ScaiKey default' | 'NIST SP 800-63B' | 'PCI DSS v4.0';
type PolicyCheckbox = 'Require an uppercase letter' | 'Require a lowercase letter' | 'Require a digit' | 'Require a special character';

/** One tenant's page: General (edited in place), Security settings, Branding, and the actions. */
export class TenantPage {
  constructor(readonly page: Page) {}

  async goTo(tenantId: string, name?: string) {
    await this.page.goto(`tenants/${encodeURIComponent(tenantId)}`);
    if (name) await this.assertHeading(name);
  }

  async assertHeading(name: string) {
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  // General

  get general() {
    return this.page.getByRole('region', { name: 'General' });
  }

  async startEditingGeneral() {
    await this.page.getByRole('button', { name: 'Edit general details' }).click();
    await expect(this.general.getByRole('textbox', { name: 'Name' })).toBeVisible();
  }

  generalField(label: GeneralField) {
    return this.general.getByRole('textbox', { name: label });
  }

  async fillGeneral(values: Partial<Record<GeneralField, string>>) {
    for (const [label, value] of Object.entries(values)) await this.generalField(label as GeneralField).fill(value);
  }

  async chooseGeneralPartner(name: string) {
    const partner = this.general.getByRole('combobox', { name: 'Partner' });
    await partner.click();
    await partner.fill(name);
    await this.page.getByRole('option', { name: new RegExp(name) }).first().click();
  }

  async saveGeneral() {
    await this.general.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async cancelGeneral() {
    await this.general.getByRole('button', { name: 'Cancel' }).click();
  }

  async assertGeneralValue(label: string, value: string | RegExp) {
    // The read-only view is a description list: the term, then its value.
    const term = this.general.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
    await expect(term.locator('xpath=following-sibling::dd[1]')).toHaveText(value);
  }

  // Security settings

  get settings() {
    return this.page.getByRole('form', { name: 'Security settings' });
  }

  get requireMfa() {
    return this.settings.getByRole('switch', { name: 'Require MFA' });
  }

  get mfaMethods() {
    return this.settings.getByRole('group', { name: 'Allowed methods' });
  }

  mfaMethod(name: 'TOTP' | 'SMS' | 'Email' | 'WebAuthn') {
    return this.mfaMethods.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  numberField(label: NumberField) {
    return this.settings.getByRole('spinbutton', { name: label });
  }

  policyCheckbox(label: PolicyCheckbox) {
    return this.settings.getByRole('checkbox', { name: label });
  }

  async setNumber(label: NumberField, value: string) {
    await this.numberField(label).fill(value);
  }

  get saveSettingsButton() {
    return this.settings.getByRole('button', { name: 'Save security settings' });
  }

  /** Clicks Save only: the review opens when the form is valid, the errors show when not. */
  async clickSaveSettings() {
    await this.saveSettingsButton.click();
  }

  /** Saves through the review: Save, then Confirm in the dialog that lists them. */
  async saveSettings() {
    await this.clickSaveSettings();
    await this.confirmReview();
  }

  // The review before a save

  get reviewDialog() {
    return this.page.getByRole('dialog', { name: /^Save changes to .*security settings\?$|^Nothing to save$/ });
  }

  /** The changes the review lists, each "Field: before → after". */
  async reviewChanges(): Promise<string[]> {
    await expect(this.reviewDialog).toBeVisible();
    return this.reviewDialog.getByRole('list', { name: 'Changes' }).getByRole('listitem').allTextContents();
  }

  async confirmReview() {
    await this.reviewDialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(this.reviewDialog).toBeHidden();
  }

  async cancelReview() {
    await this.reviewDialog.getByRole('button', { name: 'Back to the form' }).click();
    await expect(this.reviewDialog).toBeHidden();
  }

  // Presets

  preset(name: PresetName) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Fills the form from a preset (nothing is saved). */
  async fillPreset(name: PresetName) {
    await this.preset(name).getByRole('button', { name: `Fill in ${name}` }).click();
    await expect(this.page.getByText(`Filled in from ${name}.`, { exact: false })).toBeVisible();
  }

  // The password tester

  get passwordTester() {
    return this.page.getByRole('region', { name: 'Try the password policy' });
  }

  get samplePassword() {
    return this.passwordTester.getByLabel('Sample password', { exact: true });
  }

  async typeSample(sample: string) {
    await this.samplePassword.fill(sample);
  }

  /** Each rule for the sample as shown: "At least 12 characters: Fail". */
  sampleRules() {
    return this.passwordTester.getByRole('list', { name: 'Rules for the sample' }).getByRole('listitem');
  }

  // The conflict view

  get conflictView() {
    return this.page.getByRole('dialog', { name: 'Someone else changed this tenant' });
  }

  /** Each row of the view: field | when opened | theirs now | yours (the choice column left out). */
  async conflictRows(): Promise<string[]> {
    const rows = this.conflictView.getByRole('table', { name: 'Fields that differ' }).getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const out: string[] = [];
    for (const row of (await rows.all()).slice(1)) {
      const field = await row.getByRole('rowheader').textContent();
      const cells = await row.getByRole('cell').allTextContents();
      out.push([field, ...cells.slice(0, 3)].join(' | '));
    }
    return out;
  }

  conflictChoice(field: string, side: 'Theirs' | 'Yours') {
    return this.conflictView.getByRole('radiogroup', { name: field, exact: true }).getByRole('radio', { name: side });
  }

  async chooseInConflict(field: string, side: 'Theirs' | 'Yours') {
    await this.conflictChoice(field, side).check();
  }

  async saveConflictChoices() {
    await this.conflictView.getByRole('button', { name: 'Save with these choices' }).click();
  }

  async assertSettingsSaved() {
    await expect(this.page.getByText('Security settings saved')).toBeVisible();
    await expect(this.saveSettingsButton).toBeDisabled();
  }

  get policySummary() {
    return this.settings.getByText(/^In short:/);
  }

  get otherSettings() {
    return this.settings.getByRole('region', { name: 'Other settings' });
  }

  // Actions and dialogs

  dialog(name: string | RegExp) {
    return this.page.getByRole('dialog', { name });
  }

  async clickAction(name: 'Suspend' | 'Reactivate' | 'Delete') {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async confirmIn(dialogName: string | RegExp, button: string) {
    const dialog = this.dialog(dialogName);
    await dialog.getByRole('button', { name: button }).click();
    await expect(dialog).toBeHidden();
  }

  async assertStatus(label: 'Active' | 'Suspended') {
    await this.assertGeneralValue('Status', label);
  }
}
