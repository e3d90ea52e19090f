import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '@/components/errors/page-error';

// Most confirmations ask for no typing: the text field's code loads only for those that do.
const TypedConfirmationField = lazy(() => import('./typed-confirmation-field').then((m) => ({ default: m.TypedConfirmationField })));

export interface ConfirmDialogProps {
  open: boolean;
  /** Names the object: "Revoke Tenant Admin from Ana Lima?" Also the dialog's accessible name. */
  title: string;
  /** What will happen, in a sentence or two. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive actions get the error colour. */
  destructive?: boolean;
  /**
   * Runs the action. The dialog shows the pending state while the promise runs, closes only when
   * it resolves, and stays open with the error inside when it rejects. Pass `mutateAsync` of a
   * mutation with `meta: { errorShownInline: true }` so the error is not also shown as a snackbar.
   */
  onConfirm: () => Promise<unknown> | unknown;
  /** Called after a successful confirm, and on Cancel or Escape unless `onCancel` is given. Not while pending. */
  onClose: () => void;
  /** Cancel and Escape, when they mean something else than closing (e.g. "Stay on this page"). */
  onCancel?: () => void;
  /** Turns the rejection into the message shown inside the dialog. */
  describeError?: (error: unknown) => string;
  /**
   * For what cannot be undone: the confirm button is enabled only once this value is typed
   * (e.g. the tenant's slug, the admin's email) into a field with this label.
   */
  typedConfirmation?: { label: string; expected: string };
  /** A third choice between Cancel and confirm ("Reload their version"); closes nothing by itself. */
  secondaryAction?: { label: string; onClick: () => void };
  maxWidth?: 'xs' | 'sm';
  /** The dialog has finished closing (its transition ended): e.g. for a dialog that follows it. */
  onExited?: () => void;
}

/**
 * The one confirmation dialog: destructive actions, a typed confirmation for what cannot be
 * undone, a small form inside (children), a third choice. Cancel has the initial focus; Enter in
 * the typed field confirms once it matches.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = true,
  onConfirm,
  onClose,
  onCancel,
  describeError = errorMessage,
  typedConfirmation,
  secondaryAction,
  maxWidth = 'xs',
  onExited,
}: ConfirmDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');

  // A dialog opened again starts clean (adjusting state while rendering, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setError(null);
      setPending(false);
      setTyped('');
    }
  }
  const confirmable = !typedConfirmation || typed.trim() === typedConfirmation.expected;

  const close = () => {
    if (!pending) (onCancel ?? onClose)();
  };

  const confirm = async () => {
    if (pending || !confirmable) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      onClose();
    } catch (caught) {
      setPending(false);
      setError(describeError(caught));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      aria-describedby={children ? descriptionId : undefined}
      maxWidth={maxWidth}
      fullWidth
      // Cancel gets the initial focus: the safe choice is the one Enter hits.
      slotProps={{ transition: { onEntering: () => cancelRef.current?.focus(), onExited } }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <DialogContent>
          {children ? (
            <DialogContentText id={descriptionId} component="div">
              {children}
            </DialogContentText>
          ) : null}
          {typedConfirmation ? (
            <Suspense fallback={null}>
              <TypedConfirmationField label={typedConfirmation.label} value={typed} onChange={setTyped} disabled={pending} />
            </Suspense>
          ) : null}
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: children ? 2 : 0 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button ref={cancelRef} onClick={close} disabled={pending}>
            {cancelLabel}
          </Button>
          {secondaryAction ? (
            <Button onClick={secondaryAction.onClick} disabled={pending}>
              {secondaryAction.label}
            </Button>
          ) : null}
          <Button
            type="submit"
            disabled={pending || !confirmable}
            loading={pending}
            loadingPosition="start"
            variant="contained"
            color={destructive ? 'error' : 'primary'}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
