/**
 * Admin accounts, through ScaiKey's Admins API as it is (scaikey-api.md, "Admin accounts"):
 * camelCase, its own envelope, the page number in the path, no way to read one account by id.
 * The list is normalised into the list kit's shape; one account is found in the pages already
 * loaded, else by reading pages of 100 (a deep link to an account's page).
 */
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { ApiError, unwrap } from '@/lib/api-error';
import type { NormalizedList } from '@/lib/api/normalize';

export type AdminAccount = components['schemas']['AdminAccount'];
type AdminAccountList = components['schemas']['AdminAccountList'];

export interface AdminListParams {
  page: number;
  pageSize: number;
}

export async function fetchAdminsPage({ page, pageSize }: AdminListParams, signal?: AbortSignal): Promise<NormalizedList<AdminAccount>> {
  const body: AdminAccountList = unwrap(
    await apiClient().GET('/api/admins/page/{page}', { params: { path: { page }, query: { pageSize } }, signal }),
  );
  return { items: body.items, total: body.totalCount, page: body.page, perPage: body.pageSize, pages: body.totalPages };
}

/** The most pages a deep link reads to find one account (100 a page: 5,000 accounts). */
const MAX_PAGES_SCANNED = 50;

export const adminQueries = {
  all: () => ['admins'] as const,
  lists: () => [...adminQueries.all(), 'list'] as const,
  list: (params: AdminListParams) =>
    queryOptions({
      queryKey: [...adminQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchAdminsPage(params, signal),
      placeholderData: keepPreviousData,
    }),
  /**
   * Every account, for a search the API cannot make (the command palette): the first page of
   * 100, then the others side by side, up to MAX_PAGES_SCANNED pages.
   */
  every: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'every'] as const,
      queryFn: async ({ signal }): Promise<AdminAccount[]> => {
        const first = await fetchAdminsPage({ page: 1, pageSize: 100 }, signal);
        const pages = Math.min(first.pages ?? 1, MAX_PAGES_SCANNED);
        const rest = await Promise.all(
          Array.from({ length: pages - 1 }, (_, i) => fetchAdminsPage({ page: i + 2, pageSize: 100 }, signal)),
        );
        const seen = new Set<string>();
        // An account created meanwhile shifts the pages: one that shows twice is listed once.
        return [first, ...rest].flatMap((list) => list.items).filter((a) => !seen.has(a.id) && seen.add(a.id));
      },
    }),
  details: () => [...adminQueries.all(), 'detail'] as const,
  /** One account: from a list page already loaded if there is one, else found page by page. */
  detail: (adminId: string, queryClient: QueryClient) =>
    queryOptions({
      queryKey: [...adminQueries.details(), adminId] as const,
      queryFn: async ({ signal }): Promise<AdminAccount> => {
        for (const [, list] of queryClient.getQueriesData<NormalizedList<AdminAccount>>({ queryKey: adminQueries.lists() })) {
          const found = list?.items.find((a) => a.id === adminId);
          if (found) return found;
        }
        for (let page = 1; page <= MAX_PAGES_SCANNED; page++) {
          const list = await fetchAdminsPage({ page, pageSize: 100 }, signal);
          const found = list.items.find((a) => a.id === adminId);
          if (found) return found;
          if (list.pages !== null && page >= list.pages) break;
        }
        throw new ApiError(404, 'Admin not found');
      },
    }),
};
