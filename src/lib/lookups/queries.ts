/**
 * Shared name lookups for users, partners and tenants: one record by id (to show a name where the
 * API only gives an id) and a server-side search (for pickers). Features may not import each other,
 * so these live in lib and every screen reuses the same keys: a name fetched once is cached for
 * the whole app, and react-query dedupes requests for the same id made at the same time. The ids
 * asked for in the same tick go out as one `?ids=` request per kind (batch.ts), so a page of rows
 * costs one request per kind, not one per id.
 *
 * Keys: ['lookups', 'users' | 'partners' | 'tenants', 'detail', id] and
 * ['lookups', <kind>, 'search', { search }]. A mutation that renames one of these records can
 * invalidate `lookupKeys.all()` (or `<kind>Lookups.all()`).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { normalizeList } from '@/lib/api/normalize';
import { createBatcher, MAX_IDS } from './batch';

export type UserRecord = components['schemas']['User'];
export type PartnerRecord = components['schemas']['Partner'];
export type TenantRecord = components['schemas']['Tenant'];

/** Names change rarely: keep them fresh for 5 minutes, in memory for 30. */
const NAME_STALE_MS = 5 * 60_000;
const NAME_GC_MS = 30 * 60_000;
/** How many matches a picker shows at a time. */
export const SEARCH_PAGE_SIZE = 20;

export const lookupKeys = {
  all: () => ['lookups'] as const,
};

/**
 * A lookup must never take the page down: a missing record (404) is an answer ("unknown user"),
 * and other failures show as a fallback name where the name would be.
 */
const quietly = { throwOnError: false } as const;

interface Fetchers<T> {
  one: (id: string, signal: AbortSignal) => Promise<T>;
  /**
   * One page of matches; `search` is omitted when empty (the first page, in the server's order);
   * `ids`: only these records (comma-separated).
   */
  page: (query: { per_page: number; search?: string; ids?: string }, signal?: AbortSignal) => Promise<unknown>;
}

/** detail(id) and search(term) for one kind of record, under ['lookups', kind]. */
function lookupFactory<T extends { id: string }>(kind: string, resourceName: string, notFound: string, fetchers: Fetchers<T>) {
  const all = () => [...lookupKeys.all(), kind] as const;
  const batcher = createBatcher<T>({
    one: fetchers.one,
    many: (ids) => fetchers.page({ per_page: MAX_IDS, ids: ids.join(',') }),
    resourceName,
    notFound,
  });
  return {
    all,
    detail: (id: string) =>
      queryOptions({
        queryKey: [...all(), 'detail', id] as const,
        // The signal is read only if this id ends up fetched on its own (a batch is shared).
        queryFn: (context) => batcher.load(context.client, id, () => context.signal),
        staleTime: NAME_STALE_MS,
        gcTime: NAME_GC_MS,
        ...quietly,
      }),
    search: (search: string) => {
      const term = search.trim();
      return queryOptions({
        queryKey: [...all(), 'search', { search: term }] as const,
        queryFn: async ({ signal }): Promise<T[]> => {
          const body = await fetchers.page({ per_page: SEARCH_PAGE_SIZE, ...(term ? { search: term } : {}) }, signal);
          return normalizeList<T>(body, resourceName).items;
        },
        staleTime: NAME_STALE_MS,
        ...quietly,
      });
    },
  };
}

/** The query factories of one kind of record: `all()`, `detail(id)`, `search(term)`. */
export type Lookup<T extends { id: string }> = ReturnType<typeof lookupFactory<T>>;

export const userLookups = lookupFactory<UserRecord>('users', 'users', 'User not found', {
  one: async (userId, signal) =>
    unwrap(await apiClient().GET('/api/v1/admin/users/{user_id}', { params: { path: { user_id: userId } }, signal })),
  page: async (query, signal) => unwrap(await apiClient().GET('/api/v1/admin/users/', { params: { query }, signal })),
});

export const partnerLookups = lookupFactory<PartnerRecord>('partners', 'partners', 'Partner not found', {
  one: async (partnerId, signal) =>
    unwrap(await apiClient().GET('/api/v1/admin/partners/{partner_id}', { params: { path: { partner_id: partnerId } }, signal })),
  page: async (query, signal) => unwrap(await apiClient().GET('/api/v1/admin/partners/', { params: { query }, signal })),
});

export const tenantLookups = lookupFactory<TenantRecord>('tenants', 'tenants', 'Tenant not found', {
  one: async (tenantId, signal) =>
    unwrap(await apiClient().GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } }, signal })),
  page: async (query, signal) => unwrap(await apiClient().GET('/api/v1/admin/tenants/', { params: { query }, signal })),
});

/** A user's name as people read it: display name, else first + last, else the email. */
export function userDisplayName(user: Pick<UserRecord, 'display_name' | 'first_name' | 'last_name' | 'email'>): string {
  const display = user.display_name?.trim();
  if (display) return display;
  const full = [user.first_name, user.last_name].filter((part) => part && part.trim()).join(' ').trim();
  return full || user.email;
}

/**
 * Puts records the app already holds (e.g. a page of search results) into the detail cache, so
 * showing the chosen one's name later costs no request. Entries already cached are left alone.
 *
 *   primeLookups(queryClient, userLookups.detail, users)
 */
export function primeLookups<T extends { id: string }>(
  queryClient: QueryClient,
  detail: (id: string) => { queryKey: readonly unknown[] },
  records: readonly T[],
): void {
  for (const record of records) {
    const key = detail(record.id).queryKey;
    if (queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, record);
  }
}

/**
 * The ScaiKey user with this email (case-insensitive, exact), or null: how an admin account (whose
 * API gives no user id) is matched to its user. Asked only when someone opens that account or
 * acts on it, never once per list row. Several tenants may hold the same email: the oldest wins,
 * as the sign-in page decides.
 */
export const userByEmail = (email: string) =>
  queryOptions({
    queryKey: [...userLookups.all(), 'email', email.trim().toLowerCase()] as const,
    queryFn: async ({ signal }): Promise<UserRecord | null> => {
      const wanted = email.trim().toLowerCase();
      const body = unwrap(await apiClient().GET('/api/v1/admin/users/', { params: { query: { search: wanted, per_page: 100 } }, signal }));
      const matches = normalizeList<UserRecord>(body, 'users').items.filter((u) => u.email.toLowerCase() === wanted);
      matches.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
      return matches[0] ?? null;
    },
    staleTime: NAME_STALE_MS,
    ...quietly,
  });
