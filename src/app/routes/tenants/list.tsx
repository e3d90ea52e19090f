import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { TenantsList } from '@/features/tenants/components/tenants-list';

export function TenantsListRoute() {
  return (
    <>
      <PageHeader
        title="Tenants"
        description="The organisations that use ScaiKey, their status and their security settings."
        actions={
          <Button component={RouterLink} to={paths.tenantNew.to()} variant="contained" startIcon={<AddIcon />}>
            Create tenant
          </Button>
        }
      />
      <TenantsList />
    </>
  );
}
