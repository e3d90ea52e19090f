import { expect, type Locator, type Page } from '@playwright/test';
import { ConfirmDialogPage } from './confirm-dialog';

/** One assignment: /role-assignments/:id. */
export class RoleAssignmentDetailPage {
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async goTo(assignmentId: string) {
    await this.page.goto(`role-assignments/${encodeURIComponent(assignmentId)}`);
  }

  async assertHeading(name: string | RegExp) {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The value shown for a field ("Status", "Scope", "Granted by"...). */
  field(label: string) {
    return this.main.getByRole('group', { name: label, exact: true });
  }

  async assertField(label: string, text: string | RegExp) {
    await expect(this.field(label)).toContainText(text);
  }

  button(name: string | RegExp) {
    return this.main.getByRole('button', { name });
  }

  async deactivate() {
    await this.button('Deactivate').click();
  }

  async activate() {
    await this.button('Activate').click();
  }

  async setExpiry(value: string) {
    await this.button(/^(Set|Change) expiry$/).click();
    await this.main.getByLabel(/^Expires at/).fill(value);
    await this.button('Save expiry').click();
  }

  get expiryInput() {
    return this.main.getByLabel(/^Expires at/);
  }

  async clearExpiry() {
    await this.button('Clear expiry').click();
  }

  async openRevoke(title: string | RegExp): Promise<ConfirmDialogPage> {
    await this.button('Revoke').click();
    const dialog = new ConfirmDialogPage(this.page, title);
    await dialog.assertOpen();
    return dialog;
  }
}

export const CLEANUP_LABEL = 'Also remove this user if they are left an orphaned admin-only account';
export const OWN_SUPER_ADMIN_REASON =
  'This is your own Super Admin role: you cannot revoke, deactivate or put an expiry on it yourself. Another Super Admin can.';

/** The revoke confirmation's title: "Revoke Tenant Admin from Ana Lima?" */
export function revokeTitle(role: string, userName: string): string {
  return `Revoke ${role} from ${userName}?`;
}
