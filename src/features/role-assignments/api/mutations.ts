import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { components } from '@/lib/api/schema';
import type { NormalizedList } from '@/lib/api/normalize';
import { userLookups } from '@/lib/lookups/queries';
import { notify } from '@/lib/notifications';
import { exactTime } from '@/utils/dates';
import { extensionFor, isExpired, type ExtendChoice } from '../extend';
import { roleAssignmentQueries, type RoleAssignment } from './queries';

type CreateBody = components['schemas']['AdminRoleAssignmentCreate'];

/** Refetches every list, per-user list and detail; resolves once fresh data is in. */
function refreshAssignments(queryClient: QueryClient, except?: string): Promise<void> {
  const skip = except ? roleAssignmentQueries.detail(except).queryKey : undefined;
  return queryClient.invalidateQueries({
    queryKey: roleAssignmentQueries.all(),
    predicate: (query) => !skip || JSON.stringify(query.queryKey) !== JSON.stringify(skip),
  });
}

export function useAssignRole() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInline: true },
    mutationFn: async (body: CreateBody): Promise<RoleAssignment> =>
      unwrap(await apiClient().POST('/api/v1/admin/admin-roles/', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(roleAssignmentQueries.detail(created.id).queryKey, created);
      return refreshAssignments(queryClient, created.id);
    },
  });
}

async function patchAssignment(
  id: string,
  body: components['schemas']['AdminRoleAssignmentUpdate'],
): Promise<RoleAssignment> {
  return unwrap(await apiClient().PATCH('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: id } }, body }));
}

type Cached = NormalizedList<RoleAssignment> | RoleAssignment[] | RoleAssignment | undefined;

/** Applies `change` to the assignment wherever it is cached: its detail, any list page, any user's list. */
function patchEverywhere(cached: Cached, id: string, change: Partial<RoleAssignment>): Cached {
  if (!cached) return cached;
  const apply = (a: RoleAssignment) => (a.id === id ? { ...a, ...change } : a);
  if (Array.isArray(cached)) return cached.map(apply);
  if ('items' in cached) return { ...cached, items: cached.items.map(apply) };
  return apply(cached);
}

/**
 * Activates or deactivates at once: the screen shows the new state before the server answers, and
 * goes back (with a message saying why) if the server refuses.
 */
export function useSetAssignmentActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => patchAssignment(id, { is_active: isActive }),
    onMutate: async ({ id, isActive }) => {
      await queryClient.cancelQueries({ queryKey: roleAssignmentQueries.all() });
      const snapshot: [QueryKey, Cached][] = queryClient.getQueriesData<Cached>({ queryKey: roleAssignmentQueries.all() });
      queryClient.setQueriesData<Cached>({ queryKey: roleAssignmentQueries.all() }, (cached) =>
        patchEverywhere(cached, id, { is_active: isActive }),
      );
      return { snapshot };
    },
    onError: (error, { isActive }, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      notify(`Could not ${isActive ? 'activate' : 'deactivate'} the assignment: ${error.message}`, 'error');
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(roleAssignmentQueries.detail(updated.id).queryKey, updated);
    },
    onSettled: () => refreshAssignments(queryClient),
  });
}

/** Sets, changes (an ISO instant) or clears (null) the expiry. Errors are the caller's to show. */
export function useSetAssignmentExpiry() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInline: true },
    mutationFn: ({ id, expiresAt }: { id: string; expiresAt: string | null }) => patchAssignment(id, { expires_at: expiresAt }),
    onSuccess: (updated) => {
      queryClient.setQueryData(roleAssignmentQueries.detail(updated.id).queryKey, updated);
      return refreshAssignments(queryClient, updated.id);
    },
  });
}

export interface ExtendVariables {
  assignment: Pick<RoleAssignment, 'id' | 'expires_at' | 'is_active'>;
  choice: ExtendChoice;
}

/** The message of a done extension: "Extended to 1 Dec 2026, 09:30 GMT+1." / "Renewed until ...". */
export function extendedMessage(updated: Pick<RoleAssignment, 'expires_at'>, renew: boolean): string {
  const until = updated.expires_at ? exactTime(updated.expires_at) : 'no expiry';
  return renew ? `Renewed until ${until}.` : `Extended to ${until}.`;
}

/**
 * Extends (+days on the current expiry, or to a date) or, once expired, renews (the days counted
 * from now, active again): one PATCH of expires_at and is_active, computed by `extensionFor` when
 * it is sent. Says what was done; a refusal is a snackbar with the server's reason unless
 * `notifyErrors: false` (a form that shows it at its field).
 */
export function useExtendAssignment({ notifyErrors = true }: { notifyErrors?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInline: true },
    mutationFn: async ({ assignment, choice }: ExtendVariables): Promise<{ updated: RoleAssignment; renew: boolean }> => {
      const extension = extensionFor(assignment, choice);
      if (!extension) throw new Error('This assignment has no expiry to extend');
      if ('error' in extension) throw new Error(extension.error);
      return { updated: await patchAssignment(assignment.id, extension.body), renew: extension.renew };
    },
    onError: (error, { assignment }) => {
      if (!notifyErrors) return;
      notify(`Could not ${isExpired(assignment) ? 'renew' : 'extend'} the assignment: ${error.message}`, 'error');
    },
    onSuccess: ({ updated, renew }) => {
      notify(extendedMessage(updated, renew), 'success');
      // The row shows its new date at once; the lists then refetch (its order or filter may change).
      queryClient.setQueriesData<Cached>({ queryKey: roleAssignmentQueries.all() }, (cached) => patchEverywhere(cached, updated.id, updated));
      queryClient.setQueryData(roleAssignmentQueries.detail(updated.id).queryKey, updated);
      return refreshAssignments(queryClient, updated.id);
    },
  });
}

export interface RevokeVariables {
  assignment: Pick<RoleAssignment, 'id' | 'user_id'>;
  /** Also soft-delete the user when they are left an orphaned admin-only account (the API's default). */
  cleanupOrphanedUser: boolean;
}

/** Revokes (soft-deletes) an assignment. Errors are shown inside the confirmation dialog. */
export function useRevokeRoleAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { errorShownInline: true },
    mutationFn: async ({ assignment, cleanupOrphanedUser }: RevokeVariables): Promise<void> => {
      const result = await apiClient().DELETE('/api/v1/admin/admin-roles/{role_id}', {
        params: { path: { role_id: assignment.id }, query: { cleanup_orphaned_user: cleanupOrphanedUser } },
      });
      unwrap(result);
    },
    onSuccess: (_data, { assignment }) => {
      // The user may be gone now; the detail of the revoked assignment is left alone (the page
      // showing it moves away rather than flashing "not found").
      void queryClient.invalidateQueries({ queryKey: userLookups.detail(assignment.user_id).queryKey });
      return refreshAssignments(queryClient, assignment.id);
    },
  });
}
