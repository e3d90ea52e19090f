import type { AuditChanges } from './audit-events';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Field-level changes between two versions of a record: nested objects are walked, so a settings
 * edit reads `settings.password_policy.min_length: 8 → 12` rather than the whole settings object
 * twice; arrays and scalars are compared whole. A field present on one side only has null on the
 * other. Fields in `ignore` (updated_at...) are left out; nothing changed → null.
 */
export function diffChanges(before: Json, after: Json, ignore: readonly string[] = []): AuditChanges | null {
  const changes: AuditChanges = {};
  const walk = (a: Json, b: Json, path: string) => {
    if (ignore.includes(path)) return;
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        walk(a[key], b[key], path ? `${path}.${key}` : key);
      }
      return;
    }
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) return;
    changes[path] = { before: a ?? null, after: b ?? null };
  };
  walk(before ?? {}, after ?? {}, '');
  return Object.keys(changes).length ? changes : null;
}

/** A new record as changes from nothing (each field `null → value`), less the fields in `ignore`. */
export function createdChanges(record: Record<string, Json>, ignore: readonly string[] = []): AuditChanges | null {
  return diffChanges({}, record, ignore);
}
