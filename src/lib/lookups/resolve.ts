/**
 * The one way an id becomes a name on screen: a lookup's query result becomes a `Resolved` (the
 * record, or why there is none), and `resolvedName` turns that into text people read. Lists that
 * show many ids (role assignments) and single names (a tenant's partner) both go through here.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import type { Lookup } from './queries';

/** A name being looked up: the record, or why there is none. */
export type Resolved<T> =
  | { state: 'loading' }
  | { state: 'found'; record: T }
  | { state: 'missing' }
  | { state: 'failed'; error: Error };

export function toResolved<T>(result: UseQueryResult<T> | undefined): Resolved<T> {
  if (result?.data !== undefined) return { state: 'found', record: result.data };
  if (result?.isError) {
    return result.error instanceof ApiError && result.error.isNotFound ? { state: 'missing' } : { state: 'failed', error: result.error };
  }
  return { state: 'loading' };
}

/** The text of a looked-up name: the name, or a placeholder saying why there is none. */
export function resolvedName<T>(resolved: Resolved<T>, name: (record: T) => string, id: string, kind: string): string {
  switch (resolved.state) {
    case 'found':
      return name(resolved.record);
    case 'missing':
      return `Deleted ${kind} (${id})`;
    case 'failed':
      return `${id} (name unavailable)`;
    default:
      return 'Loading…';
  }
}

/** One record by id from a shared lookup (cached for the whole app); null id: nothing to look up. */
export function useResolved<T extends { id: string }>(lookup: Lookup<T>, id: string | null): Resolved<T> {
  const result = useQuery({ ...lookup.detail(id ?? ''), enabled: !!id });
  return toResolved(result);
}
