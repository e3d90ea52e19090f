import { expect, type Page } from '@playwright/test';

/** The "Create tenant" form (its fields are the General section's too). */
export class TenantForm {
  constructor(private readonly page: Page) {}

  async goTo() {
    await this.page.goto('tenants/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create tenant' })).toBeVisible();
  }

  get form() {
    return this.page.getByRole('form', { name: 'Create tenant' });
  }

  field(label: 'Name' | 'Slug' | 'Contact email') {
    return this.page.getByRole('textbox', { name: label });
  }

  get partner() {
    return this.page.getByRole('combobox', { name: 'Partner' });
  }

  get status() {
    return this.page.getByRole('combobox', { name: 'Status' });
  }

  async fill(values: { name?: string; slug?: string; contactEmail?: string }) {
    if (values.name !== undefined) await this.field('Name').fill(values.name);
    if (values.slug !== undefined) await this.field('Slug').fill(values.slug);
    if (values.contactEmail !== undefined) await this.field('Contact email').fill(values.contactEmail);
  }

  async choosePartner(name: string) {
    await this.partner.click();
    await this.partner.fill(name);
    await this.page.getByRole('option', { name: new RegExp(name) }).first().click();
  }

  async chooseStatus(label: 'Active' | 'Suspended') {
    await this.status.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Create tenant' }).click();
  }

  async assertFieldError(label: 'Name' | 'Slug' | 'Contact email', message: string | RegExp) {
    const field = this.field(label);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }
}
