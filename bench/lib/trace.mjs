// Reading a Chromium trace (Playwright's browser.startTracing): pure, tested in trace.test.mjs.

/**
 * From a Chromium trace: the work of the page's main thread (the renderer that drew the names;
 * ours signs in through the stand-in's page in that same process, the same site) from the top-level
 * navigation's start up to the probes' `bench:names` mark. `busy` sums the tasks' wall time,
 * `cpu` their thread time (what load from other processes inflates less), `tbt` the total
 * blocking time in that window (each task's wall time beyond 50 ms). Null when the mark is not in
 * the trace.
 */
export function mainThreadUntil(trace, markName = 'bench:names') {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === markName);
  if (!mark) return { busy: null, cpu: null, tbt: null, longTasks: null };
  const onThread = (e) => e.pid === mark.pid && e.tid === mark.tid;
  const end = mark.ts;
  const navigation = events.find((e) => onThread(e) && e.name === 'navigationStart' && e.args?.data?.documentLoaderURL);
  const start = navigation?.ts ?? -Infinity;
  const tasks = events
    .filter((e) => e.ph === 'X' && onThread(e) && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
    .filter((e) => e.ts < end && e.ts + (e.dur ?? 0) > start)
    .sort((a, b) => a.ts - b.ts);
  let busy = 0;
  let cpu = 0;
  let tbt = 0;
  let longTasks = 0;
  let reach = start;
  for (const t of tasks) {
    const from = Math.max(t.ts, reach);
    const to = Math.min(t.ts + (t.dur ?? 0), end);
    if (to <= from) continue; // nested in a task already counted, or outside the window
    reach = to;
    const dur = (to - from) / 1000;
    busy += dur;
    cpu += t.dur ? ((t.tdur ?? t.dur) * (to - from)) / t.dur / 1000 : 0;
    if (dur > 50) {
      tbt += dur - 50;
      longTasks += 1;
    }
  }
  return { busy, cpu, tbt, longTasks };
}
