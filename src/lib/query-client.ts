/**
 * The QueryClient's defaults, in one place:
 * - never retry a 4xx (the request itself is wrong; retrying cannot help), retry 5xx and network
 *   failures twice;
 * - data is fresh for 30 s;
 * - a first-load failure of a 5xx/network kind goes to the nearest error boundary (route or
 *   QueryBoundary, with Retry); 4xx stay with the component, which shows them in place;
 * - at most CACHE_LIMITS pages of lists and looked-up records are kept once off screen (oldest
 *   dropped first), so a long session of paging does not keep growing the memory;
 * - snackbars only for what nobody else shows: a failed background refetch of a query that already
 *   has data, and a mutation error with no onError of its own (set `meta.errorShownInline` when
 *   the caller renders the error, e.g. in a form Alert or a ConfirmDialog);
 * - every write, answered or refused, marks the audit log's queries (AUDIT_QUERY_KEY) stale: the
 *   server records refused attempts too, so a History panel or the log on screen refetches at once
 *   instead of staying "fresh" for 30 s without the change just made.
 */
import { MutationCache, QueryCache, QueryClient, type DefaultOptions, type QueryKey } from '@tanstack/react-query';
import { ApiError, isClientError } from './api-error';
import { notify } from './notifications';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    mutationMeta: {
      /** The caller shows this mutation's errors itself; no snackbar. */
      errorShownInline?: boolean;
    };
  }
}

export const STALE_TIME_MS = 30_000;

/**
 * The prefix of every audit log query (features/audit's `auditQueries.all()`), here because the
 * client refreshes them after any feature's write and features may not import each other.
 */
export const AUDIT_QUERY_KEY = ['audit'] as const;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isClientError(error)) return false;
  return failureCount < 2;
}

function isBoundaryError(error: unknown): boolean {
  return error instanceof ApiError ? error.isServerError : true;
}

/**
 * How many list pages (keys [<resource>, 'list', ...]) and looked-up records (['lookups', <kind>,
 * 'detail', id]) stay cached once nothing on screen uses them. Going back a few pages stays
 * instant; paging through hundreds no longer holds every page until its gcTime runs out.
 */
export const CACHE_LIMITS = { listPages: 10, lookups: 500 } as const;

const isListPage = (key: QueryKey) => key[1] === 'list';
const isLookup = (key: QueryKey) => key[0] === 'lookups' && key[2] === 'detail';

type CachedQuery = ReturnType<QueryCache['getAll']>[number];

/**
 * Drops the off-screen queries of a kind beyond `max`, those left longest ago first (`leftAt`: when
 * each last left the screen). Queries still loading, or never loaded, are not candidates.
 */
function trimOffScreen(cache: QueryCache, matches: (key: QueryKey) => boolean, max: number, leftAt: WeakMap<CachedQuery, number>): void {
  const offScreen = cache
    .findAll({
      predicate: (query) =>
        matches(query.queryKey) && query.getObserversCount() === 0 && query.state.fetchStatus === 'idle' && query.state.status !== 'pending',
    })
    .sort((a, b) => (leftAt.get(a) ?? a.state.dataUpdatedAt) - (leftAt.get(b) ?? b.state.dataUpdatedAt));
  for (const query of offScreen.slice(0, Math.max(0, offScreen.length - max))) cache.remove(query);
}

export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined) {
          notify(`Could not refresh the data: ${error.message}`, 'error');
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.options.onError || mutation.meta?.errorShownInline) return;
        notify(error.message, 'error');
      },
      // Not returned: the mutation's own busy state must not wait for the log's refetch.
      onSettled: () => {
        void client.invalidateQueries({ queryKey: AUDIT_QUERY_KEY });
      },
    }),
    defaultOptions: {
      ...overrides,
      queries: {
        retry: shouldRetry,
        staleTime: STALE_TIME_MS,
        throwOnError: (error, query) => query.state.data === undefined && isBoundaryError(error),
        ...overrides.queries,
      },
      mutations: {
        retry: false,
        ...overrides.mutations,
      },
    },
  });
  const cache = client.getQueryCache();
  const leftAt = new WeakMap<CachedQuery, number>();
  let trimming: ReturnType<typeof setTimeout> | undefined;
  cache.subscribe((event) => {
    // A query leaves the screen when its last observer goes; that is when the cache can shrink.
    if (event.type !== 'observerRemoved' || !(isListPage(event.query.queryKey) || isLookup(event.query.queryKey))) return;
    if (event.query.getObserversCount() === 0) leftAt.set(event.query, Date.now());
    // Not now: an observer leaves the old page before it joins the new one, so the page it is
    // moving to (perhaps one visited long ago) would look off-screen at this very moment.
    trimming ??= setTimeout(() => {
      trimming = undefined;
      trimOffScreen(cache, isListPage, CACHE_LIMITS.listPages, leftAt);
      trimOffScreen(cache, isLookup, CACHE_LIMITS.lookups, leftAt);
    }, 0);
  });
  return client;
}
