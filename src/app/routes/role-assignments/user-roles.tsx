import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { QueryBoundary } from '@/components/errors/query-boundary';
import { authQueries } from '@/features/auth/api/queries';
import { UserRoles } from '@/features/role-assignments/components/user-roles';

export function UserRolesRoute() {
  const { userId = '' } = useParams();
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  return (
    <QueryBoundary errorTitle="The user's roles could not be loaded" headingLevel="h1">
      <UserRoles key={userId} userId={userId} currentAdminId={me.data?.id} />
    </QueryBoundary>
  );
}
