import { PageHeader } from '@/components/ui/page-header';

export function CreateTenantRoute() {
  return <PageHeader title="Create tenant" />;
}
