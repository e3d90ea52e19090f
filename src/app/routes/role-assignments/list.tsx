import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { PageHeader } from '@/components/ui/page-header';
import { authQueries } from '@/features/auth/api/queries';
import { AssignRoleDialog } from '@/features/role-assignments/components/assign-role-dialog-lazy';
import { RoleAssignmentsList } from '@/features/role-assignments/components/role-assignments-list';

export function RoleAssignmentsListRoute() {
  const [assigning, setAssigning] = useState(false);
  // A bulk action skips the admin's own Super Admin role.
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  return (
    <>
      <PageHeader
        title="Role assignments"
        description="Who holds the Super Admin, Partner Admin and Tenant Admin roles, and until when."
        actions={
          <Button variant="contained" onClick={() => setAssigning(true)}>
            Assign role
          </Button>
        }
      />
      <QueryBoundary errorTitle="The role assignments could not be loaded">
        <RoleAssignmentsList currentAdminId={me.data?.id} />
      </QueryBoundary>
      <AssignRoleDialog open={assigning} onClose={() => setAssigning(false)} />
    </>
  );
}
