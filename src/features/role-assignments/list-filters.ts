import * as z from 'zod/mini';
import { pageField, pageSizeField } from '@/components/data-list/page-params';
import type { components } from '@/lib/api/schema';
import { ROLES } from './schemas';

type AdminRole = components['schemas']['AdminRole'];

/**
 * The status filter says what it means: in force (active and not expired), inactive (the stored
 * flag), expired (the expiry has passed, whatever the flag says).
 */
export const STATUS_FILTERS = ['in_force', 'inactive', 'expired'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  in_force: 'In force',
  inactive: 'Inactive',
  expired: 'Expired',
};

/** The quick filter by expiry: expiring within 7 or 30 days (and in force), or already expired. */
export const EXPIRY_FILTERS = ['7d', '30d', 'expired'] as const;
export type ExpiryFilter = (typeof EXPIRY_FILTERS)[number];
export const EXPIRY_FILTER_LABELS: Record<ExpiryFilter, string> = {
  '7d': 'Expiring within 7 days',
  '30d': 'Within 30 days',
  expired: 'Expired',
};

const DAY_MS = 86_400_000;
const EXPIRY_DAYS: Record<Exclude<ExpiryFilter, 'expired'>, number> = { '7d': 7, '30d': 30 };

/**
 * The view in the URL (`?role=TENANT_ADMIN&status=in_force&expiring=7d&user=usr_...&page=2`).
 * Each key falls back to its default on a bad value, so a mangled link still opens. The old
 * `status=active` (the stored flag, expired included) opens as In force, what it was meant for.
 */
export const listFiltersSchema = z.object({
  page: pageField(),
  per_page: pageSizeField(),
  role: z.catch(z.optional(z.enum(ROLES as [AdminRole, ...AdminRole[]])), undefined),
  status: z.catch(
    z.optional(z.pipe(z.enum([...STATUS_FILTERS, 'active']), z.transform((s): StatusFilter => (s === 'active' ? 'in_force' : s)))),
    undefined,
  ),
  expiring: z.catch(z.optional(z.enum(EXPIRY_FILTERS)), undefined),
  user: z.catch(z.optional(z.string().check(z.regex(/^[\w-]+$/))), undefined),
});

export type ListFilters = z.output<typeof listFiltersSchema>;

/** Every filter unset (page and page size kept by the caller). */
export const NO_FILTERS = { role: undefined, status: undefined, expiring: undefined, user: undefined } satisfies Partial<ListFilters>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof typeof NO_FILTERS)[]).some((key) => filters[key] !== undefined);
}

/** What the API is asked: the stored flag and an expiry window (ISO instants). */
export interface ExpiryQuery {
  is_active?: boolean;
  expires_after?: string;
  expires_before?: string;
}

/**
 * The status or quick filter as query parameters at `now` (epoch ms), computed when the request is
 * made so that the query key holds only the tokens. They are alternatives: a quick filter sets
 * its own status (in force, or expired), so with both in a URL the quick filter wins.
 */
export function expiryQuery(filters: Pick<ListFilters, 'status' | 'expiring'>, now: number): ExpiryQuery {
  const nowIso = new Date(now).toISOString();
  if (filters.expiring === 'expired' || (!filters.expiring && filters.status === 'expired')) return { expires_before: nowIso };
  if (filters.expiring) {
    return { is_active: true, expires_after: nowIso, expires_before: new Date(now + EXPIRY_DAYS[filters.expiring] * DAY_MS).toISOString() };
  }
  if (filters.status === 'in_force') return { is_active: true, expires_after: nowIso };
  if (filters.status === 'inactive') return { is_active: false };
  return {};
}

