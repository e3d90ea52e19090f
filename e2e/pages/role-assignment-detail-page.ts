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

  /** The page's "Extend" (or, once expired, "Renew") menu, opened. */
  async openExtendMenu(kind: 'Extend' | 'Renew' = 'Extend'): Promise<ExtendMenu> {
    await this.button(kind).click();
    const menu = new ExtendMenu(this.page);
    await menu.assertOpen();
    return menu;
  }

  async openRevoke(title: string | RegExp): Promise<ConfirmDialogPage> {
    await this.button('Revoke').click();
    const dialog = new ConfirmDialogPage(this.page, title);
    await dialog.assertOpen();
    return dialog;
  }
}

/** The Extend/Renew menu of an assignment (its page's button, or a row's "More actions"). */
export class ExtendMenu {
  readonly menu: Locator;

  constructor(private readonly page: Page) {
    this.menu = page.getByRole('menu');
  }

  async assertOpen(name?: string | RegExp) {
    await expect(this.menu).toBeVisible();
    if (name) await expect(this.menu).toHaveAccessibleName(name);
  }

  /** "+30 days" ("Renew for +30 days" once expired; each item also shows the date it leads to). */
  item(choice: '+7 days' | '+30 days' | '+90 days' | 'To a date…') {
    return this.menu.getByRole('menuitem', { name: new RegExp(`^(Renew for )?${choice.replace('+', '\\+')}`) });
  }

  async choose(choice: '+7 days' | '+30 days' | '+90 days' | 'To a date…') {
    await this.item(choice).click();
    await expect(this.menu).toBeHidden();
  }

  /** "To a date…": the dialog, with the date typed (a datetime-local value) and submitted. */
  async chooseDate(value: string, submit: 'Extend' | 'Renew' = 'Extend'): Promise<Locator> {
    await this.choose('To a date…');
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/^New expiry/).fill(value);
    await dialog.getByRole('button', { name: submit, exact: true }).click();
    return dialog;
  }
}

/** A success message of the console ("Extended to ..."), as its snackbar shows it. */
export function successMessage(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/**
 * An instant as the console shows it in full (src/utils/dates.ts `exactTime`), formatted in the
 * browser so its locale and time zone are the page's: "1 Dec 2026, 09:30 GMT+1".
 */
export function exactTimeInBrowser(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(at)),
    iso,
  );
}

export const CLEANUP_LABEL = 'Also remove this user if they are left an orphaned admin-only account';
export const OWN_SUPER_ADMIN_REASON =
  'This is your own Super Admin role: you cannot revoke, deactivate or put an expiry on it yourself. Another Super Admin can.';

/** The revoke confirmation's title: "Revoke Tenant Admin from Ana Lima?" */
export function revokeTitle(role: string, userName: string): string {
  return `Revoke ${role} from ${userName}?`;
}
