import { expect, type Locator, type Page } from '@playwright/test';
import { openSelect } from '../support/select';

/** Admins: the list, the Create admin dialog, an account's page and its Delete confirmation. */
export class AdminsPage {
  constructor(private readonly page: Page) {}

  async goTo(search = '') {
    await this.page.goto(`admins${search}`);
    await this.assertShown();
  }

  async assertShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Admins' })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'Admins' });
  }

  get dataRows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  row(name: string | RegExp) {
    return this.table.getByRole('row', { name });
  }

  get total() {
    return this.page.getByRole('status').filter({ hasText: /\d admins?$/ });
  }

  async setPageSize(size: 10 | 25 | 50 | 100) {
    await openSelect(this.page.getByRole('combobox', { name: /Admins per page/ }));
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }

  async goToNextPage() {
    await this.page.getByRole('button', { name: /next page/i }).click();
  }

  // ---------------------------------------------------------------- create

  get createDialog() {
    return this.page.getByRole('dialog', { name: 'Create admin' });
  }

  passwordField(dialog: Locator = this.createDialog) {
    return dialog.getByLabel(/^Password/, { exact: false }).and(dialog.locator('input'));
  }

  async openCreate() {
    await this.page.getByRole('button', { name: 'Create admin' }).click();
    await expect(this.createDialog).toBeVisible();
  }

  async fillCreate(values: { firstName: string; lastName: string; email: string; password: string }) {
    const dialog = this.createDialog;
    await dialog.getByRole('textbox', { name: /First name/ }).fill(values.firstName);
    await dialog.getByRole('textbox', { name: /Last name/ }).fill(values.lastName);
    await dialog.getByRole('textbox', { name: /Email/ }).fill(values.email);
    await this.passwordField().fill(values.password);
  }

  async submitCreate() {
    await this.createDialog.getByRole('button', { name: 'Create admin' }).click();
  }

  async assertRulesMet(count: number) {
    await expect(this.createDialog.getByText(`${count} of 5 password rules met`)).toBeVisible();
  }

  // ---------------------------------------------------------------- one account

  async open(name: string) {
    await this.row(new RegExp(name)).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  deleteDialog(name: string) {
    return this.page.getByRole('dialog', { name: `Delete ${name}'s admin account?` });
  }

  async deleteAccount(name: string, email: string) {
    await this.page.getByRole('button', { name: 'Delete' }).click();
    const dialog = this.deleteDialog(name);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Email of the admin to delete' }).fill(email);
    await dialog.getByRole('button', { name: 'Delete admin' }).click();
  }
}
