/**
 * What the role assignments list's bulk actions and export need (issue 17): every page of the
 * list's filters, and one write per row for the bulk runner. The runner calls these once per
 * selected row (at most 4 at a time) and the lists are refreshed once, when a run ends
 * (useRefreshAssignments), not after every row.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userLookups } from '@/lib/lookups/queries';
import type { ListFilters } from '../list-filters';
import { fetchAssignmentPage, roleAssignmentQueries, type AssignmentPage, type RoleAssignment } from './queries';

/** Said when the server answered rows outside the expiry window asked for. */
export const EXPIRY_FILTER_IGNORED = 'The server ignored the expiry filter: choose another status, or clear the filters.';

/**
 * A page fetcher over every page of the list's filters (Select all matching, Download CSV): the
 * expiry window is fixed when page 1 is asked for, so the pages agree with each other. A page the
 * server did not filter fails rather than mixing other rows in.
 */
export function assignmentPages(filters: ListFilters, clock: () => number = Date.now) {
  let now = clock();
  return async (page: number, perPage: number, signal: AbortSignal): Promise<AssignmentPage> => {
    if (page === 1) now = clock();
    const answer = await fetchAssignmentPage(filters, page, perPage, { signal, now });
    if (answer.expiryIgnored) throw new Error(EXPIRY_FILTER_IGNORED);
    return answer;
  };
}

type UpdateBody = components['schemas']['AdminRoleAssignmentUpdate'];

/** One assignment's PATCH (is_active, expires_at), its answer put into the detail cache. */
export function useUpdateAssignment() {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string, body: UpdateBody): Promise<RoleAssignment> => {
      const updated = unwrap(await apiClient().PATCH('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: id } }, body }));
      queryClient.setQueryData(roleAssignmentQueries.detail(updated.id).queryKey, updated);
      return updated;
    },
    [queryClient],
  );
}

/** One revoke (DELETE), with the API's orphan cleanup or without. */
export async function revokeAssignment(id: string, cleanupOrphanedUser: boolean): Promise<void> {
  unwrap(
    await apiClient().DELETE('/api/v1/admin/admin-roles/{role_id}', {
      params: { path: { role_id: id }, query: { cleanup_orphaned_user: cleanupOrphanedUser } },
    }),
  );
}

/**
 * Refreshes every assignment list, detail, per-user list and count (the navigation's expiring
 * count too) after a bulk run; `userIds`: users whose records may be gone (an orphan cleanup).
 */
export function useRefreshAssignments() {
  const queryClient = useQueryClient();
  return useCallback(
    (userIds: readonly string[] = []) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: roleAssignmentQueries.all() }),
        ...userIds.map((id) => queryClient.invalidateQueries({ queryKey: userLookups.detail(id).queryKey })),
      ]).then(() => undefined),
    [queryClient],
  );
}
