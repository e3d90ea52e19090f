/**
 * The audit log (scaikey-api.md, "Audit log"), Super Admins only. Keys:
 * ['audit','list',filters] (the parsed URL filters), ['audit','history',resourceId],
 * ['audit','detail',eventId], ['audit','actions'], ['audit','resource-types'].
 *
 * A relative time range ("Last 24 hours") stays a token in the key and becomes a start_time when
 * the page is fetched: the key does not change every render, and each fetch (a refetch once the
 * data is stale, on focus or on mount) asks for the window ending at that moment.
 *
 * Every filtered answer is checked against what was asked (lib/api/ignored-filters), the time
 * window included: a server that ignores a filter answers unfiltered rows, and the screen says so
 * instead of passing them off as filtered.
 *
 * Every write (any feature's, answered or refused) marks these queries stale from the QueryClient
 * (lib/query-client, AUDIT_QUERY_KEY): a History panel shows the change just saved.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components, operations } from '@/lib/api/schema';
import { apiClient } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { ignoredFilters, ignoredFiltersMessage, outsideWindow } from '@/lib/api/ignored-filters';
import { normalizeList, type NormalizedList } from '@/lib/api/normalize';
import { AUDIT_QUERY_KEY } from '@/lib/query-client';
import { timeWindow, type AuditFilters } from '../schemas';

export type AuditEvent = components['schemas']['AuditEvent'];

/** The filters the server is asked to apply, by their URL names (page and page size aside). */
export type AuditFilterFields = Omit<AuditFilters, 'page' | 'per_page'>;

/** What each checkable filter is called on screen, with the entry field it filters on. */
export const CHECKED_FILTERS = {
  resource: { field: 'resource_id', label: 'Resource' },
  actor: { field: 'actor_id', label: 'Actor' },
  action: { field: 'action', label: 'Action' },
  type: { field: 'resource_type', label: 'Resource type' },
  result: { field: 'result', label: 'Result' },
  tenant: { field: 'tenant_id', label: 'Tenant' },
} as const satisfies Partial<Record<keyof AuditFilterFields, { field: keyof AuditEvent; label: string }>>;

/** What the time window (range, from, to) is called when the server ignored it. */
export const TIME_FILTER_LABEL = 'Time range';

/** One page of entries, with the names of the filters the server ignored (empty when it honoured them all). */
export interface AuditPage extends NormalizedList<AuditEvent> {
  ignored: string[];
}

type AuditQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;
type FieldQuery = Pick<AuditQuery, 'resource_id' | 'actor_id' | 'action' | 'resource_type' | 'result' | 'tenant_id'>;

/** The entry fields asked for, from the URL's filters: both the request's query and what each row must match. */
function wantedFields(f: AuditFilterFields): FieldQuery {
  return {
    ...(f.resource ? { resource_id: f.resource } : {}),
    ...(f.actor ? { actor_id: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.type ? { resource_type: f.type } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.tenant ? { tenant_id: f.tenant } : {}),
  };
}

export interface AuditPageOptions {
  signal?: AbortSignal;
  /** The moment a relative range ends at; default now. */
  now?: number;
  /** Epoch ms, exclusive: nothing at or after it (timeWindow's `until`). */
  until?: number;
}

/** One page of the log for these filters. */
export async function fetchAuditPage(
  filters: AuditFilterFields,
  page: number,
  perPage: number,
  { signal, now = Date.now(), until }: AuditPageOptions = {},
): Promise<AuditPage> {
  const wanted = wantedFields(filters);
  const window = timeWindow(filters, now, until);
  const body = unwrap(
    await apiClient().GET('/api/v1/admin/audit/', {
      params: { query: { page, per_page: perPage, ...wanted, ...window } },
      signal,
    }),
  );
  const normalized = normalizeList<AuditEvent>(body, 'audit', { page, perPage });
  // A count that stopped (total_capped) is a lower bound: shown as "more than", never as the total.
  const list = body.total_capped && normalized.total !== null ? { ...normalized, total: null, pages: null, atLeast: normalized.total } : normalized;
  const ignoredFields: string[] = ignoredFilters<AuditEvent>(list.items, wanted);
  const ignored: string[] = Object.values(CHECKED_FILTERS)
    .filter(({ field }) => ignoredFields.includes(field))
    .map(({ label }) => label);
  if (outsideWindow(list.items, (e) => e.occurred_at, { start: window.start_time, end: window.end_time })) ignored.unshift(TIME_FILTER_LABEL);
  return { ...list, ignored };
}

/**
 * The page fetcher of a CSV export (CsvExportButton's fetchPage): every page as the log stood
 * when page 1 was asked for. Offset paging over a newest-first log shifts by one row for each
 * entry written meanwhile (repeating rows across pages), so every page sends an end_time: first
 * that moment plus 1 ms (end_time is exclusive; an entry at exactly that ms is in), then, once
 * page 1 has come, just past its newest entry, which is by the server's own clock: entries
 * written later in the same ms as the moment, or while this browser's clock runs ahead of the
 * server's, stay out too. A custom "to" that ends earlier is kept. A page the server did not
 * filter fails the export rather than filling the file with other rows.
 */
export function auditExportPages(filters: AuditFilterFields, clock: () => number = Date.now) {
  let now = 0;
  let until = 0;
  return async (page: number, perPage: number, signal: AbortSignal): Promise<AuditPage> => {
    if (page === 1) {
      now = clock();
      until = now + 1;
    }
    const answer = await fetchAuditPage(filters, page, perPage, { signal, now, until });
    if (answer.ignored.length > 0) throw new Error(ignoredFiltersMessage(answer.ignored));
    const newest = page === 1 && answer.items[0] ? Date.parse(answer.items[0].occurred_at) + 1 : NaN;
    if (Number.isFinite(newest)) until = Math.min(until, newest);
    return answer;
  };
}

/** Filter values change only with the server's version: keep them for an hour. */
const VALUES_STALE_MS = 60 * 60_000;

/** How many entries a History panel shows. */
export const HISTORY_SIZE = 5;

export const auditQueries = {
  all: () => AUDIT_QUERY_KEY,
  lists: () => [...auditQueries.all(), 'list'] as const,
  /** One page of the log; the parsed URL filters are the key. */
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: [...auditQueries.lists(), filters] as const,
      queryFn: ({ signal }) => {
        const { page, per_page: perPage, ...fields } = filters;
        return fetchAuditPage(fields, page, perPage, { signal });
      },
      placeholderData: keepPreviousData,
    }),
  /** The latest entries about one resource (a History panel). */
  history: (resourceId: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'history', resourceId] as const,
      queryFn: ({ signal }) => fetchAuditPage({ resource: resourceId }, 1, HISTORY_SIZE, { signal }),
      throwOnError: false,
    }),
  details: () => [...auditQueries.all(), 'detail'] as const,
  detail: (eventId: string) =>
    queryOptions({
      queryKey: [...auditQueries.details(), eventId] as const,
      queryFn: async ({ signal }): Promise<AuditEvent> =>
        unwrap(await apiClient().GET('/api/v1/admin/audit/{event_id}', { params: { path: { event_id: eventId } }, signal })),
    }),
  /** Every action an entry can carry, for the Action filter. */
  actions: () =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'actions'] as const,
      queryFn: async ({ signal }): Promise<string[]> => unwrap(await apiClient().GET('/api/v1/admin/audit/actions', { signal })),
      staleTime: VALUES_STALE_MS,
      throwOnError: false,
    }),
  /** Every resource type, for the Resource type filter. */
  resourceTypes: () =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'resource-types'] as const,
      queryFn: async ({ signal }): Promise<string[]> => unwrap(await apiClient().GET('/api/v1/admin/audit/resource-types', { signal })),
      staleTime: VALUES_STALE_MS,
      throwOnError: false,
    }),
};
