import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useRef } from 'react';
import { changeText, type ChangeRow } from '@/utils/change-words';

export interface SaveReviewDialogProps {
  open: boolean;
  tenantName: string;
  /** Each changed field, before → after (settings-changes.ts). */
  rows: ChangeRow[];
  onConfirm: () => void;
  /** Back to the form, everything typed kept. */
  onCancel: () => void;
  /** The dialog has finished closing: a dialog that follows it (the conflict view) may open. */
  onExited?: () => void;
}

/**
 * The review before a save: every field the save changes, before → after in the audit log's
 * words. Confirm saves; Cancel goes back to the form as it was typed. With nothing changed it
 * says so, and offers only the way back.
 */
export function SaveReviewDialog({ open, tenantName, rows, onConfirm, onCancel, onExited }: SaveReviewDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const changed = rows.length > 0;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      maxWidth="sm"
      fullWidth
      slotProps={{ transition: { onEntering: () => cancelRef.current?.focus(), onExited } }}
    >
      <DialogTitle id={titleId}>{changed ? `Save changes to ${tenantName}’s security settings?` : 'Nothing to save'}</DialogTitle>
      <DialogContent>
        <Typography id={descriptionId}>
          {changed
            ? rows.length === 1
              ? 'This field changes:'
              : `These ${rows.length} fields change:`
            : 'The form holds the security settings as they were loaded: nothing has changed.'}
        </Typography>
        {changed ? (
          <>
            <Typography component="ul" aria-label="Changes" sx={{ my: 1, pl: 3 }}>
              {rows.map((row) => (
                <li key={row.path}>{changeText(row)}</li>
              ))}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Settings this console does not edit are kept as they are.
            </Typography>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button ref={cancelRef} onClick={onCancel}>
          Back to the form
        </Button>
        {changed ? (
          <Button variant="contained" onClick={onConfirm}>
            Confirm
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
