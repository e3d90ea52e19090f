import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { AdminDetail } from '@/features/admins/components/admin-detail';
import type { AdminAccount } from '@/features/admins/api/queries';
import { AuditHistory } from '@/features/audit/components/audit-history-lazy';
import { authQueries } from '@/features/auth/api/queries';
import { UserRoles } from '@/features/role-assignments/components/user-roles';
import { errorMessage } from '@/components/errors/page-error';
import { userByEmail } from '@/lib/lookups/queries';

/** The roles of an admin account's ScaiKey user, found by email once the page opens. */
function AccountRoles({ admin, currentAdminId }: { admin: AdminAccount; currentAdminId: string | undefined }) {
  const user = useQuery(userByEmail(admin.email));
  if (user.isPending) return <PageLoading label="Loading the roles" />;
  if (user.isError) return <Alert severity="error" role="alert">The roles could not be loaded: {errorMessage(user.error)}</Alert>;
  if (!user.data) return <Alert severity="warning">No ScaiKey user has the email {admin.email}, so this account holds no role.</Alert>;
  return <UserRoles embedded userId={user.data.id} currentAdminId={currentAdminId} />;
}

export function AdminDetailRoute() {
  const { adminId = '' } = useParams();
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  return (
    <QueryBoundary errorTitle="The admin account could not be loaded" headingLevel="h1">
      <AdminDetail
        key={adminId}
        adminId={adminId}
        currentEmail={me.data?.email}
        roles={(admin) => <AccountRoles admin={admin} currentAdminId={me.data?.id} />}
        history={<AuditHistory resourceId={adminId} />}
      />
    </QueryBoundary>
  );
}
