import { expect, type Page } from '@playwright/test';
import type { Account } from '../support/env';

/** ScaiKey's sign-in page (served by the OIDC provider, not by the console). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Sign in to ScaiKey' });
  }

  async assertShown() {
    await expect(this.heading).toBeVisible();
  }

  async fillCredentials(account: Account) {
    await this.page.getByLabel('Email').fill(account.email);
    await this.page.getByLabel('Password').fill(account.password);
  }

  async signIn(account: Account) {
    await this.assertShown();
    await this.fillCredentials(account);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async assertError(text: string | RegExp) {
    await expect(this.page.getByRole('alert')).toContainText(text);
  }
}
