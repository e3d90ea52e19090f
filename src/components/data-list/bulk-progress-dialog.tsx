import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { errorMessage } from '@/components/errors/page-error';
import { cleanServerMessage } from '@/lib/api-error';
import { createBulkRunner, type BulkItemState, type BulkRunner, type BulkRunnerOptions, type BulkSnapshot } from '@/lib/bulk-runner';
import { useBlocker, type BlockerFunction } from '@/lib/navigation/app-router';

/**
 * A bulk action's progress (issue 17): opened once the admin has confirmed, it runs the task for
 * every item through the bulk runner (at most 4 at a time), shows how far it is and each row's
 * result, and offers Cancel while it runs (what has not started stays undone, and says so), then
 * "Retry failed (n)" and Close. It cannot be dismissed by a click outside or Escape while running:
 * the admin sees how it ended. `onFinished` runs after every pass (the first, a retry), so the
 * caller refreshes its list. Loaded on first use through LazyBulkProgressDialog.
 *
 * While it runs, leaving is asked about: a link or Back/Forward to another page through the
 * router's blocker ("3 of 10 done; leaving stops the rest"; Leave cancels what has not started),
 * a reload or closing the tab through `beforeunload`.
 *
 * A screen reader hears the start, the end and, on a long run, a few milestones (the status);
 * the count that moves with every answer is on the progress bar and in a line for the eyes.
 * A row's result is redrawn only when its state changes: a 1,000-row run redraws one row per answer.
 */

export interface BulkProgressDialogProps<T> extends Pick<BulkRunnerOptions<T>, 'items' | 'task' | 'skip' | 'concurrency'> {
  open: boolean;
  /** The action and its objects, e.g. "Suspend 3 tenants"; the dialog's accessible name. */
  title: string;
  /** How a row is named in the results ("Acme Corporation"). */
  itemLabel: (item: T) => string;
  /** The run (or a retry) has ended; every item is in its final state. */
  onFinished?: (snapshot: BulkSnapshot<T>) => void;
  onClose: () => void;
}

/** The runner's reason for a failure: the server's message, cleaned for people. */
const describeError = (error: unknown) => cleanServerMessage(errorMessage(error));

/** A row's result, in words. */
export function resultText(state: BulkItemState): string {
  switch (state.status) {
    case 'pending':
      return 'Waiting';
    case 'running':
      return 'In progress';
    case 'done':
      return 'Done';
    case 'failed':
      return `Failed: ${state.reason}`;
    case 'skipped':
      return `Skipped: ${state.reason}`;
    case 'cancelled':
      return 'Not started (cancelled)';
  }
}

/** Runs this long get milestones announced (a quarter, half, three quarters); shorter ones only start and end. */
export const MILESTONE_MIN_ITEMS = 40;
const MILESTONES = ['', 'a quarter', 'half', 'three quarters'] as const;

/**
 * What the status (a live region) says while a pass runs: the same words from one answer to the
 * next, so a screen reader is not read every step, only the start and each milestone passed.
 */
function runningText({ counts, phase, cancelRequested }: BulkSnapshot<unknown>): string {
  // Empty until the run starts, just after the dialog appears: the start is then a change, and is read.
  if (phase === 'idle') return '';
  if (cancelRequested) return 'Cancelling: waiting for the requests already sent.';
  const quarter = counts.total >= MILESTONE_MIN_ITEMS ? Math.min(3, Math.floor((counts.settled * 4) / counts.total)) : 0;
  return quarter > 0 ? `In progress: ${MILESTONES[quarter]} finished.` : 'In progress.';
}

/** "2 done, 1 failed, 1 skipped": only the counts that are not zero. */
function summaryText({ counts }: BulkSnapshot<unknown>): string {
  const parts = [
    counts.done ? `${counts.done} done` : '',
    counts.failed ? `${counts.failed} failed` : '',
    counts.skipped ? `${counts.skipped} skipped` : '',
    counts.cancelled ? `${counts.cancelled} not started` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

export function BulkProgressDialog<T>({ open, items, task, skip, concurrency, ...rest }: BulkProgressDialogProps<T>) {
  // One runner per opening, with the items and task of that moment (adjusting state while rendering).
  const [runner, setRunner] = useState<BulkRunner<T> | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setRunner(createBulkRunner({ items, task, skip, concurrency, describeError }));
  }
  return runner ? <RunDialog runner={runner} open={open} {...rest} /> : null;
}

function RunDialog<T>({
  runner,
  open,
  title,
  itemLabel,
  onFinished,
  onClose,
}: Pick<BulkProgressDialogProps<T>, 'open' | 'title' | 'itemLabel' | 'onFinished' | 'onClose'> & { runner: BulkRunner<T> }) {
  const titleId = useId();
  const resultsId = useId();
  const snapshot = useSyncExternalStore(runner.subscribe, runner.getSnapshot);
  const { counts, phase, cancelRequested } = snapshot;
  const running = phase !== 'finished';
  // The latest onFinished, called when a pass (the run, a retry) ends, from its promise.
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });
  const finished = (final: BulkSnapshot<T>) => onFinishedRef.current?.(final);
  // start() is one run however often it is called (StrictMode runs effects twice).
  useEffect(() => {
    void runner.start().then((final) => onFinishedRef.current?.(final));
  }, [runner]);

  // The button that disappears (Cancel, Retry) must not leave the focus on nothing.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    if (phase === 'finished') closeRef.current?.focus();
    else if (phase === 'running') cancelRef.current?.focus();
  }, [open, phase]);

  const retry = () => void runner.retryFailed().then(finished);
  const progress = `${counts.settled} of ${counts.total}`;
  const summary = summaryText(snapshot as BulkSnapshot<unknown>);

  return (
    <>
      <Dialog
        open={open}
        onClose={() => {
          if (!running) onClose();
        }}
        aria-labelledby={titleId}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <LinearProgress
            variant="determinate"
            value={counts.total ? (counts.settled / counts.total) * 100 : 100}
            aria-label={`${title}: progress`}
            aria-valuemin={0}
            aria-valuemax={counts.total}
            aria-valuenow={counts.settled}
            aria-valuetext={progress}
          />
          <Typography role="status" variant="body2" sx={{ mt: 1 }}>
            {running ? runningText(snapshot as BulkSnapshot<unknown>) : `Finished: ${summary || 'nothing to do'}.`}
          </Typography>
          {running ? (
            // For the eyes: the progress bar says the same to a screen reader, without reading every step aloud.
            <Typography aria-hidden variant="body2" color="textSecondary">
              {progress} finished.
            </Typography>
          ) : null}
          <Typography id={resultsId} component="h3" variant="subtitle2" sx={{ mt: 2 }}>
            Results
          </Typography>
          <ul aria-labelledby={resultsId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {snapshot.items.map(({ item, state }, i) => (
              <ResultRow<T> key={i} item={item} state={state} itemLabel={itemLabel} />
            ))}
          </ul>
        </DialogContent>
        <DialogActions>
          {running ? (
            <Button ref={cancelRef} onClick={runner.cancel}>
              {cancelRequested ? 'Cancelling…' : 'Cancel'}
            </Button>
          ) : (
            <>
              {counts.failed > 0 ? <Button onClick={retry}>Retry failed ({counts.failed})</Button> : null}
              <Button ref={closeRef} variant="contained" onClick={onClose}>
                Close
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
      {open && running ? <LeaveGuard done={counts.settled} total={counts.total} onLeave={runner.cancel} /> : null}
    </>
  );
}

interface ResultRowProps<T> {
  item: T;
  state: BulkItemState;
  itemLabel: (item: T) => string;
}

/**
 * One row's result. The runner keeps an item's state object until that item changes, so this is
 * redrawn only for the row an answer was about (and when the caller's labels change, e.g. names
 * that came in).
 */
const ResultRow = memo(function ResultRow<T>({ item, state, itemLabel }: ResultRowProps<T>) {
  return (
    <Typography component="li" variant="body2" sx={{ py: 0.5 }}>
      {itemLabel(item)}:{' '}
      <Typography
        component="span"
        variant="body2"
        color={state.status === 'failed' ? 'error' : state.status === 'done' ? 'textPrimary' : 'textSecondary'}
      >
        {resultText(state)}
      </Typography>
    </Typography>
  );
}) as <T>(props: ResultRowProps<T>) => ReactNode;

/** Only the path counts as leaving: a filter or page of the same list keeps the run on screen. */
const leavesThePage: BlockerFunction = ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname;

/**
 * Mounted while a run is in progress: asks before another page (the run stops there: what has
 * not started is cancelled), and has the browser ask before a reload or closing the tab.
 */
function LeaveGuard({ done, total, onLeave }: { done: number; total: number; onLeave: () => void }) {
  const blocker = useBlocker(leavesThePage);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  const stay = useCallback(() => blocker.reset?.(), [blocker]);
  const leave = useCallback(() => {
    onLeave();
    blocker.proceed?.();
  }, [blocker, onLeave]);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave while this runs?"
      cancelLabel="Stay"
      confirmLabel="Leave"
      onConfirm={leave}
      onCancel={stay}
      // Leaving moves the page on; staying is onCancel.
      onClose={() => undefined}
    >
      {`${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} done; leaving stops the rest. Requests already sent still finish.`}
    </ConfirmDialog>
  );
}
