import type { components } from '../../../src/lib/api/schema';
import { int, withDefault } from './validate';

export const MAX_PER_PAGE = 100;
/** Past any real list (100,000 tenants one per page); keeps OFFSET arithmetic sane. */
export const MAX_PAGE = 1_000_000;

/** `page` (1..1,000,000, default 1) and `per_page` (1..100, default 20): spread into a route's query shape. */
export const pageParams = {
  page: withDefault(int({ ge: 1, le: MAX_PAGE }), () => 1),
  per_page: withDefault(int({ ge: 1, le: MAX_PER_PAGE }), () => 20),
};

/** A list answer: the contract's PageMeta and one page of items (the contract spells it per list, e.g. TenantList). */
export type Page<T> = components['schemas']['PageMeta'] & { items: T[] };

export function pageOf<T>(items: T[], total: number, page: number, perPage: number): Page<T> {
  return { items, total, page, per_page: perPage, pages: Math.ceil(total / perPage) };
}
