/**
 * Reading tenants: one factory with hierarchical keys (['tenants'], ['tenants','list',filters],
 * ['tenants','detail',id]). The list asks the server for exactly one page: with 100,000 tenants
 * the console still holds only the rows on screen.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { normalizeList, type NormalizedList } from '@/lib/api/normalize';
import { securityQuery, type SecurityFilters } from '@/lib/api/tenant-security-filters';
import type { Tenant, TenantListSearch } from '../schemas';

/** One tenant, fresh from the server. */
export async function fetchTenant(tenantId: string, signal?: AbortSignal): Promise<Tenant> {
  return (await fetchTenantVersion(tenantId, signal)).tenant;
}

/**
 * One tenant with its ETag (the extension of scaikey-api.md), read just before a save: the save
 * then sends it as If-Match, so nobody's edit can slip in between. Null where a server sends no
 * ETag (ScaiKey may not): the save then relies on the read-before-save check alone.
 */
export async function fetchTenantVersion(tenantId: string, signal?: AbortSignal): Promise<{ tenant: Tenant; etag: string | null }> {
  const result = await apiClient().GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } }, signal });
  return { tenant: unwrap(result), etag: result.response.headers.get('ETag') };
}

/** The filters of one page of the tenants list: the list's own, or an export's. */
export type TenantPageFilters = Pick<TenantListSearch, 'search' | 'status' | 'partner_id' | 'page' | 'per_page'> & SecurityFilters;

/** One page of the tenants matching `filters` (`GET /tenants/`), normalised; the list and the CSV export read it. */
export async function fetchTenantPage(filters: TenantPageFilters, signal?: AbortSignal): Promise<NormalizedList<Tenant>> {
  const body = unwrap(
    await apiClient().GET('/api/v1/admin/tenants/', {
      params: {
        query: {
          page: filters.page,
          per_page: filters.per_page,
          ...(filters.search ? { search: filters.search } : {}),
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.partner_id ? { partner_id: filters.partner_id } : {}),
          ...securityQuery(filters),
        },
      },
      signal,
    }),
  );
  return normalizeList<Tenant>(body, 'tenants', { page: filters.page, perPage: filters.per_page });
}

export const tenantQueries = {
  all: () => ['tenants'] as const,
  lists: () => [...tenantQueries.all(), 'list'] as const,
  list: (filters: TenantListSearch) =>
    queryOptions({
      queryKey: [...tenantQueries.lists(), filters] as const,
      queryFn: ({ signal }) => fetchTenantPage(filters, signal),
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
