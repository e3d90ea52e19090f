import { useParams } from 'react-router-dom';
import { AuditHistory } from '@/features/audit/components/audit-history-lazy';
import { TenantDetail } from '@/features/tenants/components/tenant-detail';

export function TenantDetailRoute() {
  const { tenantId = '' } = useParams();
  // A new key per tenant: moving from one tenant to another starts every form afresh.
  return <TenantDetail key={tenantId} tenantId={tenantId} history={<AuditHistory resourceId={tenantId} />} />;
}
