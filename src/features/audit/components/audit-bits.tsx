/**
 * The parts of an entry every audit view draws the same way: who acted (name and email, linked to
 * their roles), the action in words with its resource linked while it exists, the result in
 * words (never by colour alone), and a changed value that is a partner's, tenant's or user's id
 * by that record's name (the id while it cannot be named).
 */
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths';
import { partnerLookups, tenantLookups, userDisplayName, userLookups } from '@/lib/lookups/queries';
import { resolvedName, useResolved, type Resolved } from '@/lib/lookups/resolve';
import type { AuditEvent } from '../api/queries';
import { actionPhrase, changeRows, REMOVING_ACTIONS, type ChangeRow, type RecordKind } from '../words';

/** The page of a resource, by its type; null for types with no page (a session). */
export function resourcePath(type: string, id: string): string | null {
  switch (type) {
    case 'tenant':
      return paths.tenant.to(id);
    case 'admin_role':
      return paths.roleAssignment.to(id);
    case 'admin_account':
      return paths.admin.to(id);
    case 'user':
      return paths.userRoles.to(id);
    default:
      return null;
  }
}

/**
 * Whether the entry's resource still exists, as far as can be told cheaply: tenants and users are
 * looked up (shared, cached lookups that batch a page's ids into one request); a role assignment
 * or an admin account is linked without asking (their pages say "not found" if it is gone: one
 * read per row would cost up to a page's worth of requests); after a delete or revoke it is gone.
 */
function useResourceExists(event: AuditEvent): Resolved<unknown> {
  const id = event.resource_id;
  const gone = event.result === 'success' && REMOVING_ACTIONS.has(event.action);
  const type = gone ? null : event.resource_type;
  const tenant = useResolved(tenantLookups, type === 'tenant' ? id : null);
  const user = useResolved(userLookups, type === 'user' ? id : null);
  if (!id || !type) return { state: 'missing' };
  if (type === 'tenant') return tenant;
  if (type === 'user') return user;
  if (type === 'admin_role' || type === 'admin_account') return { state: 'found', record: null };
  return { state: 'missing' };
}

/** The resource's recorded name, a link to its page while it exists. */
function ResourceName({ event, name }: { event: AuditEvent; name: string }) {
  const exists = useResourceExists(event);
  const to = event.resource_id ? resourcePath(event.resource_type, event.resource_id) : null;
  if (exists.state !== 'found' || !to) return <>{name}</>;
  return (
    <Link component={RouterLink} to={to}>
      {name}
    </Link>
  );
}

/**
 * "changed the security settings of [Acme Corporation]". `linked` false: the resource is the page
 * the words are on (a History panel), so it is neither linked nor looked up.
 */
export function ActionWords({ event, linked = true }: { event: AuditEvent; linked?: boolean }) {
  const { lead, resource, tail } = actionPhrase(event);
  return (
    <>
      {lead}
      {resource && linked ? <ResourceName event={event} name={resource} /> : resource}
      {tail}
    </>
  );
}

/** The actor's name (from the users lookup), else the recorded email. */
export function useActorName(event: Pick<AuditEvent, 'actor_id' | 'actor_email'>): { name: string; found: boolean } {
  const user = useResolved(userLookups, event.actor_id);
  if (user.state === 'found') return { name: userDisplayName(user.record), found: true };
  if (event.actor_email) return { name: event.actor_email, found: false };
  if (!event.actor_id) return { name: 'Unknown', found: false };
  return { name: resolvedName(user, userDisplayName, event.actor_id, 'user'), found: false };
}

/** Who acted: their name linked to their roles, the email under it. */
export function ActorCell({ event }: { event: AuditEvent }) {
  const { name, found } = useActorName(event);
  return (
    <>
      {found && event.actor_id ? (
        <Link component={RouterLink} to={paths.userRoles.to(event.actor_id)} sx={{ display: 'block' }}>
          {name}
        </Link>
      ) : (
        <Typography component="span" sx={{ display: 'block' }}>
          {name}
        </Typography>
      )}
      {found && event.actor_email ? (
        <Typography component="span" variant="body2" color="textSecondary">
          {event.actor_email}
        </Typography>
      ) : null}
    </>
  );
}

/** "Success", or "Failure" with the reason: in words, with an icon that only repeats them. */
export function ResultText({ event, withStatus = false }: { event: AuditEvent; withStatus?: boolean }) {
  const failed = event.result === 'failure';
  const Icon = failed ? ErrorOutline : CheckCircleOutline;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.75, alignItems: 'flex-start' }}>
      <Icon fontSize="small" color={failed ? 'error' : 'success'} aria-hidden sx={{ mt: '2px' }} />
      <span>
        {failed ? 'Failure' : 'Success'}
        {withStatus ? ` (HTTP ${event.status_code})` : ''}
        {failed && event.detail ? (
          <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
            {event.detail}
          </Typography>
        ) : null}
      </span>
    </Box>
  );
}

/** A partner's, tenant's or user's name by id (shared lookups, batched); null until found. */
function useRecordName(kind: RecordKind, id: string | null): string | null {
  const partner = useResolved(partnerLookups, kind === 'partner' ? id : null);
  const tenant = useResolved(tenantLookups, kind === 'tenant' ? id : null);
  const user = useResolved(userLookups, kind === 'user' ? id : null);
  if (partner.state === 'found') return partner.record.name;
  if (tenant.state === 'found') return tenant.record.name;
  if (user.state === 'found') return userDisplayName(user.record);
  return null;
}

/** One side of a changed field in words: a record's name in place of its id (the id while it has none). */
export function ChangeValue({ row, side }: { row: ChangeRow; side: 'before' | 'after' }) {
  const id = row.refers?.[side] ?? null;
  const name = useRecordName(row.refers?.kind ?? 'user', id);
  return <>{name ?? row[side]}</>;
}

/**
 * "Partner: Northwind → Contoso; Status: Active → Suspended": every changed field on one line, in
 * the `wrap` the caller gives it; nothing at all for an entry that changed no field.
 */
export function ChangesSummary({ changes, wrap }: { changes: AuditEvent['changes']; wrap: (summary: ReactNode) => ReactNode }) {
  const rows = changeRows(changes);
  if (rows.length === 0) return null;
  return wrap(
    rows.map((row, i) => (
      <span key={row.path}>
        {i > 0 ? '; ' : ''}
        {row.field}: <ChangeValue row={row} side="before" /> → <ChangeValue row={row} side="after" />
      </span>
    )),
  );
}
