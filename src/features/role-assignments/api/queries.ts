import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { outsideExpiryWindow } from '@/lib/api/ignored-filters';
import { normalizeList, type NormalizedList } from '@/lib/api/normalize';
import { EXPIRY_FILTERS, expiryQuery, type ExpiryFilter, type ExpiryQuery, type ListFilters } from '../list-filters';

export type RoleAssignment = components['schemas']['AdminRoleAssignment'];
export type AdminRole = components['schemas']['AdminRole'];

/** A page of the list; `expiryIgnored`: the server did not apply the expiry filter asked for. */
export type AssignmentPage = NormalizedList<RoleAssignment> & { expiryIgnored: boolean };

export interface ExpiryCounts {
  supported: boolean;
  counts: Record<ExpiryFilter, number>;
}

function ignoredExpiry(rows: readonly RoleAssignment[], expiry: ExpiryQuery): boolean {
  return outsideExpiryWindow(rows, (r) => r.expires_at, { after: expiry.expires_after, before: expiry.expires_before });
}

/**
 * One page of the assignments matching the list's filters (role, user, status or quick filter);
 * the expiry window is computed at `now`. Shared by the list and what pages through all of it
 * (Select all matching, Download CSV).
 */
export async function fetchAssignmentPage(
  filters: ListFilters,
  page: number,
  perPage: number,
  { signal, now = Date.now() }: { signal?: AbortSignal; now?: number } = {},
): Promise<AssignmentPage> {
  const expiry = expiryQuery(filters, now);
  const body = unwrap(
    await apiClient().GET('/api/v1/admin/admin-roles/', {
      params: {
        query: {
          page,
          per_page: perPage,
          ...(filters.role ? { role: filters.role } : {}),
          ...(filters.user ? { user_id: filters.user } : {}),
          ...expiry,
        },
      },
      signal,
    }),
  );
  const list = normalizeList<RoleAssignment>(body, 'admin_roles', { page, perPage });
  return { ...list, expiryIgnored: ignoredExpiry(list.items, expiry) };
}

/** One assignment as the server holds it now (`GET /admin-roles/{id}`). */
export async function fetchAssignment(assignmentId: string, signal?: AbortSignal): Promise<RoleAssignment> {
  return unwrap(await apiClient().GET('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: assignmentId } }, signal }));
}

export const roleAssignmentQueries = {
  all: () => ['role-assignments'] as const,
  lists: () => [...roleAssignmentQueries.all(), 'list'] as const,
  /**
   * One page of the list; the parsed URL filters are the key. The expiry window is computed at
   * request time from its token, so the key does not change every render; a server that ignored
   * the window is caught here (`expiryIgnored`), and its rows are not to be shown.
   */
  list: (filters: ListFilters) =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.lists(), filters] as const,
      queryFn: ({ signal }): Promise<AssignmentPage> => fetchAssignmentPage(filters, filters.page, filters.per_page, { signal }),
      // The previous page stays on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  /**
   * How many assignments each quick filter matches (one `per_page=1` request each), shared by the
   * quick filter and the navigation. `supported` false: the server ignores the expiry filters
   * (a row outside its window, or the same first row for "within 7 days" and "expired", which
   * cannot both hold it).
   */
  expiryCounts: () =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.all(), 'expiry-counts'] as const,
      queryFn: async ({ signal }): Promise<ExpiryCounts> => {
        const now = Date.now();
        const probes = await Promise.all(
          EXPIRY_FILTERS.map(async (expiring) => {
            const expiry = expiryQuery({ expiring, status: undefined }, now);
            const body = unwrap(
              await apiClient().GET('/api/v1/admin/admin-roles/', { params: { query: { page: 1, per_page: 1, ...expiry } }, signal }),
            );
            const list = normalizeList<RoleAssignment>(body, 'admin_roles', { page: 1, perPage: 1 });
            return { expiring, total: list.total, first: list.items[0]?.id, ignored: ignoredExpiry(list.items, expiry) };
          }),
        );
        const [week, , expired] = probes;
        const sameFirst = week?.first !== undefined && week.first === expired?.first;
        const counts = Object.fromEntries(probes.map((p) => [p.expiring, p.total])) as Record<ExpiryFilter, number>;
        return { supported: !sameFirst && probes.every((p) => !p.ignored), counts };
      },
      staleTime: 60_000,
    }),
  details: () => [...roleAssignmentQueries.all(), 'detail'] as const,
  detail: (assignmentId: string) =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.details(), assignmentId] as const,
      queryFn: ({ signal }) => fetchAssignment(assignmentId, signal),
    }),
  /** Every assignment of one user (a bare array on the wire; any list envelope is accepted). */
  ofUser: (userId: string) =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.all(), 'user', userId] as const,
      queryFn: async ({ signal }): Promise<RoleAssignment[]> => {
        const body = unwrap(
          await apiClient().GET('/api/v1/admin/admin-roles/user/{user_id}', { params: { path: { user_id: userId } }, signal }),
        );
        return normalizeList<RoleAssignment>(body, 'admin_roles').items;
      },
    }),
  /**
   * The Super Admin assignments marked active (the first 100: more than that and the platform is
   * in no danger of losing its last one), so a screen can tell the last Super Admin in force
   * before offering to revoke it. Filtered by the stored flag; whether each is in force (expiry)
   * is decided by the caller.
   */
  superAdmins: () =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.all(), 'super-admins'] as const,
      queryFn: async ({ signal }): Promise<NormalizedList<RoleAssignment>> => {
        const body = unwrap(
          await apiClient().GET('/api/v1/admin/admin-roles/', {
            params: { query: { role: 'SUPER_ADMIN', is_active: true, per_page: 100 } },
            signal,
          }),
        );
        return normalizeList<RoleAssignment>(body, 'admin_roles', { page: 1, perPage: 100 });
      },
    }),
};
