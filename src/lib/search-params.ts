/**
 * URL search params <-> typed filters through a zod object: framework-free, so a screen's first
 * requests (its prefetch chunk, started by the bootstrap) can read the URL's filters without
 * pulling in React or the router. The React hook is in hooks/use-search-params-state.ts.
 */
import type * as z from 'zod/v4/core';

/** A field of a zod object, classic (`zod`) or `zod/mini`: both parse with `safeParse`. */
interface SafeParsable {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false };
}

/**
 * A zod object, classic or `zod/mini`, whose every field can parse `undefined` (give each a
 * default or make it optional).
 */
export type SearchParamsSchema = z.$ZodObject & { shape: Record<string, SafeParsable> };

/** Raw query values: one string, or several for a repeated key. */
function rawValue(params: URLSearchParams, key: string): string | string[] | undefined {
  const all = params.getAll(key);
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : all;
}

/**
 * Parses URL search params key by key. A bad value falls back to that key's default (the other keys
 * keep their values); unknown keys are ignored.
 */
export function parseSearchParams<S extends SearchParamsSchema>(schema: S, params: URLSearchParams): z.output<S> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = rawValue(params, key);
    // A schema field expecting an array gets one even for a single value.
    const parsed = field.safeParse(raw);
    if (parsed.success) {
      result[key] = parsed.data;
      continue;
    }
    if (typeof raw === 'string') {
      const asArray = field.safeParse([raw]);
      if (asArray.success) {
        result[key] = asArray.data;
        continue;
      }
    }
    const fallback = field.safeParse(undefined);
    result[key] = fallback.success ? fallback.data : undefined;
  }
  return result as z.output<S>;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  return Object.is(a, b);
}

/**
 * Writes state back as search params. Values equal to the schema's default and empty values are
 * left out, so URLs stay short and a shared URL reproduces the view. Keys the schema does not know
 * are kept untouched.
 */
export function toSearchParams<S extends SearchParamsSchema>(
  schema: S,
  state: Partial<z.output<S>>,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const defaults = parseSearchParams(schema, new URLSearchParams()) as Record<string, unknown>;
  const next = new URLSearchParams(current);
  for (const key of Object.keys(schema.shape as object)) {
    next.delete(key);
    const value = (state as Record<string, unknown>)[key];
    if (isEmpty(value) || same(value, defaults[key])) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      next.append(key, item instanceof Date ? item.toISOString() : String(item));
    }
  }
  return next;
}
