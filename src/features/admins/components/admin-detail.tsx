import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import Link from '@mui/material/Link';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DetailState } from '@/components/data-list/detail-state';
import { errorMessage } from '@/components/errors/page-error';
import { DetailField, DetailFields } from '@/components/ui/detail-fields';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { exactTime } from '@/utils/dates';
import { useDeleteAdmin } from '../api/mutations';
import { adminQueries, type AdminAccount } from '../api/queries';

export const OWN_ACCOUNT_REASON = 'This is your own admin account: you cannot delete it yourself. Another Super Admin can.';

function describeDeleteError(error: unknown): string {
  if (isApiError(error) && error.status === 404) return 'This admin account was already deleted (perhaps by someone else). The list has been refreshed.';
  return errorMessage(error);
}

export interface AdminDetailProps {
  adminId: string;
  currentEmail: string | undefined;
  /** The account's roles and the way to assign one, given the account (assembled by the route). */
  roles: (admin: AdminAccount) => ReactNode;
  /** The account's audit history, under its roles (assembled by the route). */
  history?: ReactNode;
}

/** One admin account: its facts, its roles, Delete (never your own). */
export function AdminDetail({ adminId, currentEmail, roles, history }: AdminDetailProps) {
  const queryClient = useQueryClient();
  const query = useQuery(adminQueries.detail(adminId, queryClient));
  return (
    <DetailState
      query={query}
      noun="admin account"
      notFound={{
        title: 'Admin account not found',
        message: 'There is no admin account with this ID. It may have been deleted.',
        backTo: paths.admins.to(),
        backLabel: 'Back to admins',
      }}
    >
      {(admin) => (
        <AdminPage admin={admin} own={admin.email.toLowerCase() === currentEmail?.toLowerCase()} roles={roles(admin)} history={history} />
      )}
    </DetailState>
  );
}

function AdminPage({ admin, own, roles, history }: { admin: AdminAccount; own: boolean; roles: ReactNode; history?: ReactNode }) {
  const navigate = useNavigate();
  const remove = useDeleteAdmin();
  const [deleting, setDeleting] = useState(false);
  const reasonId = useId();
  const name = admin.fullName || admin.email;

  return (
    <>
      <Link component={RouterLink} to={paths.admins.to()} sx={{ display: 'inline-block', mb: 1 }}>
        Back to admins
      </Link>
      <PageHeader
        title={name}
        description={admin.email}
        actions={
          <Button
            variant="outlined"
            color="error"
            startIcon={<DeleteOutline />}
            disabled={own}
            aria-describedby={own ? reasonId : undefined}
            onClick={() => setDeleting(true)}
          >
            Delete
          </Button>
        }
      />
      {own ? (
        <Typography id={reasonId} color="textSecondary" sx={{ mb: 2 }}>
          {OWN_ACCOUNT_REASON}
        </Typography>
      ) : null}
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Typography component="h2" variant="h6" gutterBottom>
          Account
        </Typography>
        <DetailFields>
          <DetailField label="Name">{name}</DetailField>
          <DetailField label="Email">{admin.email}</DetailField>
          <DetailField label="Created">{exactTime(admin.createdAt)}</DetailField>
          <DetailField label="Account id">
            <code>{admin.id}</code>
          </DetailField>
        </DetailFields>
      </Paper>
      {roles}
      {history}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${name}'s admin account?`}
        confirmLabel="Delete admin"
        typedConfirmation={{ label: 'Email of the admin to delete', expected: admin.email }}
        describeError={describeDeleteError}
        onConfirm={async () => {
          await remove.mutateAsync(admin.id);
          notify(`Admin account of ${name} deleted`, 'success');
          void navigate(paths.admins.to());
        }}
        onClose={() => setDeleting(false)}
      >
        This is permanent: {name} ({admin.email}) can no longer sign in, and every admin role they hold is revoked with
        the account. To confirm, type their email below.
      </ConfirmDialog>
    </>
  );
}
