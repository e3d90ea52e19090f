import * as z from 'zod';
import type { components } from '@/lib/api/schema';
import { ROLES } from './schemas';

type AdminRole = components['schemas']['AdminRole'];

export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * The list's view in the URL (`?role=TENANT_ADMIN&status=inactive&user=usr_...&page=2&per_page=50`).
 * Each key falls back to its default on a bad value, so a mangled link still opens.
 */
export const listFiltersSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1),
  per_page: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20)
    .default(20),
  role: z.enum(ROLES as [AdminRole, ...AdminRole[]]).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  user: z.string().regex(/^[\w-]+$/).optional().catch(undefined),
});

export type ListFilters = z.output<typeof listFiltersSchema>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.role !== undefined || filters.status !== undefined || filters.user !== undefined;
}
