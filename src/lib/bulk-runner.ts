/**
 * Runs one task per item (a PATCH per selected row) with at most `concurrency` in flight, and
 * keeps where every item is: waiting, running, done, failed with the server's reason, skipped
 * with why, or not started because the run was cancelled. Pure (no React): the progress dialog
 * reads it through `subscribe`/`getSnapshot` (useSyncExternalStore), tests drive it directly.
 *
 * Nothing stops silently half-way: `cancel()` turns what has not started into "cancelled", lets
 * what is in flight finish and records its result, and the run's promise resolves only once
 * every item is in a final state. `retryFailed()` runs the failed ones again, and only them.
 * The items keep their order in the snapshot whatever order the answers come in.
 *
 * A task that finds, once it has read the item afresh, that there is nothing to do resolves with
 * `skipped(reason)`: the item is skipped with that reason, as one the pre-check (`skip`) left out.
 */

import { cleanServerMessage } from './api-error';

export type BulkItemStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';

export type BulkItemState =
  | { status: 'pending' }
  | { status: 'running' }
  | { status: 'done' }
  /** `reason`: the server's message, cleaned for people; `error`: what the task threw. */
  | { status: 'failed'; reason: string; error: unknown }
  /** `reason`: why the pre-check left it out ("already suspended"). */
  | { status: 'skipped'; reason: string }
  /** Not started: the run was cancelled before its turn. */
  | { status: 'cancelled' };

export interface BulkItemResult<T> {
  item: T;
  state: BulkItemState;
}

export type BulkCounts = Record<BulkItemStatus, number> & {
  total: number;
  /** Items in a final state (done, failed, skipped, cancelled). */
  settled: number;
};

export interface BulkSnapshot<T> {
  /** One entry per item, in the order given. */
  items: readonly BulkItemResult<T>[];
  counts: BulkCounts;
  /** idle: not started; running: something waits or runs; finished: every item is in a final state. */
  phase: 'idle' | 'running' | 'finished';
  /** cancel() was called during the current (or last) pass. */
  cancelRequested: boolean;
}

const SKIPPED: unique symbol = Symbol('bulk skipped');

/** What a task resolves with when it did nothing, and why ("already meets it"). */
export interface BulkTaskSkipped {
  readonly [SKIPPED]: true;
  readonly reason: string;
}

/** Resolve a task with this to have its item skipped, not done, with the reason shown. */
export function skipped(reason: string): BulkTaskSkipped {
  return { [SKIPPED]: true, reason };
}

function isSkipped(value: unknown): value is BulkTaskSkipped {
  return typeof value === 'object' && value !== null && SKIPPED in value;
}

export interface BulkRunnerOptions<T> {
  items: readonly T[];
  /**
   * The work for one item; a rejection marks it failed with the error's message, a resolution with
   * `skipped(reason)` marks it skipped (the task found nothing to do).
   */
  task: (item: T) => Promise<unknown>;
  /** A reason to leave the item out ("your own Super Admin role"), or null/undefined to run it. Checked at its turn. */
  skip?: (item: T) => string | null | undefined;
  /** The most tasks in flight at once; default 4. */
  concurrency?: number;
  /** Turns a rejection into the reason shown; default: the error's message (an ApiError's is the server's `detail`), cleaned. */
  describeError?: (error: unknown) => string;
}

export interface BulkRunner<T> {
  subscribe: (listener: () => void) => () => void;
  /** The same object until something changes (as useSyncExternalStore requires). */
  getSnapshot: () => BulkSnapshot<T>;
  /** Runs every item; resolves with the final snapshot. Calling it again returns the same run. */
  start: () => Promise<BulkSnapshot<T>>;
  /** Stops what has not started; what is in flight finishes and is recorded. */
  cancel: () => void;
  /** Runs the failed items again (only them); resolves with the final snapshot. */
  retryFailed: () => Promise<BulkSnapshot<T>>;
}

export const DEFAULT_BULK_CONCURRENCY = 4;

const FINAL: ReadonlySet<BulkItemStatus> = new Set(['done', 'failed', 'skipped', 'cancelled']);

function defaultDescribeError(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message ? cleanServerMessage(message) : 'An unexpected error occurred.';
}

function countsOf<T>(items: readonly BulkItemResult<T>[]): BulkCounts {
  const counts: BulkCounts = { total: items.length, settled: 0, pending: 0, running: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const { state } of items) {
    counts[state.status] += 1;
    if (FINAL.has(state.status)) counts.settled += 1;
  }
  return counts;
}

export function createBulkRunner<T>({
  items,
  task,
  skip,
  concurrency = DEFAULT_BULK_CONCURRENCY,
  describeError = defaultDescribeError,
}: BulkRunnerOptions<T>): BulkRunner<T> {
  const limit = Math.max(1, Math.floor(concurrency));
  const listeners = new Set<() => void>();
  let states: BulkItemState[] = items.map(() => ({ status: 'pending' }));
  let phase: BulkSnapshot<T>['phase'] = 'idle';
  let cancelRequested = false;
  let current: Promise<BulkSnapshot<T>> | null = null;
  /** The current pass's scheduler: cancel() calls it so a pass with nothing in flight ends at once. */
  let wake: (() => void) | null = null;
  let snapshot = build();

  function build(): BulkSnapshot<T> {
    const results = items.map((item, i) => ({ item, state: states[i] as BulkItemState }));
    return { items: results, counts: countsOf(results), phase, cancelRequested };
  }

  function publish() {
    snapshot = build();
    for (const listener of listeners) listener();
  }

  function setState(index: number, state: BulkItemState) {
    states = states.map((s, i) => (i === index ? state : s));
  }

  /** Runs every pending item, `limit` at a time, in order; resolves when none is pending or running. */
  function pass(): Promise<BulkSnapshot<T>> {
    phase = 'running';
    cancelRequested = false;
    publish();
    return new Promise((resolve) => {
      let inFlight = 0;
      const finishIfDone = () => {
        if (inFlight > 0 || states.some((s) => s.status === 'pending')) return false;
        phase = 'finished';
        current = null;
        wake = null;
        publish();
        resolve(snapshot);
        return true;
      };
      const next = () => {
        while (inFlight < limit && !cancelRequested) {
          const index = states.findIndex((s) => s.status === 'pending');
          if (index < 0) break;
          const item = items[index] as T;
          const reason = skip?.(item);
          if (reason) {
            setState(index, { status: 'skipped', reason });
            continue;
          }
          setState(index, { status: 'running' });
          inFlight += 1;
          // The task is called in its own microtask so a synchronous throw is a rejection too.
          void Promise.resolve()
            .then(() => task(item))
            .then(
              (result: unknown) => setState(index, isSkipped(result) ? { status: 'skipped', reason: result.reason } : { status: 'done' }),
              (error: unknown) => setState(index, { status: 'failed', reason: describeError(error), error }),
            )
            .then(() => {
              inFlight -= 1;
              next();
            });
        }
        if (!finishIfDone()) publish();
      };
      wake = next;
      next();
    });
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start() {
      if (current) return current;
      if (phase !== 'idle') return Promise.resolve(snapshot);
      current = pass();
      return current;
    },
    cancel() {
      if (phase !== 'running' || cancelRequested) return;
      cancelRequested = true;
      states = states.map((s) => (s.status === 'pending' ? { status: 'cancelled' } : s));
      // The pass ends now if nothing is in flight, otherwise when the last answer comes.
      wake?.();
    },
    retryFailed() {
      if (current) return current;
      if (!states.some((s) => s.status === 'failed')) return Promise.resolve(snapshot);
      states = states.map((s) => (s.status === 'failed' ? { status: 'pending' } : s));
      current = pass();
      return current;
    },
  };
}

/**
 * Runs the work given for one key after the work already queued for that key has settled, in
 * the order given; work of other keys runs at once. For writes on one record that must not
 * overlap (two revokes of one user's roles, each deciding whether the user is left without any).
 */
export function serialByKey(): <R>(key: string, work: () => Promise<R>) => Promise<R> {
  const tails = new Map<string, Promise<void>>();
  return (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
