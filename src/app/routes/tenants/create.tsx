import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { CreateTenantForm } from '@/features/tenants/components/create-tenant-form';

export function CreateTenantRoute() {
  return (
    <>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link component={RouterLink} to={paths.tenants.to()}>
          Tenants
        </Link>
      </Breadcrumbs>
      <PageHeader title="Create tenant" description="A new organisation on ScaiKey. Its security settings start from ScaiKey's defaults." />
      <CreateTenantForm />
    </>
  );
}
