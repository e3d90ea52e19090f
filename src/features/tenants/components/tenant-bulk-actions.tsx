import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { LazyBulkProgressDialog } from '@/components/data-list/lazy-bulk-progress-dialog';
import type { RowSelection } from '@/components/data-list/row-selection';
import type { NormalizedList } from '@/lib/api/normalize';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { useRefreshTenants, useSetTenantStatus } from '../api/mutations';
import { tenantQueries } from '../api/queries';
import type { Tenant, TenantStatus } from '../schemas';

/**
 * Suspend or Reactivate the selected tenants (issue 17): the count on the buttons, a confirmation
 * (as for one tenant), then the progress dialog PATCHing each tenant's status, at most 4 at a
 * time, skipping those already in that status. The lists refresh when the run (or a retry) ends;
 * on Close the selection keeps only the tenants that were not changed, ready for another try.
 */

/** What a run acts on: the tenant as the list last showed it (status unknown if no list holds it any more). */
type BulkTenant = Pick<Tenant, 'id' | 'name'> & { status?: string };

const ACTIONS = {
  SUSPENDED: { verb: 'Suspend', already: 'already suspended', Icon: PauseCircleOutline, destructive: true },
  ACTIVE: { verb: 'Reactivate', already: 'already active', Icon: PlayCircleOutline, destructive: false },
} as const satisfies Record<TenantStatus, unknown>;

type Target = keyof typeof ACTIONS;

const tenantsText = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'tenant' : 'tenants'}`;

export function TenantBulkActions({ selection, rows }: { selection: RowSelection; rows: readonly Tenant[] }) {
  const queryClient = useQueryClient();
  const setStatus = useSetTenantStatus();
  const refresh = useRefreshTenants();
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [run, setRun] = useState<{ target: Target; tenants: BulkTenant[] } | null>(null);
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<BulkSnapshot<BulkTenant> | null>(null);
  const count = selection.selected.size;

  /** The selected tenants, in the order they were selected, as the lists last showed them (the selection spans pages). */
  const selectedTenants = (): BulkTenant[] => {
    const known = new Map<string, BulkTenant>();
    for (const [, list] of queryClient.getQueriesData<NormalizedList<Tenant>>({ queryKey: tenantQueries.lists() })) {
      for (const tenant of list?.items ?? []) known.set(tenant.id, tenant);
    }
    for (const tenant of rows) known.set(tenant.id, tenant);
    return [...selection.selected].map((id) => known.get(id) ?? { id, name: id });
  };

  const close = () => {
    setOpen(false);
    // What did not change stays selected, for another try; what did is done with.
    const left = (last?.items ?? []).filter(({ state }) => state.status === 'failed' || state.status === 'cancelled');
    selection.clear();
    if (left.length > 0) selection.togglePage(left.map(({ item }) => item.id));
  };

  const action = confirming ? ACTIONS[confirming] : null;

  return (
    <>
      {count > 0 ? (
        <Box role="group" aria-label="Bulk actions" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="body2" sx={{ mr: 1 }}>
            {tenantsText(count)} selected
          </Typography>
          {(Object.keys(ACTIONS) as Target[]).map((target) => {
            const { verb, Icon } = ACTIONS[target];
            return (
              <Button key={target} size="small" variant="outlined" startIcon={<Icon />} onClick={() => setConfirming(target)}>
                {verb} {tenantsText(count)}
              </Button>
            );
          })}
          <Button size="small" onClick={selection.clear}>
            Clear selection
          </Button>
        </Box>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={action ? `${action.verb} ${tenantsText(count)}?` : ''}
        confirmLabel={action ? `${action.verb} ${tenantsText(count)}` : ''}
        destructive={action?.destructive ?? false}
        onConfirm={() => {
          if (!confirming) return;
          setRun({ target: confirming, tenants: selectedTenants() });
          setLast(null);
          setOpen(true);
        }}
        onClose={() => setConfirming(null)}
      >
        {confirming === 'SUSPENDED'
          ? 'Their users can no longer sign in until the tenants are reactivated. Nothing is deleted. Tenants already suspended are skipped.'
          : 'Their users can sign in again, and their admins can manage them again. Tenants already active are skipped.'}
      </ConfirmDialog>

      {run ? (
        <LazyBulkProgressDialog<BulkTenant>
          open={open}
          title={`${ACTIONS[run.target].verb} ${tenantsText(run.tenants.length)}`}
          items={run.tenants}
          task={(tenant) => setStatus(tenant.id, run.target)}
          skip={(tenant) => (tenant.status === run.target ? ACTIONS[run.target].already : null)}
          itemLabel={(tenant) => tenant.name}
          onFinished={(snapshot) => {
            setLast(snapshot);
            void refresh();
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
