import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { LazyBulkProgressDialog } from '@/components/data-list/lazy-bulk-progress-dialog';
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
  const [running, setRunning] = useState(false);
  const [last, setLast] = useState<BulkSnapshot<BulkTenant> | null>(null);
  // Opened again: start at the confirmation (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRunning(false);
      setLast(null);
    }
  }
  const { verb, already, destructive } = BULK_ACTIONS[target];
  const what = tenantsText(tenants.length);

  return (
    <>
      <ConfirmDialog
        open={open && !running}
        title={`${verb} ${what}?`}
        confirmLabel={`${verb} ${what}`}
        destructive={destructive}
        onConfirm={() => setRunning(true)}
        // After confirming, running is already set: closing then leaves the progress dialog open.
        onClose={() => undefined}
        onCancel={() => onClose(null)}
      >
        {target === 'SUSPENDED'
          ? 'Their users can no longer sign in until the tenants are reactivated. Nothing is deleted. Tenants already suspended are skipped.'
          : 'Their users can sign in again, and their admins can manage them again. Tenants already active are skipped.'}
      </ConfirmDialog>
      <LazyBulkProgressDialog<BulkTenant>
        open={open && running}
        title={`${verb} ${what}`}
        items={tenants}
        task={(tenant) => setStatus(tenant.id, target)}
        skip={(tenant) => (tenant.status === target ? already : null)}
        itemLabel={(tenant) => tenant.name}
        onFinished={(snapshot) => {
          setLast(snapshot);
          void refresh();
        }}
        onClose={() => onClose(last)}
      />
    </>
  );
}
