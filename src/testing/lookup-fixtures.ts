import type { components } from '@/lib/api/schema';

/** Records the lookup endpoints answer with, for component tests. */
export const anaLima: components['schemas']['User'] = {
  id: 'usr_ana',
  email: 'ana.lima@acme.example',
  first_name: 'Ana',
  last_name: 'Lima',
  display_name: null,
  status: 'ACTIVE',
  tenant_id: 'tnt_acme',
  last_login_at: null,
  created_at: '2026-01-01T00:00:00Z',
};

/** One page of the list envelope. */
export function listPage<T>(items: T[]) {
  return { items, total: items.length, page: 1, per_page: 20, pages: 1 };
}
