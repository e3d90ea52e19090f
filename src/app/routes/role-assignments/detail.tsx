import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { AuditHistory } from '@/features/audit/components/audit-history-lazy';
import { authQueries } from '@/features/auth/api/queries';
import { RoleAssignmentDetail } from '@/features/role-assignments/components/assignment-detail';

export function RoleAssignmentDetailRoute() {
  const { assignmentId = '' } = useParams();
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  return (
    <QueryBoundary errorTitle="The role assignment could not be loaded" headingLevel="h1">
      <RoleAssignmentDetail
        key={assignmentId}
        assignmentId={assignmentId}
        currentAdminId={me.data?.id}
        history={<AuditHistory resourceId={assignmentId} />}
      />
    </QueryBoundary>
  );
}
