import { expect, type Page } from '@playwright/test';

/** The console's frame: app bar, account menu, theme switch, main navigation. */
export class Shell {
  constructor(private readonly page: Page) {}

  async goTo(path = '') {
    await this.page.goto(path);
  }

  get accountButton() {
    return this.page.getByRole('button', { name: 'Account menu' });
  }

  get nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async assertSignedInAs(name: string) {
    await expect(this.accountButton).toContainText(name);
  }

  async openAccountMenu() {
    await this.accountButton.click();
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  async signOut() {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  async clickNav(name: 'Role assignments' | 'Tenants') {
    await this.nav.getByRole('link', { name }).click();
  }

  async assertHeading(name: string | RegExp) {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  get offlineBanner() {
    return this.page.getByRole('alert').filter({ hasText: 'You are offline' });
  }

  themeToggle() {
    return this.page.getByRole('button', { name: /^Switch to (dark|light) mode$/ });
  }
}
