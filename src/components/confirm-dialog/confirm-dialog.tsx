import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '@/components/errors/page-error';

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
  /** Called on Cancel, Escape, or after a successful confirm. Not called while pending. */
  onClose: () => void;
  /** Turns the rejection into the message shown inside the dialog. */
  describeError?: (error: unknown) => string;
}

/** The one confirmation for destructive actions. Cancel has the initial focus. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = true,
  onConfirm,
  onClose,
  describeError = errorMessage,
}: ConfirmDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A dialog opened again starts clean (adjusting state while rendering, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setError(null);
      setPending(false);
    }
  }

  const close = () => {
    if (!pending) onClose();
  };

  const confirm = async () => {
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
      maxWidth="xs"
      fullWidth
      // Cancel gets the initial focus: the safe choice is the one Enter hits.
      slotProps={{ transition: { onEntering: () => cancelRef.current?.focus() } }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children ? (
          <DialogContentText id={descriptionId} component="div">
            {children}
          </DialogContentText>
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
        <Button
          onClick={() => void confirm()}
          disabled={pending}
          loading={pending}
          loadingPosition="start"
          variant="contained"
          color={destructive ? 'error' : 'primary'}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
