import ContentCopy from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { DetailState } from '@/components/data-list/detail-state';
import { DetailField, DetailFields } from '@/components/ui/detail-fields';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { tenantLookups } from '@/lib/lookups/queries';
import { resolvedName, useResolved } from '@/lib/lookups/resolve';
import { notify } from '@/lib/notifications';
import { exactTimeWithSeconds } from '@/utils/dates';
import { auditQueries, type AuditEvent } from '../api/queries';
import { actionText, changeRows, resourceTypeLabel } from '../words';
import { ActionWords, ActorCell, ChangeValue, ResultText } from './audit-bits';

/** The request id, with a button that copies it and says so. */
function RequestId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      notify('Request ID copied', 'success');
    } catch {
      notify('The request ID could not be copied: select it and copy it yourself', 'error');
    }
  };
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <code>{id}</code>
      <Tooltip title={copied ? 'Copied' : 'Copy request ID'}>
        <IconButton size="small" aria-label="Copy request ID" onClick={() => void copy()}>
          <ContentCopy fontSize="small" />
        </IconButton>
      </Tooltip>
      <Typography component="span" variant="body2" color="textSecondary" aria-live="polite">
        {copied ? 'Copied' : ''}
      </Typography>
    </Box>
  );
}

function TenantName({ tenantId }: { tenantId: string }) {
  const tenant = useResolved(tenantLookups, tenantId);
  const name = resolvedName(tenant, (t) => t.name, tenantId, 'tenant');
  return tenant.state === 'found' ? (
    <Link component={RouterLink} to={paths.tenant.to(tenantId)}>
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}

/** Every changed field, before and after, in plain words. */
function ChangesTable({ event }: { event: AuditEvent }) {
  const rows = changeRows(event.changes);
  if (rows.length === 0) return <Typography color="textSecondary">No field changed.</Typography>;
  return (
    <Table size="small" aria-label="Changed fields">
      <TableHead>
        <TableRow>
          <TableCell scope="col">Field</TableCell>
          <TableCell scope="col">Before</TableCell>
          <TableCell scope="col">After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.path}>
            <TableCell component="th" scope="row">
              {row.field}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <ChangeValue row={row} side="before" />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <ChangeValue row={row} side="after" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Entry({ event }: { event: AuditEvent }) {
  return (
    <>
      <Link component={RouterLink} to={paths.audit.to()} sx={{ display: 'inline-block', mb: 1 }}>
        Back to the audit log
      </Link>
      <PageHeader title="Audit entry" description={`${event.actor_email ?? 'Someone'} ${actionText(event)}, ${exactTimeWithSeconds(event.occurred_at)}`} />
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <DetailFields>
          <DetailField label="When">
            <time dateTime={event.occurred_at}>{exactTimeWithSeconds(event.occurred_at)}</time>
          </DetailField>
          <DetailField label="Actor">
            <ActorCell event={event} />
          </DetailField>
          <DetailField label="Action">
            <ActionWords event={event} />
            <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
              {event.action}
            </Typography>
          </DetailField>
          <DetailField label="Resource">
            {resourceTypeLabel(event.resource_type)}
            {event.resource_name ? `: ${event.resource_name}` : ''}
            {event.resource_id ? (
              <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
                <code>{event.resource_id}</code> ·{' '}
                <Link component={RouterLink} to={paths.audit.to({ resource: event.resource_id })}>
                  Its full history
                </Link>
              </Typography>
            ) : null}
          </DetailField>
          <DetailField label="Tenant">{event.tenant_id ? <TenantName tenantId={event.tenant_id} /> : 'None'}</DetailField>
          <DetailField label="Result">
            <ResultText event={event} withStatus />
          </DetailField>
          <DetailField label="IP address">{event.ip_address ?? 'Not recorded'}</DetailField>
          <DetailField label="User agent">{event.user_agent ?? 'Not recorded'}</DetailField>
          <DetailField label="Request ID">{event.request_id ? <RequestId id={event.request_id} /> : 'Not recorded'}</DetailField>
          <DetailField label="Entry ID">
            <code>{event.id}</code>
          </DetailField>
        </DetailFields>
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="changes-heading" sx={{ p: 3 }}>
        <Typography id="changes-heading" component="h2" variant="h6" gutterBottom>
          Changes
        </Typography>
        <ChangesTable event={event} />
      </Paper>
    </>
  );
}

/** One audit entry, every field of it; a shareable page. */
export function AuditEntry({ eventId }: { eventId: string }) {
  const query = useQuery(auditQueries.detail(eventId));
  return (
    <DetailState
      query={query}
      noun="audit entry"
      notFound={{
        title: 'Audit entry not found',
        message: 'There is no audit entry with this ID.',
        backTo: paths.audit.to(),
        backLabel: 'Back to the audit log',
      }}
    >
      {(event) => <Entry event={event} />}
    </DetailState>
  );
}
