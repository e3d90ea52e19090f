import { QueryBoundary } from '@/components/errors/query-boundary';
import { PageHeader } from '@/components/ui/page-header';
import { AuditLog } from '@/features/audit/components/audit-log';

export function AuditLogRoute() {
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in ScaiKey, and when: every write and sign-in, refused attempts included." />
      <QueryBoundary errorTitle="The audit log could not be loaded">
        <AuditLog />
      </QueryBoundary>
    </>
  );
}
