import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { use, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '@/components/errors/page-error';
import { cleanServerMessage } from '@/lib/api-error';
import { CSV_BOM, csvHeader, csvRows, type CsvColumn } from '@/lib/csv';
import { notify } from '@/lib/notifications';
import type { ListNoun } from './data-list';

/**
 * The dialog behind CsvExportButton, loaded the first time someone clicks it. It pages through the
 * server PER_PAGE rows at a time, turning each page into CSV text as it arrives (the pages stay
 * separate strings and go to the Blob as parts: no giant string is built, let alone rebuilt) and
 * awaiting between pages, so the tab stays responsive. A failed page keeps what was fetched and
 * Retry continues from that page; Cancel aborts the request in flight. The fetchPage, columns and
 * cap of the moment it opened serve the whole run, so a filter changed meanwhile does not mix in.
 */

export const PER_PAGE = 100;

/** What the rows of an export are and where they come from. */
export interface CsvSource<T> {
  columns: readonly CsvColumn<T>[];
  /**
   * One page of the rows to export, 1-based, with the same filter as the screen. `total` null when
   * the server does not say; then paging stops at a short page (or the cap). With a total, it goes
   * on until the total is in (or an empty page comes), however many rows each page holds.
   * Pass `signal` to the request: Cancel aborts it.
   */
  fetchPage: (page: number, perPage: number, signal: AbortSignal) => Promise<{ items: T[]; total: number | null }>;
}

/** What CsvExportButton passes on to its dialog, defaults applied. */
export interface CsvExportOptions<T> extends CsvSource<T> {
  /** The name the file is saved under ("audit-log-2025-05-01.csv"). */
  filename: string;
  /** The most rows one file holds. */
  cap: number;
  /** The count the screen already shows, when it has one: past the cap, nothing is fetched at all. */
  total?: number | null;
  /** What a row is, for the texts ("1,200 of 3,400 entries"). */
  noun: ListNoun;
}

export interface CsvExportDialogProps<T> extends CsvExportOptions<T> {
  open: boolean;
  onClose: () => void;
}

type Status =
  | { kind: 'fetching' }
  | { kind: 'failed'; page: number; message: string }
  | { kind: 'too-many'; total: number };

/** One export: where it is, and the CSV of the pages fetched so far. */
interface Run<T> {
  /** What it was started with, kept for Retry and the file. */
  options: Pick<CsvExportOptions<T>, 'fetchPage' | 'columns' | 'cap'>;
  controller: AbortController;
  /** The next page to fetch (the failed one after an error). */
  page: number;
  chunks: string[];
  fetched: number;
  total: number | null;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Saves the file the way browsers allow a script to: a temporary link with `download`. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url));
}

interface PagingHandlers {
  /** A page arrived; the run's counts are updated. */
  progress: () => void;
  /** The page `run.page` failed (not aborted). */
  failed: (error: unknown) => void;
  /** The first page says the filter matches more than the cap. */
  tooMany: (total: number) => void;
  done: () => void;
}

/**
 * Whether the page just added was the last: the total or the cap is reached, or an empty page
 * came. A short page ends the run only when the total is unknown: a server may serve fewer rows
 * per page than asked (one capping per_page at 50 still counts the same total), and the pages
 * go on, in its page size, until the total is in.
 */
function isLastPage(pageRows: number, fetched: number, total: number | null, cap: number): boolean {
  if (pageRows === 0 || fetched >= cap) return true;
  return total === null ? pageRows < PER_PAGE : fetched >= total;
}

/**
 * Fetches from `run.page` on, until the last page (isLastPage), adding each page's CSV to
 * the run. Awaits between pages, so the tab stays responsive. Once aborted it reports nothing.
 */
async function pageThrough<T>(run: Run<T>, on: PagingHandlers): Promise<void> {
  const { fetchPage, columns, cap } = run.options;
  const { signal } = run.controller;
  for (;;) {
    let result: { items: T[]; total: number | null };
    try {
      result = await fetchPage(run.page, PER_PAGE, signal);
    } catch (error) {
      if (!signal.aborted) on.failed(error);
      return;
    }
    if (signal.aborted) return;
    if (run.fetched === 0 && result.total !== null && result.total > cap) {
      on.tooMany(result.total);
      return;
    }
    const items = result.items.slice(0, cap - run.fetched);
    run.chunks.push(csvRows(columns, items));
    run.fetched += items.length;
    run.total = result.total;
    on.progress();
    if (isLastPage(result.items.length, run.fetched, run.total, cap)) {
      on.done();
      return;
    }
    run.page += 1;
  }
}

export function CsvExportDialog<T>({ open, onClose, filename, columns, fetchPage, total, cap, noun }: CsvExportDialogProps<T>) {
  const titleId = useId();
  const messageId = useId();
  const run = useRef<Run<T> | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'fetching' });
  const [shown, setShown] = useState<{ fetched: number; total: number | null }>({ fetched: 0, total: null });

  // A dialog opened again starts clean (adjusting state while rendering, not in an effect).
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      const known = total ?? null;
      setStatus(known !== null && known > cap ? { kind: 'too-many', total: known } : { kind: 'fetching' });
      setShown({ fetched: 0, total: known });
    }
  }

  const finish = (current: Run<T>) => {
    const { columns, cap } = current.options;
    const blob = new Blob([CSV_BOM, csvHeader(columns), ...current.chunks], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, filename);
    const rows = `${count(current.fetched)} ${current.fetched === 1 ? noun.one : noun.many}`;
    // Cut when the cap stopped the paging while the server had (or may have had) more.
    const cut = current.fetched >= cap && (current.total === null || current.total > current.fetched);
    if (cut) {
      notify(
        `Downloaded ${rows}. The file was cut at ${count(cap)}, the most one download holds: narrow the filter to get the rest.`,
        'warning',
      );
    } else {
      notify(`Downloaded ${rows}.`, 'success');
    }
    run.current = null;
    onClose();
  };

  const continueRun = (current: Run<T>) =>
    pageThrough(current, {
      progress: () => setShown({ fetched: current.fetched, total: current.total }),
      failed: (error) => setStatus({ kind: 'failed', page: current.page, message: cleanServerMessage(errorMessage(error)) }),
      tooMany: (matched) => {
        run.current = null;
        setStatus({ kind: 'too-many', total: matched });
      },
      done: () => finish(current),
    });

  const start = useEffectEvent(() => {
    if (total != null && total > cap) return;
    const current: Run<T> = {
      options: { fetchPage, columns, cap },
      controller: new AbortController(),
      page: 1,
      chunks: [],
      fetched: 0,
      total: total ?? null,
    };
    run.current = current;
    void continueRun(current);
  });

  useEffect(() => {
    if (!open) return;
    start();
    return () => {
      run.current?.controller.abort();
      run.current = null;
    };
  }, [open]);

  const retry = () => {
    const current = run.current;
    if (!current) return;
    current.controller = new AbortController();
    setStatus({ kind: 'fetching' });
    void continueRun(current);
  };

  const cancel = () => {
    run.current?.controller.abort();
    run.current = null;
    onClose();
  };

  const known = shown.total;
  const progressText =
    known !== null
      ? `${count(shown.fetched)} of ${count(known)} ${known === 1 ? noun.one : noun.many}`
      : `${count(shown.fetched)} ${noun.many} so far`;

  return (
    <Dialog
      open={open}
      onClose={(_event, reason) => {
        // A stray click beside the dialog should not throw away a long download; Escape cancels.
        if (reason !== 'backdropClick') cancel();
      }}
      aria-labelledby={titleId}
      aria-describedby={messageId}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id={titleId}>{status.kind === 'too-many' ? 'Too many rows for one download' : 'Downloading CSV'}</DialogTitle>
      <DialogContent>
        {status.kind === 'too-many' ? (
          <Typography id={messageId}>
            This filter matches {count(status.total)} {noun.many}; a download is limited to {count(cap)}. Narrow the filter (for
            example the time range) and try again.
          </Typography>
        ) : (
          <>
            <Typography id={messageId} sx={{ mb: 2 }}>
              {progressText}
            </Typography>
            <LinearProgress
              aria-label="Download progress"
              aria-valuetext={known !== null ? progressText : undefined}
              variant={known !== null ? 'determinate' : 'indeterminate'}
              value={known === null ? undefined : known === 0 ? 100 : Math.min(100, (shown.fetched / known) * 100)}
            />
            {status.kind === 'failed' ? (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                <div>
                  Page {count(status.page)} could not be loaded: {status.message}
                </div>
                {shown.fetched > 0 ? (
                  <div>
                    Retry continues from that page; the {count(shown.fetched)} {noun.many} fetched so far are kept.
                  </div>
                ) : null}
              </Alert>
            ) : null}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {status.kind === 'too-many' ? (
          <Button onClick={cancel}>Close</Button>
        ) : (
          <>
            <Button onClick={cancel}>Cancel</Button>
            {status.kind === 'failed' ? (
              <Button variant="contained" onClick={retry}>
                Retry
              </Button>
            ) : null}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

export interface LoadingCsvExportDialogProps<T> extends Omit<CsvExportDialogProps<T>, keyof CsvSource<T>> {
  /** The columns and fetchPage, still loading (CsvExportButton's `load`); the dialog opens once they are in. */
  source: Promise<CsvSource<T>>;
}

/** The dialog once its source has loaded: until then it suspends (lazyDialog's Suspense shows nothing). */
export function LoadingCsvExportDialog<T>({ source, ...props }: LoadingCsvExportDialogProps<T>) {
  const { columns, fetchPage } = use(source);
  return <CsvExportDialog<T> {...props} columns={columns} fetchPage={fetchPage} />;
}
