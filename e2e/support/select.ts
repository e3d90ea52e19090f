import { expect, type Locator } from '@playwright/test';

/**
 * Opens an MUI Select (a combobox that pops up a listbox) from the keyboard, as a keyboard user
 * does, then the caller clicks its option. A mouse click opens it on mousedown, and MUI 9 takes
 * a mouseup that comes 200 ms later over an option as choosing it ("drag to select"): on a busy
 * CI machine Playwright's mouseup came 1.3 s after its mousedown, over "100", and the list went
 * to 100 a page instead of the 50 the test then asked for. Open, the listbox is the page's only
 * one (the rest, the combobox included, is aria-hidden behind it).
 */
export async function openSelect(combobox: Locator): Promise<void> {
  await combobox.focus();
  await combobox.press('ArrowDown');
  await expect(combobox.page().getByRole('listbox')).toBeVisible();
}
