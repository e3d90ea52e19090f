import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { NotFound } from '@/components/errors/not-found';
import { PageError } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-error';
import { tenantQueries } from '../api/queries';
import { BackToTenants } from './back-to-tenants';
import { BrandingView } from './branding-view';
import { GeneralSection } from './general-section';
import { SecuritySettingsForm } from './security-settings-form';
import { TenantActions } from './tenant-actions';
import { TenantStatusChip } from './tenant-status-chip';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

/** One tenant: General (edited in place), Security settings, Branding; Suspend/Reactivate and Delete. */
export function TenantDetail({ tenantId }: { tenantId: string }) {
  const { data: tenant, error, isPending, refetch } = useQuery(tenantQueries.detail(tenantId));
  const [dirty, setDirty] = useState({ general: false, settings: false });
  const onGeneralDirty = useCallback((general: boolean) => setDirty((d) => (d.general === general ? d : { ...d, general })), []);
  const onSettingsDirty = useCallback((settings: boolean) => setDirty((d) => (d.settings === settings ? d : { ...d, settings })), []);
  const { dialog: leaveDialog } = useUnsavedChangesGuard(dirty.general || dirty.settings);

  if (error instanceof ApiError && error.isNotFound) {
    return (
      <NotFound
        title="Tenant not found"
        message="There is no tenant with this ID. It may have been deleted."
        backTo={paths.tenants.to()}
        backLabel="Back to tenants"
      />
    );
  }
  if (error && !tenant) return <PageError error={error} title="The tenant could not be loaded" onRetry={() => void refetch()} />;
  if (isPending || !tenant) return <PageLoading label="Loading the tenant" />;

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
          <SecuritySettingsForm tenant={tenant} onDirtyChange={onSettingsDirty} />
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <BrandingView tenant={tenant} />
      </Paper>
      {leaveDialog}
    </>
  );
}
