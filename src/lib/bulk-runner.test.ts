import { deferred, type Deferred } from '@/testing/deferred';
import { ApiError } from './api-error';
import { createBulkRunner, serialByKey, skipped, type BulkSnapshot } from './bulk-runner';

/** The runner on its own: the concurrency limit, partial failure, skips, retry, cancel, order. */

/** Lets every queued microtask (the runner's bookkeeping after an answer) run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A task whose calls wait until the test answers them, counting how many are in flight at once. */
function controlledTask() {
  const calls = new Map<string, Deferred<void>[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const task = vi.fn(async (item: string) => {
    const d = deferred();
    calls.set(item, [...(calls.get(item) ?? []), d]);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await d.promise;
    } finally {
      inFlight -= 1;
    }
  });
  const last = (item: string) => {
    const list = calls.get(item);
    if (!list?.length) throw new Error(`${item} was never started`);
    return list[list.length - 1]!;
  };
  return {
    task,
    started: () => [...calls.keys()],
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    succeed: async (item: string) => {
      last(item).resolve();
      await flush();
    },
    fail: async (item: string, error: unknown) => {
      last(item).reject(error);
      await flush();
    },
  };
}

const statuses = (snapshot: BulkSnapshot<string>) => snapshot.items.map(({ item, state }) => `${item}:${state.status}`);
const names = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

describe('createBulkRunner', () => {
  it('never has more than the limit in flight, and starts the next as soon as one ends', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(10), task: c.task });
    const done = runner.start();
    await flush();
    expect(c.inFlight()).toBe(4);
    expect(c.started()).toEqual(['t1', 't2', 't3', 't4']);
    expect(runner.getSnapshot().counts).toMatchObject({ running: 4, pending: 6, settled: 0 });

    await c.succeed('t2');
    expect(c.inFlight()).toBe(4);
    expect(c.started()).toEqual(['t1', 't2', 't3', 't4', 't5']);

    for (const item of names(10)) {
      if (item !== 't2') await c.succeed(item);
      expect(c.inFlight()).toBeLessThanOrEqual(4);
    }
    const final = await done;
    expect(c.maxInFlight()).toBe(4);
    expect(final.phase).toBe('finished');
    expect(final.counts).toMatchObject({ total: 10, done: 10, settled: 10 });
  });

  it('takes another limit', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(5), task: c.task, concurrency: 2 });
    const done = runner.start();
    await flush();
    expect(c.started()).toEqual(['t1', 't2']);
    for (const item of names(5)) await c.succeed(item);
    await done;
    expect(c.maxInFlight()).toBe(2);
  });

  it('records a failure with the server’s reason and carries on with the others; order stays as given', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(3), task: c.task });
    const done = runner.start();
    await flush();
    // Answers come back in another order than asked.
    await c.succeed('t3');
    await c.fail('t2', new ApiError(409, 'Value error, tenant was deleted meanwhile'));
    await c.succeed('t1');
    const final = await done;
    expect(statuses(final)).toEqual(['t1:done', 't2:failed', 't3:done']);
    expect(final.items[1]!.state).toMatchObject({ status: 'failed', reason: 'Tenant was deleted meanwhile' });
    expect(final.counts).toMatchObject({ done: 2, failed: 1, settled: 3 });
  });

  it('a task that throws synchronously or rejects with a non-Error still ends failed', async () => {
    const runner = createBulkRunner({
      items: ['a', 'b'],
      task: (item) => {
        if (item === 'a') throw new Error('boom');
        return Promise.reject(new Error(''));
      },
    });
    const final = await runner.start();
    expect(final.items.map((r) => r.state)).toEqual([
      expect.objectContaining({ status: 'failed', reason: 'boom' }),
      expect.objectContaining({ status: 'failed', reason: 'An unexpected error occurred.' }),
    ]);
  });

  it('skips items the pre-check refuses, with why, without running them', async () => {
    const task = vi.fn(async (_item: string) => undefined);
    const runner = createBulkRunner({
      items: ['mine', 'theirs', 'other'],
      task,
      skip: (item) => (item === 'mine' ? 'your own Super Admin role' : null),
    });
    const final = await runner.start();
    expect(task.mock.calls.map(([item]) => item)).toEqual(['theirs', 'other']);
    expect(final.items[0]!.state).toEqual({ status: 'skipped', reason: 'your own Super Admin role' });
    expect(final.counts).toMatchObject({ done: 2, skipped: 1, settled: 3 });
  });

  it('skips an item whose task found nothing to do (resolved with skipped), with its reason', async () => {
    const runner = createBulkRunner({
      items: ['stale', 'fresh'],
      task: async (item: string) => (item === 'fresh' ? skipped('already meets it') : { saved: item }),
    });
    const final = await runner.start();
    expect(final.items.map((r) => r.state)).toEqual([{ status: 'done' }, { status: 'skipped', reason: 'already meets it' }]);
    expect(final.counts).toMatchObject({ done: 1, skipped: 1, settled: 2 });
    // Nothing failed: a retry has nothing to run.
    expect((await runner.retryFailed()).counts).toMatchObject({ done: 1, skipped: 1 });
  });

  it('retries only the failed items, keeping what was done and skipped', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(4), task: c.task, skip: (item) => (item === 't4' ? 'already suspended' : null) });
    const first = runner.start();
    await flush();
    await c.fail('t1', new Error('timeout'));
    await c.succeed('t2');
    await c.fail('t3', new Error('conflict'));
    expect(statuses(await first)).toEqual(['t1:failed', 't2:done', 't3:failed', 't4:skipped']);
    c.task.mockClear();

    const retry = runner.retryFailed();
    await flush();
    expect(c.task.mock.calls.map(([item]) => item)).toEqual(['t1', 't3']);
    expect(statuses(runner.getSnapshot())).toEqual(['t1:running', 't2:done', 't3:running', 't4:skipped']);
    await c.succeed('t1');
    await c.fail('t3', new Error('still conflicting'));
    const second = await retry;
    expect(statuses(second)).toEqual(['t1:done', 't2:done', 't3:failed', 't4:skipped']);
    expect(second.items[2]!.state).toMatchObject({ reason: 'still conflicting' });
  });

  it('cancel: what has not started never runs and is listed as cancelled; what was in flight finishes and is recorded', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(7), task: c.task });
    const done = runner.start();
    await flush();
    await c.succeed('t1'); // t5 starts
    runner.cancel();
    expect(runner.getSnapshot()).toMatchObject({ phase: 'running', cancelRequested: true });
    expect(statuses(runner.getSnapshot())).toEqual(['t1:done', 't2:running', 't3:running', 't4:running', 't5:running', 't6:cancelled', 't7:cancelled']);

    await c.succeed('t2');
    await c.fail('t3', new Error('nope'));
    await c.succeed('t4');
    expect(runner.getSnapshot().phase).toBe('running');
    await c.succeed('t5');
    const final = await done;
    expect(c.started()).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(final.phase).toBe('finished');
    expect(statuses(final)).toEqual(['t1:done', 't2:done', 't3:failed', 't4:done', 't5:done', 't6:cancelled', 't7:cancelled']);
    expect(final.counts).toMatchObject({ done: 4, failed: 1, cancelled: 2, settled: 7 });
  });

  it('cancel between passes and before start changes nothing', async () => {
    const task = vi.fn(async () => undefined);
    const runner = createBulkRunner({ items: ['a'], task });
    runner.cancel();
    expect(runner.getSnapshot().phase).toBe('idle');
    const final = await runner.start();
    runner.cancel();
    expect(statuses(final)).toEqual(['a:done']);
    expect(runner.getSnapshot()).toBe(final);
  });

  it('notifies subscribers with a new snapshot per change, the same object in between', async () => {
    const c = controlledTask();
    const runner = createBulkRunner({ items: names(2), task: c.task });
    const seen: BulkSnapshot<string>[] = [];
    const unsubscribe = runner.subscribe(() => seen.push(runner.getSnapshot()));
    expect(runner.getSnapshot()).toBe(runner.getSnapshot());
    const done = runner.start();
    await flush();
    await c.succeed('t1');
    await c.succeed('t2');
    await done;
    unsubscribe();
    expect(seen.at(-1)).toMatchObject({ phase: 'finished', counts: { done: 2 } });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map((s) => s.counts.settled)).toEqual([...seen.map((s) => s.counts.settled)].sort((a, b) => a - b));
  });

  it('start twice is one run; an empty list finishes at once', async () => {
    const task = vi.fn(async () => undefined);
    const runner = createBulkRunner({ items: ['a', 'b'], task });
    const [one, two] = await Promise.all([runner.start(), runner.start()]);
    expect(one).toBe(two);
    expect(task).toHaveBeenCalledTimes(2);
    const empty = await createBulkRunner<string>({ items: [], task }).start();
    expect(empty).toMatchObject({ phase: 'finished', counts: { total: 0, settled: 0 } });
  });
});

describe('serialByKey', () => {
  it('runs the work of one key one after another, in order, even after a failure; other keys at once', async () => {
    const serial = serialByKey();
    const held = new Map<string, Deferred<void>>();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`start ${name}`);
      const d = deferred();
      held.set(name, d);
      await d.promise;
      log.push(`end ${name}`);
      return name;
    };
    const a1 = serial('usr_a', work('a1'));
    const a2 = serial('usr_a', work('a2'));
    const a3 = serial('usr_a', work('a3'));
    const b1 = serial('usr_b', work('b1'));
    await flush();
    // One of usr_a's at a time; usr_b's does not wait for them.
    expect(log).toEqual(['start a1', 'start b1']);
    held.get('a1')!.reject(new ApiError(500, 'boom'));
    await expect(a1).rejects.toThrow('boom');
    await flush();
    expect(log).toEqual(['start a1', 'start b1', 'start a2']);
    held.get('a2')!.resolve();
    await expect(a2).resolves.toBe('a2');
    await flush();
    expect(log).toEqual(['start a1', 'start b1', 'start a2', 'end a2', 'start a3']);
    held.get('a3')!.resolve();
    held.get('b1')!.resolve();
    await expect(Promise.all([a3, b1])).resolves.toEqual(['a3', 'b1']);
  });

  it('through the runner at 4 at a time, two revokes of one user never overlap; other users still run beside them', async () => {
    const serial = serialByKey();
    const items = ['a1', 'b1', 'a2', 'c1', 'a3'];
    const inFlight = new Map<string, number>();
    let overlapOfOneUser = 0;
    let mostAtOnce = 0;
    let atOnce = 0;
    const revoke = async (item: string) => {
      const user = item[0]!;
      inFlight.set(user, (inFlight.get(user) ?? 0) + 1);
      atOnce += 1;
      overlapOfOneUser = Math.max(overlapOfOneUser, inFlight.get(user)!);
      mostAtOnce = Math.max(mostAtOnce, atOnce);
      await new Promise((resolve) => setTimeout(resolve, 5));
      atOnce -= 1;
      inFlight.set(user, inFlight.get(user)! - 1);
    };
    const runner = createBulkRunner({ items, task: (item) => serial(item[0]!, () => revoke(item)) });
    const final = await runner.start();
    expect(final.counts.done).toBe(5);
    expect(overlapOfOneUser).toBe(1);
    expect(mostAtOnce).toBeGreaterThan(1);
  });
});
