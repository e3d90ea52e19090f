import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { paths } from '@/config/paths';
import { notify } from '@/lib/notifications';
import { useDeleteTenant, useUpdateTenant } from '../api/mutations';
import type { Tenant } from '../schemas';

/** Suspend / Reactivate (one action, by status) and Delete, each behind a confirmation. */
export function TenantActions({ tenant }: { tenant: Tenant }) {
  const navigate = useNavigate();
  const update = useUpdateTenant();
  const remove = useDeleteTenant();
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

      {/* Deleting is confirmed by typing the tenant's slug. */}
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${tenant.name}?`}
        confirmLabel="Delete tenant"
        typedConfirmation={{ label: 'Slug of the tenant to delete', expected: tenant.slug }}
        onConfirm={async () => {
          await remove.mutateAsync(tenant.id);
          notify(`Tenant “${tenant.name}” deleted`, 'success');
          void navigate(paths.tenants.to());
        }}
        onClose={() => setOpen(null)}
      >
        The tenant disappears from the console and its users can no longer sign in. To confirm, type its slug,{' '}
        <Box component="strong" sx={{ fontFamily: 'monospace' }}>
          {tenant.slug}
        </Box>
        , below.
      </ConfirmDialog>
    </>
  );
}
