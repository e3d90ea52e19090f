import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { memo, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths';
import { useMinuteClock } from '@/hooks/use-minute-clock';
import type { PartnerRecord, TenantRecord, UserRecord } from '@/lib/lookups/queries';
import type { AssignmentNames, Resolved } from '../api/names';
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
  // Rows redraw only when their own data changes: the clock makes "in 3 minutes" and "Expired" move on.
  const now = useMinuteClock();
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
          {assignments.map((assignment) => (
            <AssignmentRow
              key={assignment.id}
              assignment={assignment}
              user={names.user(assignment.user_id)}
              tenant={assignment.tenant_id ? names.tenant(assignment.tenant_id) : null}
              partner={assignment.partner_id ? names.partner(assignment.partner_id) : null}
              showUser={showUser}
              now={now}
              actions={actions ? actions(assignment) : null}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

interface AssignmentRowProps {
  assignment: RoleAssignment;
  user: Resolved<UserRecord>;
  tenant: Resolved<TenantRecord> | null;
  partner: Resolved<PartnerRecord> | null;
  showUser: boolean;
  /** Not read: a new minute draws the row again (relative times, expiry). */
  now: number;
  actions: ReactNode;
}

function sameResolved<T>(a: Resolved<T> | null, b: Resolved<T> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.state !== b.state) return false;
  if (a.state === 'found' && b.state === 'found') return a.record === b.record;
  if (a.state === 'failed' && b.state === 'failed') return a.error === b.error;
  return true;
}

/**
 * One row, drawn again only when its own assignment or names change: the names of a page arrive
 * one by one (up to ~40 answers), and redrawing the whole table for each kept the browser busy
 * for hundreds of milliseconds on a slow machine (`npm run bench`).
 */
const AssignmentRow = memo(
  function AssignmentRow({ assignment, user, tenant, partner, showUser, actions }: AssignmentRowProps) {
    const name = userName(user, assignment.user_id);
    const names: AssignmentNames = {
      user: () => user,
      tenant: () => tenant ?? { state: 'loading' },
      partner: () => partner ?? { state: 'loading' },
    };
    return (
      <TableRow hover>
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
        {actions ? <TableCell>{actions}</TableCell> : null}
      </TableRow>
    );
  },
  (before, after) =>
    before.assignment === after.assignment &&
    before.showUser === after.showUser &&
    before.now === after.now &&
    // Actions depend on the names too (their dialogs name the user and scope), so a row with
    // actions is drawn again whenever the table is.
    !before.actions &&
    !after.actions &&
    sameResolved(before.user, after.user) &&
    sameResolved(before.tenant, after.tenant) &&
    sameResolved(before.partner, after.partner),
);
