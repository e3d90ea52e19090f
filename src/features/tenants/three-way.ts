/**
 * A three-way merge of one form's fields, for a save that found someone else's version on the
 * server: the version the form was loaded from (`base`), theirs now (`theirs`) and the form's
 * (`yours`), each as flat values keyed by dotted path ("settings.password_policy.min_length").
 *
 * Only the fields where theirs and yours differ are listed. A field only one side changed is
 * suggested from that side; one both changed, differently, has no suggestion: the admin chooses.
 * Pure, with no React and no API, so the rules are tested on their own (three-way.test.ts).
 */

/** Values keyed by dotted path: the fields one form covers. */
export type FlatValues = Record<string, unknown>;

export type Side = 'theirs' | 'yours';

export interface FieldDifference {
  path: string;
  /** The value the form was loaded with. */
  base: unknown;
  /** The value on the server now. */
  theirs: unknown;
  /** The value in the form. */
  yours: unknown;
  /** Both sides changed it (to different values): nothing is suggested. */
  both: boolean;
  /** The side that changed it, when only one did. */
  suggested: Side | null;
}

/** Equal as JSON values: arrays in order, objects whatever their key order, undefined as null. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((key) => sameValue(x[key], y[key]));
}

/** The fields of `yours` whose value on the server (`theirs`) is not the form's, in the form's order. */
export function differences(base: FlatValues, theirs: FlatValues, yours: FlatValues): FieldDifference[] {
  const rows: FieldDifference[] = [];
  for (const path of Object.keys(yours)) {
    if (sameValue(theirs[path], yours[path])) continue;
    const theirsChanged = !sameValue(base[path], theirs[path]);
    const yoursChanged = !sameValue(base[path], yours[path]);
    const both = theirsChanged && yoursChanged;
    rows.push({
      path,
      base: base[path],
      theirs: theirs[path],
      yours: yours[path],
      both,
      suggested: both ? null : theirsChanged ? 'theirs' : 'yours',
    });
  }
  return rows;
}

/** Each listed field's choice: the admin's, else the suggestion. */
export function initialChoices(rows: readonly FieldDifference[]): Partial<Record<string, Side>> {
  const choices: Partial<Record<string, Side>> = {};
  for (const row of rows) if (row.suggested) choices[row.path] = row.suggested;
  return choices;
}

export type Resolution = { ok: true; values: FlatValues } | { ok: false; unchosen: string[] };

/**
 * The values to save: the form's, with theirs wherever that was chosen. Fields not listed are
 * the same on both sides already. Fails, naming them, while a field both changed has no choice.
 */
export function resolve(yours: FlatValues, rows: readonly FieldDifference[], choices: Partial<Record<string, Side>>): Resolution {
  const unchosen = rows.filter((row) => !choices[row.path]).map((row) => row.path);
  if (unchosen.length > 0) return { ok: false, unchosen };
  const values: FlatValues = { ...yours };
  for (const row of rows) if (choices[row.path] === 'theirs') values[row.path] = row.theirs;
  return { ok: true, values };
}

/** `{a: {b: 1}, c: 2}` under "settings" → `{"settings.a.b": 1, "settings.c": 2}`; arrays are values. */
export function flatten(value: Record<string, unknown>, prefix = ''): FlatValues {
  const flat: FlatValues = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) Object.assign(flat, flatten(item as Record<string, unknown>, path));
    else flat[path] = item;
  }
  return flat;
}

/** The reverse of `flatten`, for the paths under `prefix` (the prefix itself dropped). */
export function unflatten(flat: FlatValues, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const start = prefix ? `${prefix}.` : '';
  for (const [path, item] of Object.entries(flat)) {
    if (!path.startsWith(start)) continue;
    const keys = path.slice(start.length).split('.');
    let node = out;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = item;
      else node = (node[key] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}
