/**
 * Each count of the security summary as the tenants-list filters that select exactly its tenants
 * (the contract's TenantSecuritySummary says which): the link's rows are the count's tenants.
 * A band {min, max} (inclusive, null open) is `_gt=min-1` and `_lt=max+1`.
 */
import type { SecurityFilters } from '@/lib/api/tenant-security-filters';
import type { CountBand } from './api/queries';

export function minLengthBandFilters(band: CountBand): SecurityFilters {
  return {
    ...(band.min !== null ? { password_min_length_gt: band.min - 1 } : {}),
    ...(band.max !== null ? { password_min_length_lt: band.max + 1 } : {}),
  };
}

export function sessionTimeoutBandFilters(band: CountBand): SecurityFilters {
  return {
    ...(band.min !== null ? { session_timeout_gt: band.min - 1 } : {}),
    ...(band.max !== null ? { session_timeout_lt: band.max + 1 } : {}),
  };
}

/** "Up to 9", "10–11", "15 or more". */
export function bandLabel(band: CountBand, unit: string): string {
  if (band.min === null && band.max === null) return `Any ${unit}`;
  if (band.min === null) return `Up to ${band.max} ${unit}`;
  if (band.max === null) return `${band.min} ${unit} or more`;
  return band.min === band.max ? `${band.min} ${unit}` : `${band.min}–${band.max} ${unit}`;
}

