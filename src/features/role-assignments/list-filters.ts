import * as z from 'zod/mini';
import type { components } from '@/lib/api/schema';
import { ROLES } from './schemas';

type AdminRole = components['schemas']['AdminRole'];

export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * The list's view in the URL (`?role=TENANT_ADMIN&status=inactive&user=usr_...&page=2&per_page=50`).
 * Each key falls back to its default on a bad value, so a mangled link still opens.
 */
export const listFiltersSchema = z.object({
  page: z._default(z.catch(z.coerce.number().check(z.int(), z.gte(1)), 1), 1),
  per_page: z._default(
    z.catch(
      z.coerce.number().check(z.refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
      20,
    ),
    20,
  ),
  role: z.catch(z.optional(z.enum(ROLES as [AdminRole, ...AdminRole[]])), undefined),
  status: z.catch(z.optional(z.enum(['active', 'inactive'])), undefined),
  user: z.catch(z.optional(z.string().check(z.regex(/^[\w-]+$/))), undefined),
});

export type ListFilters = z.output<typeof listFiltersSchema>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.role !== undefined || filters.status !== undefined || filters.user !== undefined;
}
