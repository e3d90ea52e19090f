import { partnerLookups } from '@/lib/lookups/queries';
import { resolvedName, useResolved } from '@/lib/lookups/resolve';

/**
 * A partner's name from the shared lookup cache (shared by every row and screen; the partners of
 * one page are fetched in one request), through the same resolution as every other name: "No
 * partner" for null.
 */
export function usePartnerName(partnerId: string | null): string {
  const resolved = useResolved(partnerLookups, partnerId);
  if (!partnerId) return 'No partner';
  return resolvedName(resolved, (partner) => partner.name, partnerId, 'partner');
}

export function PartnerName({ partnerId }: { partnerId: string | null }) {
  return <>{usePartnerName(partnerId)}</>;
}
