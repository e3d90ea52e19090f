import * as z from 'zod/mini';
import { pageField, pageSizeField } from '@/components/data-list/page-params';
import type { components } from '@/lib/api/schema';
import { ROLES } from './schemas';

type AdminRole = components['schemas']['AdminRole'];

/**
 * The list's view in the URL (`?role=TENANT_ADMIN&status=inactive&user=usr_...&page=2&per_page=50`).
 * Each key falls back to its default on a bad value, so a mangled link still opens.
 */
export const listFiltersSchema = z.object({
  page: pageField(),
  per_page: pageSizeField(),
  role: z.catch(z.optional(z.enum(ROLES as [AdminRole, ...AdminRole[]])), undefined),
  status: z.catch(z.optional(z.enum(['active', 'inactive'])), undefined),
  user: z.catch(z.optional(z.string().check(z.regex(/^[\w-]+$/))), undefined),
});

export type ListFilters = z.output<typeof listFiltersSchema>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.role !== undefined || filters.status !== undefined || filters.user !== undefined;
}
