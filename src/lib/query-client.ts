/**
 * The QueryClient's defaults, in one place:
 * - never retry a 4xx (the request itself is wrong; retrying cannot help), retry 5xx and network
 *   failures twice;
 * - data is fresh for 30 s;
 * - a first-load failure of a 5xx/network kind goes to the nearest error boundary (route or
 *   QueryBoundary, with Retry); 4xx stay with the component, which shows them in place;
 * - snackbars only for what nobody else shows: a failed background refetch of a query that already
 *   has data, and a mutation error with no onError of its own (set `meta.errorShownInline` when
 *   the caller renders the error, e.g. in a form Alert or a ConfirmDialog).
 */
import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
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

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isClientError(error)) return false;
  return failureCount < 2;
}

function isBoundaryError(error: unknown): boolean {
  return error instanceof ApiError ? error.isServerError : true;
}

export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
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
}
