import { useParams } from 'react-router-dom';
import { TenantDetail } from '@/features/tenants/components/tenant-detail';

export function TenantDetailRoute() {
  const { tenantId = '' } = useParams();
  // A new key per tenant: moving from one tenant to another starts every form afresh.
  return <TenantDetail key={tenantId} tenantId={tenantId} />;
}
