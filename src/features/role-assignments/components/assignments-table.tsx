import { memo, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, tableClasses as dt, type Column } from '@/components/data-list/data-table';
import type { RowSelection } from '@/components/data-list/row-selection';
import { paths } from '@/config/paths';
import { useMinuteClock } from '@/hooks/use-minute-clock';
import type { PartnerRecord, TenantRecord, UserRecord } from '@/lib/lookups/queries';
import type { AssignmentNames, Resolved } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { shortDate } from '@/utils/dates';
import { roleLabel } from '../schemas';
import { scopeView, StatusChip, userName } from './assignment-bits';
import { RelativeTime } from '@/components/ui/relative-time';
import { ExtendMenuButton } from './extend-menu-button';

export interface AssignmentsTableProps {
  /** The table's accessible name. */
  label: string;
  assignments: readonly RoleAssignment[];
  names: AssignmentNames;
  /** Show the user column (the list); a single user's page leaves it out. */
  showUser?: boolean;
  /** Marks the table busy (e.g. while the next page loads over the previous one). */
  busy?: boolean;
  /** Extra actions per row, in the last "Actions" column (before the row's Extend menu). */
  actions?: (assignment: RoleAssignment) => ReactNode;
  /** Row selection for bulk actions. */
  selection?: RowSelection;
  /** The signed-in admin: a row's Extend menu is not offered on their own Super Admin role. */
  currentAdminId?: string;
}

/** Column headers; the rows draw their own cells (AssignmentRow), memoised on their names. */
const header = (key: string, text: string): Column<RoleAssignment> => ({ key, header: text, cell: () => null });
const USER = header('user', 'User');
const REST = [header('role', 'Role'), header('scope', 'Scope'), header('status', 'Status'), header('expires', 'Expires'), header('created', 'Created')];
const ACTIONS = header('actions', 'Actions');
const WITH_USER = [USER, ...REST, ACTIONS];
const WITHOUT_USER = [...REST, ACTIONS];

/**
 * Assignments as a table on the list kit: each row reachable by its user's name, and linking to
 * its details. With `selection`, each row has a checkbox for bulk actions. A row with an expiry
 * has a menu to extend it (or renew it once expired).
 */
export function AssignmentsTable({
  label,
  assignments,
  names,
  showUser = true,
  busy = false,
  actions,
  selection,
  currentAdminId,
}: AssignmentsTableProps) {
  // Rows redraw only when their own data changes: the clock makes "in 3 minutes" and "Expired" move on.
  const now = useMinuteClock();
  const columns = showUser ? WITH_USER : WITHOUT_USER;
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={assignments}
      getRowId={(a) => a.id}
      busy={busy}
      selection={selection}
      selectLabel={(a) => `Select ${roleLabel(a.role)} of ${userName(names.user(a.user_id), a.user_id)}`}
      renderRow={(assignment, selectCell) => (
        <AssignmentRow
          assignment={assignment}
          user={names.user(assignment.user_id)}
          tenant={assignment.tenant_id ? names.tenant(assignment.tenant_id) : null}
          partner={assignment.partner_id ? names.partner(assignment.partner_id) : null}
          showUser={showUser}
          now={now}
          currentAdminId={currentAdminId}
          actions={actions ? actions(assignment) : null}
          selectCell={selectCell}
          selected={selection?.isSelected(assignment.id) ?? false}
        />
      )}
    />
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
  currentAdminId: string | undefined;
  actions: ReactNode;
  selectCell: ReactNode;
  selected: boolean;
}

function sameResolved<T>(a: Resolved<T> | null, b: Resolved<T> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.state !== b.state) return false;
  if (a.state === 'found' && b.state === 'found') return a.record === b.record;
  if (a.state === 'failed' && b.state === 'failed') return a.error === b.error;
  return true;
}

/**
 * As the MUI version drew it: its `color="text.secondary"` matched no Typography colour in MUI 9,
 * so "Loading…" and the email take the colour around them (the link's, in the user column).
 */
function Loading() {
  return <span className={dt.body1}>Loading…</span>;
}

/**
 * One row, drawn again only when its own assignment or names change: the names of a page arrive
 * one by one (up to ~40 answers), and redrawing the whole table for each kept the browser busy
 * for hundreds of milliseconds on a slow machine (`npm run bench`).
 */
const AssignmentRow = memo(
  function AssignmentRow({ assignment, user, tenant, partner, showUser, currentAdminId, actions, selectCell, selected }: AssignmentRowProps) {
    const name = userName(user, assignment.user_id);
    const role = roleLabel(assignment.role);
    const scope = scopeView(assignment, {
      user: () => user,
      tenant: () => tenant ?? { state: 'loading' },
      partner: () => partner ?? { state: 'loading' },
    });
    // Plain elements with the table's classes: the look of MUI's Link and Typography, drawn
    // without a styled component per cell (see DataTable).
    return (
      <tr className={selected ? dt.selected : undefined}>
        {selectCell}
        {showUser ? (
          <td>
            <RouterLink className={dt.linkHover} to={paths.roleAssignment.to(assignment.id)}>
              {user.state === 'loading' ? (
                <Loading />
              ) : (
                <>
                  <span className={`${dt.body1} ${dt.block}`}>{name}</span>
                  {user.state === 'found' ? <span>{user.record.email}</span> : null}
                </>
              )}
            </RouterLink>
            <span className={dt.block}>
              <RouterLink
                className={dt.link}
                to={paths.userRoles.to(assignment.user_id)}
                aria-label={user.state === 'found' ? `All roles of ${name}` : undefined}
              >
                All roles
              </RouterLink>
            </span>
          </td>
        ) : null}
        <td>
          {showUser ? (
            role
          ) : (
            <RouterLink className={dt.link} to={paths.roleAssignment.to(assignment.id)}>
              {role}
            </RouterLink>
          )}
        </td>
        <td>
          {scope.loading ? (
            <Loading />
          ) : scope.to ? (
            <RouterLink className={dt.link} to={scope.to}>
              {scope.text}
            </RouterLink>
          ) : (
            scope.text
          )}
        </td>
        <td>
          <StatusChip assignment={assignment} />
        </td>
        <td>{assignment.expires_at ? <RelativeTime iso={assignment.expires_at} /> : 'Never'}</td>
        <td>
          <time dateTime={assignment.created_at}>{shortDate(assignment.created_at)}</time>
        </td>
        <td>
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            {actions}
            <ExtendMenuButton
              variant="row"
              assignment={assignment}
              label={`More actions for ${role}${showUser ? ` of ${name}` : ''}${scope.loading ? '' : ` for ${scope.text}`}`}
              subject={`${role} of ${name}`}
              currentAdminId={currentAdminId}
            />
          </div>
        </td>
      </tr>
    );
  },
  (before, after) =>
    before.assignment === after.assignment &&
    before.showUser === after.showUser &&
    before.now === after.now &&
    before.currentAdminId === after.currentAdminId &&
    before.selected === after.selected &&
    // Actions depend on the names too (their dialogs name the user and scope), so a row with
    // actions is drawn again whenever the table is.
    !before.actions &&
    !after.actions &&
    sameResolved(before.user, after.user) &&
    sameResolved(before.tenant, after.tenant) &&
    sameResolved(before.partner, after.partner),
);
