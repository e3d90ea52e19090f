/**
 * What applying a security policy to many tenants needs from the API (issue 18): the tenants a
 * filter matches, 100 a page (for "Select all matching" on the list, and for the overview's
 * "apply to the tenants that fall short"), and the read and write of one tenant for the run
 * (apply-policy.ts decides what to write). Each write's answer goes into the detail cache; the
 * lists are refreshed once, when the run ends.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { SECURITY_FILTER_NAMES } from '@/lib/api/tenant-security-filters';
import { ignoredSecurityFilters } from '@/lib/api/tenant-security-match';
import { SELECT_ALL_MAX } from '@/components/data-list/select-all-matching';
import type { ApplyIo } from '../apply-policy';
import { tenantListSearchSchema, type Tenant, type TenantListSearch } from '../schemas';
import { fetchTenantVersion, tenantQueries } from './queries';

/**
 * Which tenants: the list's filters as its URL holds them (search, status, partner, the security
 * filters), without the page. `{ mfa_required: 'false' }` is every tenant that does not require MFA.
 */
export type TenantFilter = Partial<Omit<TenantListSearch, 'page' | 'per_page'>>;

/**
 * One page of the tenants matching `filter` (1-based), through the list's own query (same key, same
 * request). A page the server did not filter (it ignored a security filter, an extension) fails
 * rather than passing other tenants on: applying a policy to them would be wrong.
 */
export function tenantPages(filter: TenantFilter, queryClient: QueryClient) {
  const base = tenantListSearchSchema.parse({});
  return async (page: number, perPage: number, signal?: AbortSignal): Promise<{ items: Tenant[]; total: number | null }> => {
    const filters = { ...base, ...filter, page, per_page: perPage };
    const answer = await queryClient.fetchQuery(tenantQueries.list(filters));
    signal?.throwIfAborted();
    const ignored = ignoredSecurityFilters(answer.items, filters);
    if (ignored.length > 0) {
      throw new Error(`Filtering tenants by ${ignored.map((key) => SECURITY_FILTER_NAMES[key]).join(', ')} is not available on this server.`);
    }
    return { items: answer.items, total: answer.total };
  };
}

/** Said when a filter matches more tenants than one run takes. */
export const tooManyText = (total: number, max = SELECT_ALL_MAX) =>
  `${total.toLocaleString('en-US')} tenants match; at most ${max.toLocaleString('en-US')} can be changed at once: narrow them down first.`;

/**
 * Every tenant `filter` matches, up to `max`: more fails with tooManyText rather than doing part
 * of them silently. `onProgress` hears how many are in so far.
 */
export async function matchingTenants(
  filter: TenantFilter,
  queryClient: QueryClient,
  { max = SELECT_ALL_MAX, signal, onProgress }: { max?: number; signal?: AbortSignal; onProgress?: (fetched: number, total: number | null) => void } = {},
): Promise<Tenant[]> {
  const fetchPage = tenantPages(filter, queryClient);
  const perPage = 100;
  const rows: Tenant[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await fetchPage(page, perPage, signal);
    if (total !== null && total > max) throw new Error(tooManyText(total, max));
    rows.push(...items);
    onProgress?.(rows.length, total);
    if (rows.length > max) throw new Error(tooManyText(rows.length, max));
    if (items.length === 0 || (total !== null ? rows.length >= total : items.length < perPage)) return rows;
  }
}

/** The run's reads and writes: GET with its ETag, PATCH of the whole settings with If-Match. */
export function useApplyPolicyIo(): ApplyIo {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      read: async (tenantId) => {
        const { tenant, etag } = await fetchTenantVersion(tenantId);
        return { settings: tenant.settings, etag };
      },
      write: async (tenantId, settings, etag) => {
        const tenant = unwrap(
          await apiClient().PATCH('/api/v1/admin/tenants/{tenant_id}', {
            params: { path: { tenant_id: tenantId }, ...(etag ? { header: { 'If-Match': etag } } : {}) },
            body: { settings },
          }),
        );
        queryClient.setQueryData(tenantQueries.detail(tenant.id).queryKey, tenant);
        return tenant;
      },
    }),
    [queryClient],
  );
}
