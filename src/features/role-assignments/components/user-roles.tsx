import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { NotFound } from '@/components/errors/not-found';
import { PageError } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries } from '../api/queries';
import { roleLabel } from '../schemas';
import { scopeText, userName } from './assignment-bits';
import { AssignmentActions } from './assignment-actions';
import { AssignmentsTable } from './assignments-table';
import { AssignRoleDialog } from './assign-role-dialog-lazy';

/**
 * Every admin role of one user, with the same actions as the detail page. `embedded`: a section
 * (h2) of another page, e.g. an admin account's, instead of a page of its own.
 */
export function UserRoles({ userId, currentAdminId, embedded = false }: { userId: string; currentAdminId: string | undefined; embedded?: boolean }) {
  const roles = useQuery(roleAssignmentQueries.ofUser(userId));
  const assignments = roles.data ?? [];
  // The user's own name is looked up even when they hold no role any more.
  const names = useAssignmentNames(assignments, { userIds: [userId] });
  const [assigning, setAssigning] = useState(false);
  const user = names.user(userId);
  const name = userName(user, userId);

  if (roles.isError && roles.error instanceof ApiError && roles.error.isNotFound) {
    return (
      <NotFound
        title="User not found"
        message="This user does not exist or has been removed."
        backTo={paths.roleAssignments.to()}
        backLabel="Back to all role assignments"
      />
    );
  }

  const assignButton = (
    <Button variant="contained" onClick={() => setAssigning(true)}>
      Assign role
    </Button>
  );
  return (
    <>
      {embedded ? (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1 }}>
          <Typography component="h2" variant="h6">
            Roles
          </Typography>
          {assignButton}
        </Box>
      ) : (
      <PageHeader
        title={user.state === 'loading' ? 'User roles' : `Roles of ${name}`}
        description={
          <>
            {user.state === 'found' ? <span style={{ display: 'block' }}>{user.record.email}</span> : null}
            <Link component={RouterLink} to={paths.roleAssignments.to()}>
              Back to all role assignments
            </Link>
          </>
        }
        actions={assignButton}
      />
      )}
      <Paper variant="outlined">
        {roles.isPending ? (
          <PageLoading label="Loading the user's roles" />
        ) : roles.isError ? (
          <PageError error={roles.error} title="The roles could not be loaded" headingLevel="h2" onRetry={() => void roles.refetch()} />
        ) : assignments.length === 0 ? (
          <Box sx={{ py: 6, textAlign: 'center' }} role="status">
            <Typography variant="h6" component="h2">
              {name} holds no admin role
            </Typography>
          </Box>
        ) : (
          <AssignmentsTable
            label={`Roles of ${name}`}
            assignments={assignments}
            names={names}
            showUser={false}
            busy={roles.isFetching}
            currentAdminId={currentAdminId}
            actions={(assignment) => (
              <AssignmentActions
                dense
                assignment={assignment}
                names={names}
                currentAdminId={currentAdminId}
                onRevoked={() => notify(`Revoked ${roleLabel(assignment.role)} from ${name} (${scopeText(assignment, names)}).`, 'success')}
              />
            )}
          />
        )}
      </Paper>
      <AssignRoleDialog open={assigning} onClose={() => setAssigning(false)} userId={userId} />
    </>
  );
}
