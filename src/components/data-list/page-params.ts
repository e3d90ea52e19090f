import * as z from 'zod/mini';

/**
 * One set of page sizes for every list (the API's default, 20, among them), and the URL fields
 * that hold a list's page and page size. A bad value in a shared link falls back to the default,
 * so a mangled URL still opens.
 */
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The API's bound (server MAX_PAGE): past it a shared link opens page 1. */
const MAX_PAGE = 1_000_000;

/** `page`: a whole number from 1 to 1,000,000, default 1. */
export const pageField = () => z._default(z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE)), 1), 1);

/** `per_page` (or the API's own name for it): one of `sizes`, default `fallback`. */
export const pageSizeField = (sizes: readonly number[] = PAGE_SIZES, fallback: number = DEFAULT_PAGE_SIZE) =>
  z._default(
    z.catch(
      z.coerce.number().check(z.refine((n) => sizes.includes(n))),
      fallback,
    ),
    fallback,
  );

/**
 * A DataList's paging props bound to URL filters holding `page` and `per_page`: a new page size
 * goes back to page 1. Spread them: `<DataList {...urlPaging(filters, setFilters)} ... />`.
 */
export function urlPaging(
  filters: { page: number; per_page: number },
  setFilters: (patch: { page?: number; per_page?: number }) => void,
) {
  return {
    page: filters.page,
    perPage: filters.per_page,
    onPageChange: (page: number) => setFilters({ page }),
    onPerPageChange: (perPage: number) => setFilters({ per_page: perPage, page: 1 }),
  };
}
