/**
 * The first requests of the role assignment screens, started before the screens render (see
 * src/app/screens.ts): the same query keys their components use, so nothing is fetched twice, and
 * the names behind a page's ids requested the moment the page arrives. A failed request stays in the
 * cache for the screen to show (with Retry) when it renders.
 */
import type { QueryClient } from '@tanstack/react-query';
import { parseSearchParams } from '@/lib/search-params';
import { partnerLookups, tenantLookups, userLookups } from '@/lib/lookups/queries';
import { listFiltersSchema } from '../list-filters';
import { collectReferencedIds, type NameOptions } from './names';
import { roleAssignmentQueries, type RoleAssignment } from './queries';

/**
 * Requests every user, partner and tenant the assignments name (what useAssignmentNames reads):
 * asked for in one tick, so one request per kind.
 */
export function prefetchAssignmentNames(
  queryClient: QueryClient,
  assignments: readonly RoleAssignment[],
  options: NameOptions = {},
): void {
  const ids = collectReferencedIds(assignments, options);
  for (const id of ids.users) void queryClient.prefetchQuery(userLookups.detail(id));
  for (const id of ids.partners) void queryClient.prefetchQuery(partnerLookups.detail(id));
  for (const id of ids.tenants) void queryClient.prefetchQuery(tenantLookups.detail(id));
}

export async function prefetchRoleAssignmentsList(queryClient: QueryClient, searchParams: URLSearchParams): Promise<void> {
  const filters = parseSearchParams(listFiltersSchema, searchParams);
  // The user filter's picker shows the chosen user's name.
  if (filters.user) void queryClient.prefetchQuery(userLookups.detail(filters.user));
  // The quick filter's counts (the navigation's too) are not asked for here: they wait for the rows
  // and their names (hooks/use-after-first-data.ts).
  const page = await queryClient.fetchQuery(roleAssignmentQueries.list(filters)).catch(() => undefined);
  if (page) prefetchAssignmentNames(queryClient, page.items);
}

export async function prefetchRoleAssignment(queryClient: QueryClient, assignmentId: string): Promise<void> {
  const assignment = await queryClient.fetchQuery(roleAssignmentQueries.detail(assignmentId)).catch(() => undefined);
  if (assignment) prefetchAssignmentNames(queryClient, [assignment], { includeGrantedBy: true });
}

export async function prefetchUserRoles(queryClient: QueryClient, userId: string): Promise<void> {
  void queryClient.prefetchQuery(userLookups.detail(userId));
  const assignments = await queryClient.fetchQuery(roleAssignmentQueries.ofUser(userId)).catch(() => undefined);
  if (assignments) prefetchAssignmentNames(queryClient, assignments);
}
