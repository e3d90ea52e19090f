import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';

export interface UnsavedChangesDialogProps {
  open: boolean;
  onStay: () => void;
  onLeave: () => void;
}

/** "Leave without saving?": Stay on this page (the focused, safe choice) or Leave without saving. */
export function UnsavedChangesDialog({ open, onStay, onLeave }: UnsavedChangesDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Dialog open={open} onClose={onStay} aria-labelledby={titleId} aria-describedby={descriptionId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Leave without saving?</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>
          You have changes that are not saved. If you leave this page now, they are lost.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        {/* Staying is the safe choice, so it has the focus. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={onStay}>
          Stay on this page
        </Button>
        <Button variant="contained" color="error" onClick={onLeave}>
          Leave without saving
        </Button>
      </DialogActions>
    </Dialog>
  );
}
