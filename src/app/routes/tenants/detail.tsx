import { PageHeader } from '@/components/ui/page-header';

export function TenantDetailRoute() {
  return <PageHeader title="Tenant" />;
}
