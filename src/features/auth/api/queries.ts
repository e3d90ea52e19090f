import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { components } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type CurrentAdmin = components['schemas']['CurrentAdmin'];

/**
 * The network is a trust boundary and the access gate decides on `role`: check the shape. The role
 * is kept as any string (compared case-insensitively), so an unexpected value means "no access"
 * rather than a crash.
 */
const currentAdminSchema = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.nullable(z.string()),
  tenant_id: z._default(z.optional(z.nullable(z.string())), null),
  partner_id: z._default(z.optional(z.nullable(z.string())), null),
});

export async function getCurrentAdmin({ signal }: { signal?: AbortSignal } = {}): Promise<CurrentAdmin> {
  const body = unwrap(await apiClient().GET('/api/v1/admin/auth/me', { signal }));
  const admin = currentAdminSchema.parse(body);
  return { ...admin, role: admin.role as CurrentAdmin['role'] };
}

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => getCurrentAdmin({ signal }),
      staleTime: 5 * 60_000,
    }),
};

export function isSuperAdmin(admin: Pick<CurrentAdmin, 'role'> | undefined): boolean {
  return typeof admin?.role === 'string' && admin.role.toUpperCase() === 'SUPER_ADMIN';
}
