import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl+K / ⌘K, or the app bar's Search button): a combobox over grouped results. */
export class CommandPalette {
  constructor(private readonly page: Page) {}

  get button(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Search', exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Search the console' });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Search tenants, users, admins, screens and actions' });
  }

  get results(): Locator {
    return this.dialog.getByRole('listbox', { name: 'Results' });
  }

  /** The live region that says how many results there are. */
  get announcement(): Locator {
    return this.dialog.getByRole('status');
  }

  group(name: string): Locator {
    return this.results.getByRole('group', { name });
  }

  option(name: string | RegExp, group?: string): Locator {
    return (group ? this.group(group) : this.results).getByRole('option', { name });
  }

  async openWithShortcut() {
    await this.page.keyboard.press('ControlOrMeta+k');
    await this.assertOpen();
  }

  async openWithButton() {
    await this.button.click();
    await this.assertOpen();
  }

  async assertOpen() {
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async fillSearch(term: string) {
    await this.input.pressSequentially(term, { delay: 20 });
  }

  /** The option the arrows have reached (what Enter opens). */
  async assertActive(option: Locator) {
    await expect(option).toHaveAttribute('aria-selected', 'true');
    const id = await option.getAttribute('id');
    await expect(this.input).toHaveAttribute('aria-activedescendant', id ?? '');
  }

  /** Waits until `option` is the active one, then presses Enter on it. */
  async openActive(option: Locator) {
    await this.assertActive(option);
    await this.input.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  async close() {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}
