/**
 * Writing tenants. Every success puts the server's record into the detail cache, then invalidates
 * the lists and the shared tenant-name lookups, returning that promise so the caller's button
 * stays busy until fresh data is in. UI reactions (navigate, snackbar, reset) stay with the caller.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { tenantLookups } from '@/lib/lookups/queries';
import type { Tenant, TenantStatus } from '../schemas';
import { tenantQueries } from './queries';

type CreateBody = components['schemas']['TenantCreate'];
type UpdateBody = components['schemas']['TenantUpdate'];

export const tenantMutationKeys = {
  update: () => ['tenants', 'update'] as const,
};

function refreshAfterWrite(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: tenantQueries.lists() }),
    queryClient.invalidateQueries({ queryKey: tenantLookups.all() }),
  ]);
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateBody): Promise<Tenant> =>
      unwrap(await apiClient().POST('/api/v1/admin/tenants/', { body })),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantQueries.detail(tenant.id).queryKey, tenant);
      return refreshAfterWrite(queryClient);
    },
    meta: { errorShownInline: true },
  });
}

export interface UpdateTenantVariables {
  tenantId: string;
  body: UpdateBody;
  /** The ETag the body was built from: the server answers 412 if the tenant changed since. */
  ifMatch?: string | null;
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: tenantMutationKeys.update(),
    mutationFn: async ({ tenantId, body, ifMatch }: UpdateTenantVariables): Promise<Tenant> =>
      unwrap(
        await apiClient().PATCH('/api/v1/admin/tenants/{tenant_id}', {
          params: { path: { tenant_id: tenantId }, ...(ifMatch ? { header: { 'If-Match': ifMatch } } : {}) },
          body,
        }),
      ),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantQueries.detail(tenant.id).queryKey, tenant);
      return refreshAfterWrite(queryClient);
    },
    meta: { errorShownInline: true },
  });
}

/**
 * One tenant's status, for a bulk Suspend/Reactivate (issue 17): the body holds `status` alone and
 * no If-Match is sent, because the admin chose a status for many rows rather than editing a
 * version they loaded, and changing only the status cannot undo anyone's edit. The saved record
 * goes into the detail cache; the lists are refreshed once, when the whole run ends
 * (useRefreshTenants), not after every row.
 */
export function useSetTenantStatus() {
  const queryClient = useQueryClient();
  return useCallback(
    async (tenantId: string, status: TenantStatus): Promise<Tenant> => {
      const tenant = unwrap(
        await apiClient().PATCH('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } }, body: { status } }),
      );
      queryClient.setQueryData(tenantQueries.detail(tenant.id).queryKey, tenant);
      return tenant;
    },
    [queryClient],
  );
}

/** Refreshes the tenant lists and name look-ups after writes made outside a mutation (a bulk run). */
export function useRefreshTenants() {
  const queryClient = useQueryClient();
  return useCallback(() => refreshAfterWrite(queryClient), [queryClient]);
}

/**
 * True when this console itself wrote `version` (an updated_at) of the tenant, so a form that
 * started from an older version is not warned about its own page's save.
 */
export function isOwnVersion(queryClient: QueryClient, tenantId: string, version: string): boolean {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey: tenantMutationKeys.update(), status: 'success' })
    .some((mutation) => {
      const data = mutation.state.data as Tenant | undefined;
      return data?.id === tenantId && data.updated_at === version;
    });
}

export function useDeleteTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tenantId: string): Promise<void> => {
      unwrap(await apiClient().DELETE('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } } }));
    },
    onSuccess: (_data, tenantId) => {
      queryClient.removeQueries({ queryKey: tenantQueries.detail(tenantId).queryKey });
      return refreshAfterWrite(queryClient);
    },
    meta: { errorShownInline: true },
  });
}
