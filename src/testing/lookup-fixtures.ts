import type { components } from '@/lib/api/schema';
import { jsonResponse } from './mock-fetch';

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

/**
 * A list endpoint for mockFetch that answers `?ids=a,b` as the stand-in does: only the records
 * asked for (unknown ids absent). Without `ids`, the whole list. `seen` collects each request's
 * query string.
 */
export function answersIds<T extends { id: string }>(records: readonly T[], seen: string[] = []) {
  return (request: Request): Response => {
    const params = new URL(request.url).searchParams;
    seen.push(params.toString());
    const ids = params.get('ids')?.split(',');
    const items = ids ? records.filter((record) => ids.includes(record.id)) : [...records];
    return jsonResponse(200, listPage(items));
  };
}

/** A list endpoint of a server that ignores `ids` (as FastAPI ignores unknown parameters): always the first page of everything. */
export function ignoresIds<T>(records: readonly T[], seen: string[] = []) {
  return (request: Request): Response => {
    seen.push(new URL(request.url).searchParams.toString());
    return jsonResponse(200, { ...listPage(records.slice(0, 20)), total: records.length, pages: Math.ceil(records.length / 20) });
  };
}
