import Button from '@mui/material/Button';
import { useState } from 'react';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { PageHeader } from '@/components/ui/page-header';
import { AssignRoleDialog } from '@/features/role-assignments/components/assign-role-dialog-lazy';
import { RoleAssignmentsList } from '@/features/role-assignments/components/role-assignments-list';

export function RoleAssignmentsListRoute() {
  const [assigning, setAssigning] = useState(false);
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
        <RoleAssignmentsList />
      </QueryBoundary>
      <AssignRoleDialog open={assigning} onClose={() => setAssigning(false)} />
    </>
  );
}
