/**
 * The security settings as flat fields ("settings.password_policy.min_length"), for the review
 * before a save (each changed field before → after, worded as the audit log words it:
 * src/utils/change-words.ts) and for the three-way merge of a save that met someone else's.
 */
import { changeRows, type ChangeRow } from '@/utils/change-words';
import { fromSettings, type SettingsFormValues, type TenantSettings } from './settings';
import { flatten, sameValue, unflatten, type FlatValues } from './three-way';

const PREFIX = 'settings';

/** The fields the form covers, of what a server returned (missing keys as the form shows them). */
export function settingsFields(settings: TenantSettings | Record<string, unknown> | null | undefined): FlatValues {
  return flatten(fromSettings(settings), PREFIX);
}

/** The form's values as the same fields, in the form's order whatever order the values' keys are in. */
export function formFields(values: SettingsFormValues): FlatValues {
  return flatten(fromSettings(values), PREFIX);
}

/** The form's values back from the fields (after a merge chose some of theirs). */
export function valuesFromFields(fields: FlatValues): SettingsFormValues {
  return unflatten(fields, PREFIX) as unknown as SettingsFormValues;
}

/** Every field of `after` that is not as in `before`, in words: "Minimum password length: 8 → 12". */
export function fieldChanges(before: FlatValues, after: FlatValues): ChangeRow[] {
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const [path, value] of Object.entries(after)) {
    if (!sameValue(before[path], value)) changed[path] = { before: before[path], after: value };
  }
  return changeRows(changed);
}
