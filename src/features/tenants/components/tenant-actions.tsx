import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { errorMessage } from '@/components/errors/page-error';
import { paths } from '@/config/paths';
import { notify } from '@/lib/notifications';
import { useDeleteTenant, useUpdateTenant } from '../api/mutations';
import type { Tenant } from '../schemas';

interface DeleteTenantDialogProps {
  open: boolean;
  tenant: Tenant;
  onClose: () => void;
  /** Called once the tenant is deleted (the dialog is closed by then). */
  onDeleted: () => void;
}

/**
 * Deleting is confirmed by typing the tenant's slug. Cancel has the initial focus; the dialog
 * shows the pending state, stays open with the error inside on failure, and closes on success.
 */
function DeleteTenantDialog({ open, tenant, onClose, onDeleted }: DeleteTenantDialogProps) {
  const remove = useDeleteTenant();
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const matches = typed.trim() === tenant.slug;

  const close = () => {
    if (remove.isPending) return;
    setTyped('');
    remove.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      maxWidth="xs"
      fullWidth
      slotProps={{ transition: { onEntering: () => cancelRef.current?.focus() } }}
    >
      <DialogTitle id={titleId}>Delete {tenant.name}?</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches || remove.isPending) return;
          remove.mutate(tenant.id, {
            onSuccess: () => {
              setTyped('');
              onDeleted();
            },
          });
        }}
      >
        <DialogContent>
          <DialogContentText id={descriptionId}>
            The tenant disappears from the console and its users can no longer sign in. To confirm, type its slug,{' '}
            <Box component="strong" sx={{ fontFamily: 'monospace' }}>
              {tenant.slug}
            </Box>
            , below.
          </DialogContentText>
          <TextField
            label="Slug of the tenant to delete"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            fullWidth
            margin="normal"
            disabled={remove.isPending}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
          {remove.error ? (
            <Alert severity="error" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button ref={cancelRef} onClick={close} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="error"
            disabled={!matches || remove.isPending}
            loading={remove.isPending}
            loadingPosition="start"
          >
            Delete tenant
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** Suspend / Reactivate (one action, by status) and Delete, each behind a confirmation. */
export function TenantActions({ tenant }: { tenant: Tenant }) {
  const navigate = useNavigate();
  const update = useUpdateTenant();
  const [open, setOpen] = useState<'status' | 'delete' | null>(null);
  const suspended = tenant.status === 'SUSPENDED';

  return (
    <>
      <Button
        variant="outlined"
        startIcon={suspended ? <PlayCircleOutline /> : <PauseCircleOutline />}
        onClick={() => setOpen('status')}
      >
        {suspended ? 'Reactivate' : 'Suspend'}
      </Button>
      <Button variant="outlined" color="error" startIcon={<DeleteOutline />} onClick={() => setOpen('delete')}>
        Delete
      </Button>

      <ConfirmDialog
        open={open === 'status'}
        title={suspended ? `Reactivate ${tenant.name}?` : `Suspend ${tenant.name}?`}
        confirmLabel={suspended ? 'Reactivate tenant' : 'Suspend tenant'}
        destructive={!suspended}
        onConfirm={() =>
          update.mutateAsync(
            { tenantId: tenant.id, body: { status: suspended ? 'ACTIVE' : 'SUSPENDED' } },
            { onSuccess: (saved) => notify(`${saved.name} is ${saved.status === 'SUSPENDED' ? 'suspended' : 'active again'}`, 'success') },
          )
        }
        onClose={() => setOpen(null)}
      >
        {suspended
          ? 'Its users can sign in again, and its admins can manage it again.'
          : 'Its users can no longer sign in until it is reactivated. Nothing is deleted.'}
      </ConfirmDialog>

      <DeleteTenantDialog
        open={open === 'delete'}
        tenant={tenant}
        onClose={() => setOpen(null)}
        onDeleted={() => {
          setOpen(null);
          notify(`Tenant “${tenant.name}” deleted`, 'success');
          void navigate(paths.tenants.to());
        }}
      />
    </>
  );
}
