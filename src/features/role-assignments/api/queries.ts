import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { normalizeList, type NormalizedList } from '@/lib/api/normalize';
import type { ListFilters } from '../list-filters';

export type RoleAssignment = components['schemas']['AdminRoleAssignment'];
export type AdminRole = components['schemas']['AdminRole'];

export const roleAssignmentQueries = {
  all: () => ['role-assignments'] as const,
  lists: () => [...roleAssignmentQueries.all(), 'list'] as const,
  /** One page of the list; the parsed URL filters are the key. */
  list: (filters: ListFilters) =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.lists(), filters] as const,
      queryFn: async ({ signal }): Promise<NormalizedList<RoleAssignment>> => {
        const body = unwrap(
          await apiClient().GET('/api/v1/admin/admin-roles/', {
            params: {
              query: {
                page: filters.page,
                per_page: filters.per_page,
                ...(filters.role ? { role: filters.role } : {}),
                ...(filters.user ? { user_id: filters.user } : {}),
                ...(filters.status ? { is_active: filters.status === 'active' } : {}),
              },
            },
            signal,
          }),
        );
        return normalizeList<RoleAssignment>(body, 'admin_roles', { page: filters.page, perPage: filters.per_page });
      },
      // The previous page stays on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  details: () => [...roleAssignmentQueries.all(), 'detail'] as const,
  detail: (assignmentId: string) =>
    queryOptions({
      queryKey: [...roleAssignmentQueries.details(), assignmentId] as const,
      queryFn: async ({ signal }): Promise<RoleAssignment> =>
        unwrap(
          await apiClient().GET('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: assignmentId } }, signal }),
        ),
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
