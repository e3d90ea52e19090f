import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import type { BulkProgressDialogProps } from './bulk-progress-dialog';
import { LazyBulkProgressDialog } from './lazy-bulk-progress-dialog';

export interface BulkRunDialogsProps<T> extends Pick<BulkProgressDialogProps<T>, 'items' | 'task' | 'skip' | 'itemLabel' | 'concurrency'> {
  open: boolean;
  /** The action and its objects ("Suspend 3 tenants"): the confirmation asks it, its button and the progress dialog say it. */
  title: string;
  destructive?: boolean;
  /** The confirmation's width; default xs. */
  maxWidth?: 'xs' | 'sm';
  /** What will happen, and any choice to make first: the confirmation's text. */
  children: ReactNode;
  /**
   * Confirmed: a rejection stays in the confirmation with its message (e.g. a date to choose) and
   * nothing runs. Optional.
   */
  onConfirm?: () => Promise<unknown> | unknown;
  /** A pass (the run, a retry) has ended: refresh the lists. */
  onFinished: (snapshot: BulkSnapshot<T>) => void;
  /** Cancelled at the confirmation (null), or closed after a run with its last results. */
  onClose: (results: BulkSnapshot<T> | null) => void;
}

/**
 * A bulk action's confirmation, then its progress dialog (issue 17): confirm "Suspend 3 tenants?",
 * then run the task for every item, at most 4 at a time, listing each one's result. Meant to be
 * loaded with the dialogs of a list's bulk actions, on the first click.
 */
export function BulkRunDialogs<T>({ open, title, destructive = true, maxWidth, children, onConfirm, onFinished, onClose, ...run }: BulkRunDialogsProps<T>) {
  const [running, setRunning] = useState(false);
  const [last, setLast] = useState<BulkSnapshot<T> | null>(null);
  // Opened again: start at the confirmation (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRunning(false);
      setLast(null);
    }
  }

  return (
    <>
      <ConfirmDialog
        open={open && !running}
        title={`${title}?`}
        confirmLabel={title}
        destructive={destructive}
        onConfirm={async () => {
          await onConfirm?.();
          setRunning(true);
        }}
        // After confirming, running is already set: closing then leaves the progress dialog open.
        onClose={() => undefined}
        onCancel={() => onClose(null)}
        maxWidth={maxWidth}
      >
        {children}
      </ConfirmDialog>
      <LazyBulkProgressDialog<T>
        {...run}
        open={open && running}
        title={title}
        onFinished={(snapshot) => {
          setLast(snapshot);
          onFinished(snapshot);
        }}
        onClose={() => onClose(last)}
      />
    </>
  );
}
