import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { DetailState } from '@/components/data-list/detail-state';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { notify } from '@/lib/notifications';
import { exactTime } from '@/utils/dates';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { roleLabel } from '../schemas';
import { ScopeName, StatusChip, UserNameAndEmail, scopeText, userName } from './assignment-bits';
import { AssignmentActions } from './assignment-actions';
import { ExpiryEditor } from './expiry-editor';

/** One labelled value; a group named by its label, so it can be found as "the Status field". */
function Field({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId();
  return (
    <Box
      role="group"
      aria-labelledby={labelId}
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' }, columnGap: 3, mb: 2 }}
    >
      <Typography id={labelId} variant="body2" color="textSecondary" sx={{ fontWeight: 600, py: 0.25 }}>
        {label}
      </Typography>
      <Box>{children}</Box>
    </Box>
  );
}

function Detail({ assignment, currentAdminId, history }: { assignment: RoleAssignment; currentAdminId: string | undefined; history?: ReactNode }) {
  const navigate = useNavigate();
  const names = useAssignmentNames([assignment], { includeGrantedBy: true });
  const user = names.user(assignment.user_id);
  const name = userName(user, assignment.user_id);
  const role = roleLabel(assignment.role);

  return (
    <>
      <PageHeader
        title={`${role}: ${user.state === 'loading' ? 'role assignment' : name}`}
        description={
          <Link component={RouterLink} to={paths.roleAssignments.to()}>
            Back to all role assignments
          </Link>
        }
      />
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 880 }}>
        <Box>
          <Field label="User">
            <UserNameAndEmail resolved={user} id={assignment.user_id} />
            <Link component={RouterLink} to={paths.userRoles.to(assignment.user_id)} sx={{ display: 'block', mt: 0.5 }}>
              All roles of this user
            </Link>
          </Field>
          <Field label="Role">{role}</Field>
          <Field label="Scope">
            <ScopeName assignment={assignment} names={names} />
          </Field>
          <Field label="Status">
            <StatusChip assignment={assignment} />
          </Field>
          <Field label="Expires">
            <ExpiryEditor assignment={assignment} currentAdminId={currentAdminId} subject={`${role} of ${name}`} />
          </Field>
          <Field label="Granted by">
            {assignment.granted_by ? userName(names.user(assignment.granted_by), assignment.granted_by) : 'Not recorded'}
          </Field>
          <Field label="Created">{exactTime(assignment.created_at)}</Field>
          <Field label="Last updated">{exactTime(assignment.updated_at)}</Field>
          <Field label="Assignment id">
            <code>{assignment.id}</code>
          </Field>
        </Box>
        <Typography component="h2" variant="h6" sx={{ mt: 1, mb: 1 }}>
          Actions
        </Typography>
        <AssignmentActions
          assignment={assignment}
          names={names}
          currentAdminId={currentAdminId}
          onRevoked={() => {
            notify(`Revoked ${role} from ${name} (${scopeText(assignment, names)}).`, 'success');
            void navigate(paths.roleAssignments.to());
          }}
        />
      </Paper>
      {history}
    </>
  );
}

/**
 * One assignment: everything about it, activate/deactivate, expiry, revoke. A missing one is "not
 * found". `history` (assembled by the route) is drawn under it once the assignment is there.
 */
export function RoleAssignmentDetail({
  assignmentId,
  currentAdminId,
  history,
}: {
  assignmentId: string;
  currentAdminId: string | undefined;
  history?: ReactNode;
}) {
  const detail = useQuery(roleAssignmentQueries.detail(assignmentId));
  return (
    <DetailState
      query={detail}
      noun="role assignment"
      notFound={{
        title: 'Role assignment not found',
        message: 'This role assignment does not exist or has been revoked.',
        backTo: paths.roleAssignments.to(),
        backLabel: 'Back to all role assignments',
      }}
    >
      {(assignment) => <Detail assignment={assignment} currentAdminId={currentAdminId} history={history} />}
    </DetailState>
  );
}
