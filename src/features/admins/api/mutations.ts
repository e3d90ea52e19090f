/**
 * Creating and deleting admin accounts. Create answers 204 with no id; delete is permanent. Both
 * refresh every admin list (and the user pickers, which list the account's ScaiKey user).
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userLookups } from '@/lib/lookups/queries';
import { adminQueries } from './queries';

export type CreateAdminBody = components['schemas']['AdminAccountCreate'];

function refreshAdmins(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: adminQueries.lists() }),
    // The palette's copy of every account: a new one is found, a deleted one no longer offered.
    queryClient.invalidateQueries({ queryKey: adminQueries.every().queryKey }),
    queryClient.invalidateQueries({ queryKey: userLookups.all() }),
  ]);
}

export function useCreateAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAdminBody): Promise<void> => {
      unwrap(await apiClient().POST('/api/admins', { body }));
    },
    onSuccess: () => refreshAdmins(queryClient),
    meta: { errorShownInline: true },
  });
}

export function useDeleteAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (adminId: string): Promise<void> => {
      unwrap(await apiClient().DELETE('/api/admins/{adminId}', { params: { path: { adminId } } }));
    },
    onSettled: (_data, _error, adminId) => {
      // A 404 means someone else deleted it first: the lists are stale either way.
      queryClient.removeQueries({ queryKey: [...adminQueries.details(), adminId] });
      return refreshAdmins(queryClient);
    },
    meta: { errorShownInline: true },
  });
}
