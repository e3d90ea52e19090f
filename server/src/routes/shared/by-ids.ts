import { optional, commaList } from '../../http/validate';
import type { Params } from './sql';

/**
 * The look-up by several ids that /users, /tenants and /partners share [extension, decided]:
 * `?ids=a,b,c` narrows a list to those records (at most MAX_IDS; empty items ignored, duplicates
 * fine, missing or soft-deleted ids simply absent), combined with the list's other filters and
 * scope. The console resolves a page's names with it in one request per kind.
 */
export const MAX_IDS = 100;

/** Spread into a list route's query shape. */
export const idsParam = { ids: optional(commaList({ max: MAX_IDS })) };

/** The WHERE condition: a primary-key look-up. No ids (`?ids=`) matches nothing. */
export function idsCondition(ids: readonly string[], params: Params): string {
  return `id = ANY(${params.add([...new Set(ids)])}::text[])`;
}
