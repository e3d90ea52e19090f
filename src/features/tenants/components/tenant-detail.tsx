import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { DetailState } from '@/components/data-list/detail-state';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { tenantQueries } from '../api/queries';
import type { Tenant } from '../schemas';
import { BackToTenants } from './back-to-tenants';
import { BrandingView } from './branding-view';
import { GeneralSection } from './general-section';
import { TenantActions } from './tenant-actions';
import { TenantStatusChip } from './tenant-status-chip';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

// The security settings (their form, the presets, and what loads from them: the review, the
// password tester, the conflict view) come in a chunk of their own, fetched as the page starts,
// beside the tenant itself, so the page's own bundle stays within its budget.
const loadSettingsForm = () => import('./security-settings-form');
const SecuritySettingsForm = lazy(() => loadSettingsForm().then((m) => ({ default: m.SecuritySettingsForm })));

/**
 * One tenant: General (edited in place), Security settings, Branding; Suspend/Reactivate and
 * Delete. `history` (assembled by the route) is drawn under them once the tenant is there.
 */
export function TenantDetail({ tenantId, history }: { tenantId: string; history?: ReactNode }) {
  const query = useQuery(tenantQueries.detail(tenantId));
  useEffect(() => {
    void loadSettingsForm();
  }, []);
  return (
    <DetailState
      query={query}
      noun="tenant"
      notFound={{
        title: 'Tenant not found',
        message: 'There is no tenant with this ID. It may have been deleted.',
        backTo: paths.tenants.to(),
        backLabel: 'Back to tenants',
      }}
    >
      {(tenant) => <TenantPage tenant={tenant} history={history} />}
    </DetailState>
  );
}

function TenantPage({ tenant, history }: { tenant: Tenant; history?: ReactNode }) {
  const [dirty, setDirty] = useState({ general: false, settings: false });
  const onGeneralDirty = useCallback((general: boolean) => setDirty((d) => (d.general === general ? d : { ...d, general })), []);
  const onSettingsDirty = useCallback((settings: boolean) => setDirty((d) => (d.settings === settings ? d : { ...d, settings })), []);
  const { dialog: leaveDialog } = useUnsavedChangesGuard(dirty.general || dirty.settings);

  return (
    <>
      <BackToTenants />
      <PageHeader
        title={tenant.name}
        description={
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <TenantStatusChip status={tenant.status} />
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {tenant.slug}
            </Box>
          </Box>
        }
        actions={<TenantActions tenant={tenant} />}
      />
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <GeneralSection tenant={tenant} onDirtyChange={onGeneralDirty} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Box component="section" aria-labelledby="security-settings-heading">
          <Typography id="security-settings-heading" component="h2" variant="h5" sx={{ mb: 2 }}>
            Security settings
          </Typography>
          <Suspense fallback={<Box sx={{ minHeight: 480 }} />}>
            <SecuritySettingsForm tenant={tenant} onDirtyChange={onSettingsDirty} />
          </Suspense>
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <BrandingView tenant={tenant} />
      </Paper>
      {history}
      {leaveDialog}
    </>
  );
}
