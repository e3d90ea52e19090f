import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths';
import type { AssignmentNames } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { shortDate } from '../format';
import { roleLabel } from '../schemas';
import { ScopeName, StatusChip, UserNameAndEmail, userName } from './assignment-bits';
import { RelativeTime } from './relative-time';

export interface AssignmentsTableProps {
  /** The table's accessible name. */
  label: string;
  assignments: readonly RoleAssignment[];
  names: AssignmentNames;
  /** Show the user column (the list); a single user's page leaves it out. */
  showUser?: boolean;
  /** Marks the table busy (e.g. while the next page loads over the previous one). */
  busy?: boolean;
  /** Extra actions per row (a last "Actions" column). */
  actions?: (assignment: RoleAssignment) => ReactNode;
}

/** Assignments as a table: each row reachable by its user's name, and linking to its details. */
export function AssignmentsTable({ label, assignments, names, showUser = true, busy = false, actions }: AssignmentsTableProps) {
  return (
    <TableContainer>
      <Table aria-label={label} aria-busy={busy} size="small" sx={{ opacity: busy ? 0.6 : 1, transition: 'opacity 150ms' }}>
        <TableHead>
          <TableRow>
            {showUser ? <TableCell>User</TableCell> : null}
            <TableCell>Role</TableCell>
            <TableCell>Scope</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Expires</TableCell>
            <TableCell>Created</TableCell>
            {actions ? <TableCell>Actions</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {assignments.map((assignment) => {
            const user = names.user(assignment.user_id);
            const name = userName(user, assignment.user_id);
            return (
              <TableRow key={assignment.id} hover>
                {showUser ? (
                  <TableCell>
                    <Link component={RouterLink} to={paths.roleAssignment.to(assignment.id)} underline="hover">
                      <UserNameAndEmail resolved={user} id={assignment.user_id} />
                    </Link>
                    <Typography variant="body2" component="span" sx={{ display: 'block' }}>
                      <Link
                        component={RouterLink}
                        to={paths.userRoles.to(assignment.user_id)}
                        aria-label={user.state === 'found' ? `All roles of ${name}` : undefined}
                      >
                        All roles
                      </Link>
                    </Typography>
                  </TableCell>
                ) : null}
                <TableCell>
                  {showUser ? (
                    roleLabel(assignment.role)
                  ) : (
                    <Link component={RouterLink} to={paths.roleAssignment.to(assignment.id)}>
                      {roleLabel(assignment.role)}
                    </Link>
                  )}
                </TableCell>
                <TableCell>
                  <ScopeName assignment={assignment} names={names} />
                </TableCell>
                <TableCell>
                  <StatusChip assignment={assignment} />
                </TableCell>
                <TableCell>{assignment.expires_at ? <RelativeTime iso={assignment.expires_at} /> : 'Never'}</TableCell>
                <TableCell>
                  <time dateTime={assignment.created_at}>{shortDate(assignment.created_at)}</time>
                </TableCell>
                {actions ? <TableCell>{actions(assignment)}</TableCell> : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
