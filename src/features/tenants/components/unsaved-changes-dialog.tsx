import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';

export interface UnsavedChangesDialogProps {
  open: boolean;
  onStay: () => void;
  onLeave: () => void;
}

/** "Leave without saving?": Stay on this page (the focused, safe choice) or Leave without saving. */
export function UnsavedChangesDialog({ open, onStay, onLeave }: UnsavedChangesDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      title="Leave without saving?"
      cancelLabel="Stay on this page"
      confirmLabel="Leave without saving"
      onConfirm={onLeave}
      onCancel={onStay}
      // Leaving moves the page on; there is nothing left to close.
      onClose={() => undefined}
    >
      You have changes that are not saved. If you leave this page now, they are lost.
    </ConfirmDialog>
  );
}
