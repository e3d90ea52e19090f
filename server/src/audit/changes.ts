import { SECRET_SET, type AuditChanges } from './audit-events';

type Json = unknown;

/** An object as itself, nothing (null, undefined) as an empty one, anything else as null. */
const asObject = (value: Json): Record<string, Json> | null => (isObject(value) ? value : value == null ? {} : null);

/**
 * A field whose value must never be recorded: a password, secret, token, key or credential that a
 * client may keep among a tenant's free-form settings (`settings.smtp.password`). Its change is
 * recorded as "set" (or null when it was removed), like an admin account's password.
 */
const SECRET_KEY = /(?:^|\.)[^.]*(?:password|passwd|secret|token|api_?key|private_?key|credential)s?$/i;
const secret = (value: Json): string | null => (value == null ? null : SECRET_SET);

/** Left out of every entry's changes by default: a record's own id and the stamps every write moves. */
export const RECORD_STAMPS: readonly string[] = ['id', 'created_at', 'updated_at'];

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Field-level changes between two versions of a record: nested objects are walked, so a settings
 * edit reads `settings.password_policy.min_length: 8 → 12` rather than the whole settings object
 * twice; arrays and scalars are compared whole. A field present on one side only has null on the
 * other. Fields in `ignore` (RECORD_STAMPS unless told) are left out; nothing changed → null.
 */
export function diffChanges(before: Json, after: Json, ignore: readonly string[] = RECORD_STAMPS): AuditChanges | null {
  const changes: AuditChanges = {};
  const walk = (a: Json, b: Json, path: string): void => {
    if (ignore.includes(path)) return;
    // A secret is compared whole, whatever its shape, and recorded only as set or not.
    if (SECRET_KEY.test(path)) {
      if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) changes[path] = { before: secret(a), after: secret(b) };
      return;
    }
    // A nested object that appears or goes is walked against nothing: each of its fields is a change.
    const [x, y] = [asObject(a), asObject(b)];
    if (x && y && (isObject(a) || isObject(b))) {
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
        walk(x[key], y[key], path ? `${path}.${key}` : key);
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
export function createdChanges(record: Record<string, Json>, ignore: readonly string[] = RECORD_STAMPS): AuditChanges | null {
  return diffChanges({}, record, ignore);
}
