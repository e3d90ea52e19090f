/**
 * The first requests of the tenant screens, started before the screens render (see
 * src/app/screens.ts), with the same query keys their components use.
 */
import type { QueryClient } from '@tanstack/react-query';
import { parseSearchParams } from '@/lib/search-params';
import { partnerLookups, primeLookups } from '@/lib/lookups/queries';
import { tenantListSearchSchema } from '../schemas';
import { tenantQueries } from './queries';

function prefetchPartner(queryClient: QueryClient, partnerId: string | null | undefined): void {
  if (partnerId) void queryClient.prefetchQuery(partnerLookups.detail(partnerId));
}

/**
 * Partners are few (a platform's resellers): the first page of them, asked beside the tenants
 * (it is also the Partner filter's first answer), usually names every partner a page of tenants
 * shows, with no look-up waiting for the tenants to arrive first. Partners not on it are looked up
 * by id as before.
 */
function prefetchPartnerDirectory(queryClient: QueryClient): Promise<void> {
  return queryClient
    .fetchQuery(partnerLookups.search(''))
    .then((partners) => primeLookups(queryClient, partnerLookups.detail, partners))
    .catch(() => undefined);
}

export async function prefetchTenantsList(queryClient: QueryClient, searchParams: URLSearchParams): Promise<void> {
  const filters = parseSearchParams(tenantListSearchSchema, searchParams);
  const directory = prefetchPartnerDirectory(queryClient);
  const [page] = await Promise.all([queryClient.fetchQuery(tenantQueries.list(filters)).catch(() => undefined), directory]);
  // The partner filter's picker shows the chosen partner's name; each partner of the page, once.
  for (const partnerId of new Set([filters.partner_id, ...(page?.items.map((tenant) => tenant.partner_id) ?? [])])) prefetchPartner(queryClient, partnerId);
}

export async function prefetchTenant(queryClient: QueryClient, tenantId: string): Promise<void> {
  const tenant = await queryClient.fetchQuery(tenantQueries.detail(tenantId)).catch(() => undefined);
  prefetchPartner(queryClient, tenant?.partner_id);
}
