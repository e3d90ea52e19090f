import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { AdminsList } from '@/features/admins/components/admins-list';
import { CreateAdminDialog } from '@/features/admins/components/create-admin-dialog-lazy';
import { authQueries } from '@/features/auth/api/queries';
import { AssignRoleDialog } from '@/features/role-assignments/components/assign-role-dialog-lazy';
import { errorMessage } from '@/components/errors/page-error';
import { userByEmail } from '@/lib/lookups/queries';

interface Created {
  email: string;
  fullName: string;
}

/**
 * Admins: the list, Create admin, and after a creation the way to give the new person a role at
 * once. The Admins API returns no id, so the new account's ScaiKey user is found by email when
 * "Assign a role" is pressed, and the assign dialog (role assignments) opens with them chosen.
 */
export function AdminsListRoute() {
  const queryClient = useQueryClient();
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [assignTo, setAssignTo] = useState<string | null>(null);
  const [finding, setFinding] = useState<string | null>(null);

  const assignRole = async (account: Created) => {
    setFinding(null);
    try {
      const user = await queryClient.fetchQuery(userByEmail(account.email));
      if (user) setAssignTo(user.id);
      else setFinding(`No ScaiKey user with the email ${account.email} was found yet. Try again in a moment.`);
    } catch (error) {
      setFinding(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title="Admins"
        description="The people who can sign in to ScaiKey's admin tools. What each may do comes from their roles."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            Create admin
          </Button>
        }
      />
      {created ? (
        <Alert
          severity="success"
          sx={{ mb: 2 }}
          onClose={() => setCreated(null)}
          action={
            <Button color="inherit" size="small" onClick={() => void assignRole(created)}>
              Assign a role
            </Button>
          }
        >
          Admin account created for {created.fullName} ({created.email}). They can sign in now, but hold no role yet.
          {finding ? ` ${finding}` : ''}
        </Alert>
      ) : null}
      <AdminsList currentEmail={me.data?.email} />
      <CreateAdminDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(account) => {
          setCreating(false);
          setCreated(account);
        }}
      />
      <AssignRoleDialog open={assignTo !== null} userId={assignTo ?? undefined} onClose={() => setAssignTo(null)} />
    </>
  );
}
