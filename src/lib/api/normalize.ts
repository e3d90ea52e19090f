/**
 * ScaiKey's list envelope is not published. We expect
 * `{items, total, page, per_page, pages}`, but accept `data`, an array named after the resource
 * (`{tenants: [...]}`), or a bare array, and cope with a missing total.
 */

export interface NormalizedList<T> {
  items: T[];
  /** Null when the server did not say (then `pages` is null too, unless it sent that). */
  total: number | null;
  page: number;
  perPage: number;
  pages: number | null;
  /** With total null: the server counted this many and stopped (there are more). */
  atLeast?: number;
}

export interface NormalizeOptions {
  /** The page that was asked for, used when the body does not say. */
  page?: number;
  /** The page size that was asked for, used when the body does not say. */
  perPage?: number;
}

function toCount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.floor(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

function firstCount(record: Record<string, unknown>, keys: string[]): number | null {
  for (const key of keys) {
    const count = toCount(record[key]);
    if (count !== null) return count;
  }
  return null;
}

/** A snake-case or camel-case variant: "admin_roles" ↔ "adminRoles". */
function nameVariants(resourceName: string): string[] {
  const camel = resourceName.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
  const snake = resourceName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
  return [...new Set([resourceName, camel, snake])];
}

export function normalizeList<T>(body: unknown, resourceName: string, options: NormalizeOptions = {}): NormalizedList<T> {
  const fallbackPage = options.page ?? 1;
  if (Array.isArray(body)) {
    return {
      items: body as T[],
      total: body.length,
      page: fallbackPage,
      perPage: options.perPage ?? Math.max(body.length, 1),
      pages: 1,
    };
  }
  if (body === null || typeof body !== 'object') {
    throw new TypeError(`Expected a list of ${resourceName}, but the API answered with ${body === null ? 'null' : typeof body}.`);
  }
  const record = body as Record<string, unknown>;
  const candidates = ['items', 'data', 'results', ...nameVariants(resourceName)];
  const key = candidates.find((candidate) => Array.isArray(record[candidate]));
  if (key === undefined) {
    throw new TypeError(`Expected a list of ${resourceName}, but the API answer held no array.`);
  }
  const items = record[key] as T[];
  const meta =
    record.meta !== null && typeof record.meta === 'object'
      ? { ...(record.meta as Record<string, unknown>), ...record }
      : record;
  const total = firstCount(meta, ['total', 'total_count', 'totalCount', 'count']);
  const page = firstCount(meta, ['page', 'current_page']) ?? fallbackPage;
  const perPage =
    firstCount(meta, ['per_page', 'perPage', 'page_size', 'pageSize', 'limit']) ??
    options.perPage ??
    Math.max(items.length, 1);
  const pages =
    firstCount(meta, ['pages', 'total_pages', 'totalPages']) ??
    (total !== null && perPage > 0 ? Math.max(1, Math.ceil(total / perPage)) : null);
  return { items, total, page: Math.max(page, 1), perPage, pages };
}
