import { expect, type Locator, type Page } from '@playwright/test';
import { AssignRoleDialogPage } from './assign-role-dialog';
import { ConfirmDialogPage } from './confirm-dialog';

/** One user's roles: /users/:userId/roles. */
export class UserRolesPage {
  constructor(private readonly page: Page) {}

  async goTo(userId: string) {
    await this.page.goto(`users/${encodeURIComponent(userId)}/roles`);
  }

  async assertHeading(name: string | RegExp) {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  table(userName: string): Locator {
    return this.page.getByRole('table', { name: `Roles of ${userName}` });
  }

  /**
   * The row holding `text`: pass the role ('Tenant Admin'), which no other row of one user holds.
   * A scope is not unique: 'Platform' is the Super Admin's scope and part of "ScaiKey Platform".
   */
  row(userName: string, text: string | RegExp): Locator {
    return this.table(userName).getByRole('row').filter({ hasText: text });
  }

  async openAssignDialog(): Promise<AssignRoleDialogPage> {
    await this.page.getByRole('button', { name: 'Assign role' }).click();
    const dialog = new AssignRoleDialogPage(this.page);
    await dialog.assertOpen();
    return dialog;
  }

  async deactivate(userName: string, rowText: string | RegExp) {
    await this.row(userName, rowText).getByRole('button', { name: /^Deactivate/ }).click();
  }

  async openRevoke(userName: string, rowText: string | RegExp, title: string | RegExp): Promise<ConfirmDialogPage> {
    await this.row(userName, rowText).getByRole('button', { name: /^Revoke/ }).click();
    const dialog = new ConfirmDialogPage(this.page, title);
    await dialog.assertOpen();
    return dialog;
  }
}
