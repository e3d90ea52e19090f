import { BulkRunDialogs } from '@/components/data-list/bulk-run-dialogs';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { useRefreshTenants, useSetTenantStatus } from '../api/mutations';
import { BULK_ACTIONS, tenantsText, type BulkTarget, type BulkTenant } from './bulk-status';

/**
 * The confirmation, then the progress dialog, of a bulk Suspend/Reactivate: loaded the first time
 * an admin clicks one of the bulk buttons, so the list's own bundle carries only the buttons.
 */
export interface TenantBulkDialogsProps {
  open: boolean;
  target: BulkTarget;
  /** The selected tenants, as the lists last showed them, frozen when the buttons were clicked. */
  tenants: BulkTenant[];
  /** Cancelled at the confirmation (null), or closed after a run with its final results. */
  onClose: (results: BulkSnapshot<BulkTenant> | null) => void;
}

export function TenantBulkDialogs({ open, target, tenants, onClose }: TenantBulkDialogsProps) {
  const setStatus = useSetTenantStatus();
  const refresh = useRefreshTenants();
  const { verb, already, destructive } = BULK_ACTIONS[target];

  return (
    <BulkRunDialogs<BulkTenant>
      open={open}
      title={`${verb} ${tenantsText(tenants.length)}`}
      destructive={destructive}
      items={tenants}
      task={(tenant) => setStatus(tenant.id, target)}
      skip={(tenant) => (tenant.status === target ? already : null)}
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
