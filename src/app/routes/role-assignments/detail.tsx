import { PageHeader } from '@/components/ui/page-header';

export function RoleAssignmentDetailRoute() {
  return <PageHeader title="Role assignment" />;
}
