import { useQueryClient } from '@tanstack/react-query';
import { BulkRunDialogs } from '@/components/data-list/bulk-run-dialogs';
import { skipped, type BulkSnapshot } from '@/lib/bulk-runner';
import { useRefreshTenants, useSetTenantStatus } from '../api/mutations';
import { tenantQueries } from '../api/queries';
import { BULK_ACTIONS, tenantsText, type BulkTarget, type BulkTenant } from './bulk-status';

/**
 * The confirmation, then the progress dialog, of a bulk Suspend/Reactivate: loaded the first time
 * an admin clicks one of the bulk buttons, so the list's own bundle carries only the buttons.
 */
export interface TenantBulkDialogsProps {
  open: boolean;
  target: BulkTarget;
  /** The selected tenants, as the lists last showed them (for their names), frozen when the buttons were clicked. */
  tenants: BulkTenant[];
  /** Cancelled at the confirmation (null), or closed after a run with its final results. */
  onClose: (results: BulkSnapshot<BulkTenant> | null) => void;
}

export function TenantBulkDialogs({ open, target, tenants, onClose }: TenantBulkDialogsProps) {
  const queryClient = useQueryClient();
  const setStatus = useSetTenantStatus();
  const refresh = useRefreshTenants();
  const { verb, already, destructive } = BULK_ACTIONS[target];

  return (
    <BulkRunDialogs<BulkTenant>
      open={open}
      title={`${verb} ${tenantsText(tenants.length)}`}
      destructive={destructive}
      items={tenants}
      // Each tenant read afresh and judged from that, not from the list's copy: someone may have
      // suspended or reactivated it since the rows were selected (a gone one fails: not found).
      task={async (tenant) => {
        const now = await queryClient.fetchQuery({ ...tenantQueries.detail(tenant.id), staleTime: 0 });
        return now.status === target ? skipped(already) : setStatus(tenant.id, target);
      }}
      itemLabel={(tenant) => tenant.name}
      onFinished={() => void refresh()}
      onClose={onClose}
    >
      {target === 'SUSPENDED'
        ? 'Their users can no longer sign in until the tenants are reactivated. Nothing is deleted. Tenants already suspended are skipped.'
        : 'Their users can sign in again, and their admins can manage them again. Tenants already active are skipped.'}
    </BulkRunDialogs>
  );
}
