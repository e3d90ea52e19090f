/**
 * The first requests of the tenant screens, started before the screens render (see
 * src/app/screens.ts), with the same query keys their components use.
 */
import type { QueryClient } from '@tanstack/react-query';
import { parseSearchParams } from '@/lib/search-params';
import { partnerLookups } from '@/lib/lookups/queries';
import { tenantListSearchSchema } from '../schemas';
import { tenantQueries } from './queries';

function prefetchPartner(queryClient: QueryClient, partnerId: string | null | undefined): void {
  if (partnerId) void queryClient.prefetchQuery(partnerLookups.detail(partnerId));
}

export async function prefetchTenantsList(queryClient: QueryClient, searchParams: URLSearchParams): Promise<void> {
  const filters = parseSearchParams(tenantListSearchSchema, searchParams);
  // The partner filter's picker shows the chosen partner's name.
  prefetchPartner(queryClient, filters.partner_id);
  const page = await queryClient.fetchQuery(tenantQueries.list(filters)).catch(() => undefined);
  for (const partnerId of new Set(page?.items.map((tenant) => tenant.partner_id))) prefetchPartner(queryClient, partnerId);
}

export async function prefetchTenant(queryClient: QueryClient, tenantId: string): Promise<void> {
  const tenant = await queryClient.fetchQuery(tenantQueries.detail(tenantId)).catch(() => undefined);
  prefetchPartner(queryClient, tenant?.partner_id);
}
