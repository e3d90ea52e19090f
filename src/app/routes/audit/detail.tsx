import { useParams } from 'react-router-dom';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { AuditEntry } from '@/features/audit/components/audit-entry';

export function AuditEntryRoute() {
  const { eventId = '' } = useParams();
  return (
    <QueryBoundary errorTitle="The audit entry could not be loaded" headingLevel="h1">
      <AuditEntry key={eventId} eventId={eventId} />
    </QueryBoundary>
  );
}
