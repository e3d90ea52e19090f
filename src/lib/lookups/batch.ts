/**
 * Names in one request: the records a screen asks for by id during one tick (a page's rows
 * mounting, a prefetch loop) are fetched together with `GET /<kind>/?ids=a,b,c` (scaikey-api.md,
 * "Extensions"), at most MAX_IDS a request, instead of one GET per id. Each id keeps its own query
 * (`<kind>Lookups.detail(id)`), so detail pages, pickers and `useResolved` read the same cache.
 *
 * ScaiKey does not document `ids`. A server that ignores it answers an unfiltered page: an item
 * that was not asked for gives it away, and from then on (for this QueryClient, i.e. the session)
 * that kind falls back to one GET per id. An id absent from an answer is a missing record (404)
 * only when the answer is trustworthy and complete; otherwise it is asked for on its own.
 */
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { normalizeList } from '@/lib/api/normalize';

/** The contract's limit on `ids` (openapi/scaikey-admin.yaml, parameter Ids) and the largest page. */
export const MAX_IDS = 100;

export interface BatchFetchers<T> {
  /** One record by id (`GET /<kind>/{id}`). */
  one: (id: string, signal: AbortSignal) => Promise<T>;
  /** One list answer for these ids (`GET /<kind>/?ids=...&per_page=...`), not yet normalised. */
  many: (ids: readonly string[]) => Promise<unknown>;
  /** The list's resource name, for normalizeList. */
  resourceName: string;
  /** The 404 detail of a missing record, as the per-id GET would say it ("User not found"). */
  notFound: string;
}

/** Whether the server filters by `ids`: not known until its first answer. */
type Verdict = 'unknown' | 'honoured' | 'ignored';

interface Waiter<T> {
  /** Read only when this id is fetched on its own: a batch is shared, so no one query may abort it. */
  signal: () => AbortSignal;
  resolve: (record: T) => void;
  reject: (error: unknown) => void;
}

interface BatchState<T> {
  verdict: Verdict;
  /** Ids asked for since the last flush, each with everyone waiting for it. */
  queue: Map<string, Waiter<T>[]>;
}

/** A 4xx that means "no such parameter here", not "you may not" or "sign in again". */
const refusesParameter = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403;

export interface Batcher<T> {
  /** The record with this id, fetched with the others asked for in the same tick. */
  load: (client: QueryClient, id: string, signal: () => AbortSignal) => Promise<T>;
}

export function createBatcher<T extends { id: string }>(fetchers: BatchFetchers<T>): Batcher<T> {
  const states = new WeakMap<QueryClient, BatchState<T>>();

  const stateOf = (client: QueryClient): BatchState<T> => {
    let state = states.get(client);
    if (!state) {
      state = { verdict: 'unknown', queue: new Map() };
      states.set(client, state);
    }
    return state;
  };

  const settle = (waiters: Waiter<T>[], outcome: { record: T } | { error: unknown }) => {
    for (const waiter of waiters) {
      if ('record' in outcome) waiter.resolve(outcome.record);
      else waiter.reject(outcome.error);
    }
  };

  /** One GET for this id, shared by everyone waiting for it. */
  const fetchOne = (id: string, waiters: Waiter<T>[]) =>
    fetchers.one(id, waiters[0]!.signal()).then(
      (record) => settle(waiters, { record }),
      (error: unknown) => settle(waiters, { error }),
    );

  async function fetchChunk(state: BatchState<T>, chunk: [string, Waiter<T>[]][]): Promise<void> {
    const ids = chunk.map(([id]) => id);
    let body: unknown;
    try {
      body = await fetchers.many(ids);
    } catch (error) {
      if (state.verdict !== 'honoured' && refusesParameter(error)) {
        state.verdict = 'ignored';
        await Promise.all(chunk.map(([id, waiters]) => fetchOne(id, waiters)));
      } else {
        for (const [, waiters] of chunk) settle(waiters, { error });
      }
      return;
    }
    const list = normalizeList<T>(body, fetchers.resourceName, { perPage: ids.length });
    const found = new Map(list.items.map((record) => [record.id, record]));
    const asked = new Set(ids);
    const unfiltered = list.items.some((record) => !asked.has(record.id));
    if (unfiltered) state.verdict = 'ignored';
    else if (state.verdict === 'unknown') state.verdict = 'honoured';
    // Absent means missing only in a filtered answer that holds all there is (not page 1 of more).
    const complete = !unfiltered && (list.total === null || list.total <= list.items.length);
    await Promise.all(
      chunk.map(([id, waiters]) => {
        const record = found.get(id);
        if (record) return settle(waiters, { record });
        if (complete) return settle(waiters, { error: new ApiError(404, fetchers.notFound) });
        return fetchOne(id, waiters);
      }),
    );
  }

  function flush(state: BatchState<T>): void {
    const queued = [...state.queue];
    state.queue = new Map();
    // A single id costs one request either way: the plain GET needs no trust in `ids`.
    if (state.verdict === 'ignored' || queued.length === 1) {
      for (const [id, waiters] of queued) void fetchOne(id, waiters);
      return;
    }
    for (let start = 0; start < queued.length; start += MAX_IDS) {
      const chunk = queued.slice(start, start + MAX_IDS);
      // An answer that is no list at all: every id still waiting fails with it (settling twice is a no-op).
      fetchChunk(state, chunk).catch((error: unknown) => {
        for (const [, waiters] of chunk) settle(waiters, { error });
      });
    }
  }

  return {
    load: (client, id, signal) => {
      const state = stateOf(client);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<T> = { signal, resolve, reject };
        if (state.verdict === 'ignored') {
          void fetchOne(id, [waiter]);
          return;
        }
        if (state.queue.size === 0) queueMicrotask(() => flush(state));
        const waiters = state.queue.get(id);
        if (waiters) waiters.push(waiter);
        else state.queue.set(id, [waiter]);
      });
    },
  };
}
