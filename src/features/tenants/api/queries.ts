/**
 * Reading tenants: one factory with hierarchical keys (['tenants'], ['tenants','list',filters],
 * ['tenants','detail',id]). The list asks the server for exactly one page: with 100,000 tenants
 * the console still holds only the rows on screen.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { normalizeList } from '@/lib/api/normalize';
import type { Tenant, TenantListSearch } from '../schemas';

/** One tenant, fresh from the server (also used just before a save, to spot someone else's edit). */
export async function fetchTenant(tenantId: string, signal?: AbortSignal): Promise<Tenant> {
  return unwrap(await apiClient().GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } }, signal }));
}

export const tenantQueries = {
  all: () => ['tenants'] as const,
  lists: () => [...tenantQueries.all(), 'list'] as const,
  list: (filters: TenantListSearch) =>
    queryOptions({
      queryKey: [...tenantQueries.lists(), filters] as const,
      queryFn: async ({ signal }) => {
        const body = unwrap(
          await apiClient().GET('/api/v1/admin/tenants/', {
            params: {
              query: {
                page: filters.page,
                per_page: filters.per_page,
                ...(filters.search ? { search: filters.search } : {}),
                ...(filters.status ? { status: filters.status } : {}),
                ...(filters.partner_id ? { partner_id: filters.partner_id } : {}),
              },
            },
            signal,
          }),
        );
        return normalizeList<Tenant>(body, 'tenants', { page: filters.page, perPage: filters.per_page });
      },
      // The previous page stays on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  details: () => [...tenantQueries.all(), 'detail'] as const,
  detail: (tenantId: string) =>
    queryOptions({
      queryKey: [...tenantQueries.details(), tenantId] as const,
      queryFn: ({ signal }) => fetchTenant(tenantId, signal),
    }),
};
