import { PageHeader } from '@/components/ui/page-header';
import { BackToTenants } from '@/features/tenants/components/back-to-tenants';
import { CreateTenantForm } from '@/features/tenants/components/create-tenant-form';

export function CreateTenantRoute() {
  return (
    <>
      <BackToTenants />
      <PageHeader title="Create tenant" description="A new organisation on ScaiKey. Its security settings start from ScaiKey's defaults." />
      <CreateTenantForm />
    </>
  );
}
