import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import type { BulkProgressDialogProps } from './bulk-progress-dialog';
import { LazyBulkProgressDialog, preloadBulkProgressDialog } from './lazy-bulk-progress-dialog';

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
  /**
   * Where the focus goes on close when the button that opened the dialogs is gone (a run that
   * changed every selected row clears the selection, and the bar goes with its buttons). Default:
   * the table of the list around that button, else the list's heading (its empty state), else the
   * page's h1.
   */
  focusAfter?: () => HTMLElement | null | undefined;
}

/** The nearest element around `from` that holds a table: the list the bulk bar belongs to. */
function listAround(from: Element | null): Element | null {
  for (let node = from?.parentElement ?? null; node && node !== document.body; node = node.parentElement) {
    if (node.querySelector('table')) return node;
  }
  return null;
}

/** What stays on the page to take the focus: the list's table or heading, else the page's h1. */
function defaultFocusTarget(list: Element | null): HTMLElement | null {
  const inList = list?.isConnected ? list.querySelector<HTMLElement>('table, h2') : null;
  return inList ?? document.querySelector<HTMLElement>('main h1, h1');
}

/** The focus is nowhere useful: on the page itself, on a removed element, or still in a dialog that is closing. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.closest('[role="dialog"]') !== null;
}

function moveFocus(target: HTMLElement) {
  // A table or a heading takes the focus only from code, and is then announced with its name.
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * A bulk action's confirmation, then its progress dialog (issue 17): confirm "Suspend 3 tenants?",
 * then run the task for every item, at most 4 at a time, listing each one's result. Meant to be
 * loaded with the dialogs of a list's bulk actions, on the first click.
 *
 * On close the focus goes back to the button that opened it, or, when the run took that button
 * away with the selection, to something that stays (`focusAfter`): never to the page's body.
 */
export function BulkRunDialogs<T>({
  open,
  title,
  destructive = true,
  maxWidth,
  children,
  onConfirm,
  onFinished,
  onClose,
  focusAfter,
  ...run
}: BulkRunDialogsProps<T>) {
  const [running, setRunning] = useState(false);
  // The confirmation has finished closing: only then does the progress dialog open. Two MUI
  // modals swapping at once (one closing, one opening) could leave the new one aria-hidden,
  // out of reach of screen readers and of every query by role (seen once in 60 e2e runs).
  const [confirmGone, setConfirmGone] = useState(false);
  const [last, setLast] = useState<BulkSnapshot<T> | null>(null);
  // Opened again: start at the confirmation (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRunning(false);
      setConfirmGone(false);
      setLast(null);
    }
  }

  // The list around the button that opened the dialogs, found while that button has the focus
  // (before the confirmation takes it).
  const list = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (open) list.current = listAround(document.activeElement);
  }, [open]);
  // While the confirmation is read, the progress dialog's code comes: confirming opens it at once,
  // with no moment between the two dialogs where neither is on screen.
  useEffect(() => {
    if (open) preloadBulkProgressDialog();
  }, [open]);
  // Closed: the dialog has tried to give the focus back to that button; if it is gone, somewhere that stays.
  const wasOpenRef = useRef(open);
  const focusAfterRef = useRef(focusAfter);
  useEffect(() => {
    focusAfterRef.current = focusAfter;
  });
  useEffect(() => {
    const closed = wasOpenRef.current && !open;
    wasOpenRef.current = open;
    if (!closed || !focusLost()) return;
    const target = focusAfterRef.current?.() ?? defaultFocusTarget(list.current);
    if (target) moveFocus(target);
  }, [open]);

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
        onExited={() => setConfirmGone(true)}
        maxWidth={maxWidth}
      >
        {children}
      </ConfirmDialog>
      <LazyBulkProgressDialog<T>
        {...run}
        open={open && running && confirmGone}
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
