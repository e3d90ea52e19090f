import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths';
import { userDisplayName, type UserRecord } from '@/lib/lookups/queries';
import { resolvedName, type Resolved } from '@/lib/lookups/resolve';
import type { AssignmentNames } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { assignmentStatus, STATUS_LABELS, type AssignmentStatus } from '../schemas';

// Outlined chips in these colours keep AA contrast in both themes (warning's orange does not).
const STATUS_COLORS: Record<AssignmentStatus, 'success' | 'default' | 'error'> = {
  active: 'success',
  inactive: 'default',
  expired: 'error',
};

function Loading() {
  return (
    <Typography component="span" color="textSecondary">
      Loading…
    </Typography>
  );
}

export function StatusChip({ assignment }: { assignment: Pick<RoleAssignment, 'is_active' | 'expires_at'> }) {
  const status = assignmentStatus(assignment);
  return <Chip size="small" label={STATUS_LABELS[status]} color={STATUS_COLORS[status]} variant="outlined" />;
}

export function userName(resolved: Resolved<UserRecord>, id: string): string {
  return resolvedName(resolved, userDisplayName, id, 'user');
}

/** The user's name and, under it, the email. */
export function UserNameAndEmail({ resolved, id }: { resolved: Resolved<UserRecord>; id: string }) {
  if (resolved.state === 'loading') return <Loading />;
  return (
    <>
      <Typography component="span" sx={{ display: 'block' }}>
        {userName(resolved, id)}
      </Typography>
      {resolved.state === 'found' ? (
        <Typography component="span" variant="body2" color="textSecondary">
          {resolved.record.email}
        </Typography>
      ) : null}
    </>
  );
}

/** What a scope cell shows: still loading, or the words and, for a tenant that was found, its page. */
export type ScopeView = { loading: true } | { loading: false; text: string; to?: string };

export function scopeView(assignment: RoleAssignment, names: AssignmentNames): ScopeView {
  if (assignment.tenant_id) {
    const tenant = names.tenant(assignment.tenant_id);
    if (tenant.state === 'loading') return { loading: true };
    const text = resolvedName(tenant, (t) => t.name, assignment.tenant_id, 'tenant');
    return { loading: false, text, to: tenant.state === 'found' ? paths.tenant.to(assignment.tenant_id) : undefined };
  }
  if (assignment.partner_id) {
    const partner = names.partner(assignment.partner_id);
    if (partner.state === 'loading') return { loading: true };
    return { loading: false, text: `${resolvedName(partner, (p) => p.name, assignment.partner_id, 'partner')} (partner)` };
  }
  return { loading: false, text: 'Platform' };
}

/** "Platform" for a Super Admin; the partner's name; the tenant's name, linked to the tenant. */
export function ScopeName({ assignment, names }: { assignment: RoleAssignment; names: AssignmentNames }) {
  const view = scopeView(assignment, names);
  if (view.loading) return <Loading />;
  return view.to ? (
    <Link component={RouterLink} to={view.to}>
      {view.text}
    </Link>
  ) : (
    <>{view.text}</>
  );
}

/** The scope as plain words, for titles and messages: "Acme Corporation", "Northwind (partner)", "the platform". */
export function scopeText(assignment: RoleAssignment, names: AssignmentNames): string {
  if (assignment.tenant_id) return resolvedName(names.tenant(assignment.tenant_id), (t) => t.name, assignment.tenant_id, 'tenant');
  if (assignment.partner_id) {
    return resolvedName(names.partner(assignment.partner_id), (p) => p.name, assignment.partner_id, 'partner');
  }
  return 'the platform';
}
