import Alert from '@mui/material/Alert';
import { PageHeader } from '@/components/ui/page-header';

export function TenantsListRoute() {
  return (
    <>
      <PageHeader title="Tenants" description="The organisations that use ScaiKey, their status and their settings." />
      <Alert severity="info">Coming in the next release: finding, creating, editing and suspending tenants.</Alert>
    </>
  );
}
