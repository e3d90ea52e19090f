import { useQuery } from '@tanstack/react-query';
import { partnerLookups } from '@/lib/lookups/queries';

/**
 * A partner's name from the shared lookup cache (one request per partner, shared by every row and
 * screen). Falls back to the id when the partner cannot be read; "No partner" for null.
 */
export function usePartnerName(partnerId: string | null): string {
  const { data, isPending, isError } = useQuery({ ...partnerLookups.detail(partnerId ?? ''), enabled: !!partnerId });
  if (!partnerId) return 'No partner';
  if (data) return data.name;
  if (isPending && !isError) return 'Loading…';
  return `Unknown partner (${partnerId})`;
}

export function PartnerName({ partnerId }: { partnerId: string | null }) {
  return <>{usePartnerName(partnerId)}</>;
}
