import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { PageLoading } from '@/components/feedback/page-loading';
import { AccessGate } from '@/features/auth/components/access-gate';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { getConfig } from '@/lib/config';
import { RouteErrorBoundary } from '../routes/route-error';
import { AppShell } from './app-shell';

/**
 * Only Super Admins get past the gate; they get the shell around the current screen. A screen's
 * errors are caught inside the shell, so the navigation stays usable; while a screen's code loads
 * the first time, a progress indicator stands in for it.
 */
export function RootLayout() {
  return (
    <AccessGate>
      <AppShell environmentName={getConfig().environmentName} accountMenu={<AccountMenu />}>
        <RouteErrorBoundary>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </AppShell>
    </AccessGate>
  );
}
