import { expect, type Locator, type Page } from '@playwright/test';

/** The shared confirmation for destructive actions, found by its title. */
export class ConfirmDialogPage {
  readonly dialog: Locator;

  constructor(page: Page, title: string | RegExp) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  async assertOpen() {
    await expect(this.dialog).toBeVisible();
  }

  async assertCancelFocused() {
    await expect(this.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  }

  checkbox(name: string | RegExp) {
    return this.dialog.getByRole('checkbox', { name });
  }

  async setChecked(name: string | RegExp, checked: boolean) {
    await this.checkbox(name).setChecked(checked);
  }

  async confirm(label: string) {
    await this.dialog.getByRole('button', { name: label }).click();
  }

  async cancel() {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }

  async assertError(message: string | RegExp) {
    await expect(this.dialog.getByRole('alert')).toContainText(message);
  }

  async assertClosed() {
    await expect(this.dialog).toBeHidden();
  }
}
