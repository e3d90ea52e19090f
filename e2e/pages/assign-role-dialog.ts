import { expect, type Locator, type Page } from '@playwright/test';
import { pick } from './pickers';

type RoleLabel = 'Super Admin' | 'Partner Admin' | 'Tenant Admin';

/** The "Assign role" dialog. */
export class AssignRoleDialogPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Assign role' });
  }

  async assertOpen() {
    await expect(this.dialog).toBeVisible();
  }

  async pickUser(email: string) {
    await pick(this.dialog, /^User/, email, email);
  }

  async pickPartner(search: string, name: string) {
    await pick(this.dialog, /^Partner/, search, name);
  }

  async pickTenant(search: string, name: string) {
    await pick(this.dialog, /^Tenant/, search, name);
  }

  get roleSelect() {
    return this.dialog.getByRole('combobox', { name: /^Role/ });
  }

  async chooseRole(role: RoleLabel) {
    await this.roleSelect.click();
    await this.page.getByRole('listbox').getByRole('option', { name: role, exact: true }).click();
  }

  get expiresAt() {
    return this.dialog.getByLabel(/^Expires at/);
  }

  /** A datetime-local value: "2030-01-31T09:30". */
  async fillExpiresAt(value: string) {
    await this.expiresAt.fill(value);
  }

  field(label: string | RegExp) {
    return this.dialog.getByRole('combobox', { name: label });
  }

  async submit() {
    await this.dialog.getByRole('button', { name: 'Assign role' }).click();
  }

  async assertFieldError(field: Locator, message: string | RegExp) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }

  async assertFormError(message: string | RegExp) {
    await expect(this.dialog.getByRole('alert')).toContainText(message);
  }

  async assertClosed() {
    await expect(this.dialog).toBeHidden();
  }
}
