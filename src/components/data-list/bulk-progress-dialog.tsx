import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { errorMessage } from '@/components/errors/page-error';
import { cleanServerMessage } from '@/lib/api-error';
import { createBulkRunner, type BulkItemState, type BulkRunner, type BulkRunnerOptions, type BulkSnapshot } from '@/lib/bulk-runner';

/**
 * A bulk action's progress (issue 17): opened once the admin has confirmed, it runs the task for
 * every item through the bulk runner (at most 4 at a time), shows how far it is and each row's
 * result, and offers Cancel while it runs (what has not started stays undone, and says so), then
 * "Retry failed (n)" and Close. It cannot be dismissed by a click outside or Escape while running:
 * the admin sees how it ended. `onFinished` runs after every pass (the first, a retry), so the
 * caller refreshes its list. Loaded on first use through LazyBulkProgressDialog.
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
          {running
            ? cancelRequested
              ? `Cancelling: ${progress} finished, waiting for the requests already sent.`
              : `${progress} finished.`
            : `Finished: ${summary || 'nothing to do'}.`}
        </Typography>
        <Typography id={resultsId} component="h3" variant="subtitle2" sx={{ mt: 2 }}>
          Results
        </Typography>
        <ul aria-labelledby={resultsId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {snapshot.items.map(({ item, state }, i) => (
            <Typography component="li" variant="body2" key={i} sx={{ py: 0.5 }}>
              {itemLabel(item)}:{' '}
              <Typography
                component="span"
                variant="body2"
                color={state.status === 'failed' ? 'error' : state.status === 'done' ? 'textPrimary' : 'textSecondary'}
              >
                {resultText(state)}
              </Typography>
            </Typography>
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
  );
}
