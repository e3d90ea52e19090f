import { describe, expect, it } from 'vitest';
import { mainThreadUntil } from './trace.mjs';

const task = (ts, dur, tdur = dur, pid = 1, tid = 1) => ({ ph: 'X', name: 'ThreadControllerImpl::RunTask', pid, tid, ts, dur, tdur });

describe('main thread work from a trace', () => {
  it('sums the page thread tasks from the navigation to the mark, clipped, with the blocking time beyond 50 ms', () => {
    const events = [
      task(0, 30_000), // before the navigation: not counted
      { ph: 'R', name: 'navigationStart', pid: 1, tid: 1, ts: 100_000, args: { data: { documentLoaderURL: 'http://x/' } } },
      task(110_000, 80_000, 40_000), // 80 ms wall, 40 ms CPU: blocks 30 ms
      task(120_000, 10_000), // nested in the one before
      task(200_000, 20_000, 20_000, 2, 2), // another process: not counted
      task(250_000, 100_000), // crosses the mark at 300 ms: 50 ms counted, not blocking
      { ph: 'I', name: 'bench:names', pid: 1, tid: 1, ts: 300_000 },
      task(310_000, 500_000), // after the mark
    ];
    const r = mainThreadUntil({ traceEvents: events });
    expect(r.busy).toBeCloseTo(130);
    expect(r.cpu).toBeCloseTo(90);
    expect(r.tbt).toBeCloseTo(30);
    expect(r.longTasks).toBe(1);
  });

  it('gives nulls when the names never showed', () => {
    expect(mainThreadUntil({ traceEvents: [task(0, 100_000)] })).toEqual({ busy: null, cpu: null, tbt: null, longTasks: null });
  });
});
