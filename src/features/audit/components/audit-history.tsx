import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { errorMessage } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-error';
import { ignoredFiltersMessage } from '@/lib/api/ignored-filters';
import { auditQueries, type AuditEvent } from '../api/queries';
import { entryLinkLabel } from '../words';
import { ActionWords, ChangesSummary, useActorName } from './audit-bits';

export interface AuditHistoryProps {
  /** The resource whose latest entries are shown (a tenant, role assignment or admin account id). */
  resourceId: string;
}

function HistoryEntry({ event }: { event: AuditEvent }) {
  const { name } = useActorName(event);
  return (
    <Box component="li" sx={{ py: 1, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}>
      <Typography>
        <RelativeTime iso={event.occurred_at} seconds />
        {' · '}
        {name} <ActionWords event={event} linked={false} />
        {event.result === 'failure' ? ` — refused${event.detail ? `: ${event.detail}` : ''}` : ''}
        {' · '}
        <Link component={RouterLink} to={paths.auditEntry.to(event.id)} aria-label={entryLinkLabel(event)}>
          Details
        </Link>
      </Typography>
      <ChangesSummary
        changes={event.changes}
        wrap={(summary) => (
          <Typography variant="body2" color="textSecondary">
            {summary}
          </Typography>
        )}
      />
    </Box>
  );
}

function Body({ resourceId }: AuditHistoryProps) {
  const history = useQuery(auditQueries.history(resourceId));
  if (history.isPending) return <PageLoading label="Loading the history" />;
  if (history.isError) {
    const refused = isApiError(history.error) && history.error.status === 403;
    return (
      <Alert severity={refused ? 'info' : 'error'}>
        {refused ? 'Only Super Admins can see the history.' : `The history could not be loaded: ${errorMessage(history.error)}`}
      </Alert>
    );
  }
  if (history.data.ignored.length > 0) return <Alert severity="warning">{ignoredFiltersMessage(history.data.ignored)}</Alert>;
  if (history.data.items.length === 0) return <Typography color="textSecondary">Nothing has been recorded yet.</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {history.data.items.map((event) => (
        <HistoryEntry key={event.id} event={event} />
      ))}
    </Box>
  );
}

/**
 * A resource's latest audit entries (who changed what, when), and the way to all of them. It says
 * so in place when the admin may not read the log or the log cannot be read: the page around it
 * keeps working.
 */
export function AuditHistory({ resourceId }: AuditHistoryProps) {
  const headingId = useId();
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 3, mt: 3 }}>
      <Typography id={headingId} component="h2" variant="h6" gutterBottom>
        History
      </Typography>
      <Body resourceId={resourceId} />
      <Link component={RouterLink} to={paths.audit.to({ resource: resourceId })} sx={{ display: 'inline-block', mt: 1 }}>
        View the full log
      </Link>
    </Paper>
  );
}
