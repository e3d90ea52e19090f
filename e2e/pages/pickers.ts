import type { Locator } from '@playwright/test';

/**
 * Chooses a record in one of the console's searchable pickers: types the search, then clicks the
 * option whose text holds `optionText` (name and second line, e.g. an email).
 */
export async function pick(scope: Locator, label: string | RegExp, search: string, optionText: string | RegExp) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await scope.page().getByRole('option').filter({ hasText: optionText }).first().click();
}
