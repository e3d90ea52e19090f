import { expect, type Page } from '@playwright/test';

type GeneralField = 'Name' | 'Slug' | 'Contact email';
type NumberField = 'Minimum length (characters)' | 'Maximum age (days)' | 'Passwords remembered' | 'Session timeout (minutes)';
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

  async saveSettings() {
    await this.saveSettingsButton.click();
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
