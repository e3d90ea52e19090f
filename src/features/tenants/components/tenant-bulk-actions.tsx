import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlined';
import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BulkActionsBar, keepUnfinished } from '@/components/data-list/bulk-actions-bar';
import type { RowSelection } from '@/components/data-list/row-selection';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { NormalizedList } from '@/lib/api/normalize';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { tenantQueries } from '../api/queries';
import type { Tenant } from '../schemas';
import { BULK_ACTIONS, tenantsText, type BulkTarget, type BulkTenant } from './bulk-status';

/**
 * Suspend or Reactivate the selected tenants (issue 17): the count on the buttons, a confirmation
 * (as for one tenant), then the progress dialog PATCHing each tenant's status, at most 4 at a
 * time, skipping those already in that status. The lists refresh when the run (or a retry) ends;
 * on Close the selection keeps only the tenants that were not changed, ready for another try.
 * Apply security policy (issue 18) sets a preset or another tenant's password policy on them,
 * through the same progress dialog (apply-policy-dialogs.tsx). "Select all N matching" (up to
 * 1,000) loads with the first selected row. Only the buttons are in the list's bundle: the
 * dialogs load on the first click.
 */

const ICONS: Record<BulkTarget, typeof PauseCircleOutline> = { SUSPENDED: PauseCircleOutline, ACTIVE: PlayCircleOutline };

const TENANT_NOUN = { one: 'tenant', many: 'tenants' };

const TenantBulkDialogs = lazyDialog(() => import('./tenant-bulk-dialogs').then((m) => m.TenantBulkDialogs));
const loaders = () => import('./apply-policy-loaders');
const ApplyPolicyDialogs = lazyDialog(() => loaders().then((m) => m.loadApplyPolicyDialogs()));
const TenantSelectAll = lazy(() => loaders().then((m) => m.loadTenantSelectAll()));

export function TenantBulkActions({ selection, rows }: { selection: RowSelection; rows: readonly Tenant[] }) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<{ target: BulkTarget | 'policy'; tenants: BulkTenant[] } | null>(null);
  const [open, setOpen] = useState(false);
  /** The rows "Select all matching" fetched: most are on no page the lists hold. */
  const [fetched, setFetched] = useState<readonly Tenant[]>([]);
  const count = selection.selected.size;

  /** The selected tenants, in the order they were selected, as the lists last showed them (the selection spans pages). */
  const selectedTenants = (): BulkTenant[] => {
    const known = new Map<string, BulkTenant>();
    for (const [, list] of queryClient.getQueriesData<NormalizedList<Tenant>>({ queryKey: tenantQueries.lists() })) {
      for (const tenant of list?.items ?? []) known.set(tenant.id, tenant);
    }
    for (const tenant of fetched) known.set(tenant.id, tenant);
    for (const tenant of rows) known.set(tenant.id, tenant);
    return [...selection.selected].map((id) => known.get(id) ?? { id, name: id });
  };

  const close = (results: BulkSnapshot<BulkTenant> | null) => {
    setOpen(false);
    keepUnfinished(selection, results, (tenant) => tenant.id);
  };

  return (
    <>
      <BulkActionsBar
        count={count}
        noun={TENANT_NOUN}
        onClear={selection.clear}
        extra={
          <Suspense fallback={null}>
            <TenantSelectAll selection={selection} pageIds={rows.map((t) => t.id)} onRows={setFetched} />
          </Suspense>
        }
      >
        {(Object.keys(BULK_ACTIONS) as BulkTarget[]).map((target) => {
          const Icon = ICONS[target];
          return (
            <Button
              key={target}
              size="small"
              variant="outlined"
              startIcon={<Icon />}
              onClick={() => {
                // While a run's dialogs are open (or fading from one to the next), the bar is behind them.
                if (open) return;
                setRun({ target, tenants: selectedTenants() });
                setOpen(true);
              }}
            >
              {BULK_ACTIONS[target].verb} {tenantsText(count)}
            </Button>
          );
        })}
        <Button
          size="small"
          variant="outlined"
          onClick={() => {
            if (open) return;
            setRun({ target: 'policy', tenants: selectedTenants() });
            setOpen(true);
          }}
        >
          Apply security policy to {tenantsText(count)}
        </Button>
      </BulkActionsBar>
      {run?.target === 'policy' ? (
        <ApplyPolicyDialogs open={open} target={run} onClose={close} />
      ) : run ? (
        <TenantBulkDialogs open={open} target={run.target} tenants={run.tenants} onClose={close} />
      ) : null}
    </>
  );
}
