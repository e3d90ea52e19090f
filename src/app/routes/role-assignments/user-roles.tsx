import { PageHeader } from '@/components/ui/page-header';

export function UserRolesRoute() {
  return <PageHeader title="User roles" />;
}
