import { Outlet } from 'react-router-dom';
import { AccessGate } from '@/features/auth/components/access-gate';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { getConfig } from '@/lib/config';
import { AppShell } from './app-shell';

/** Only Super Admins get past the gate; they get the shell around the current screen. */
export function RootLayout() {
  return (
    <AccessGate>
      <AppShell environmentName={getConfig().environmentName} accountMenu={<AccountMenu />}>
        <Outlet />
      </AppShell>
    </AccessGate>
  );
}
