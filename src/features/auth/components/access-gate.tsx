import Box from '@mui/material/Box';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageError } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { ApiError } from '@/lib/api-error';
import { getSignedInProfile } from '@/lib/auth';
import { authQueries, isSuperAdmin } from '../api/queries';
import { AccessDenied } from './access-denied';

/**
 * Lets only Super Admins into the console. Asks /auth/me who is signed in:
 * - loading (or a 401, while the API client sends the browser to sign in): a progress indicator;
 * - 403, or a role other than SUPER_ADMIN: the "Super Admin access required" page;
 * - any other failure (5xx, network): an error page with Retry.
 */
export function AccessGate({ children }: { children: ReactNode }) {
  const me = useQuery({ ...authQueries.me(), throwOnError: false });

  if (me.isPending || (me.error instanceof ApiError && me.error.status === 401)) {
    return (
      <Box component="main">
        <PageLoading fullScreen />
      </Box>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 403) {
      return <AccessDenied email={getSignedInProfile().email} />;
    }
    return (
      <Box component="main" sx={{ px: 3 }}>
        <PageError
          title="The console could not load your account"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </Box>
    );
  }
  if (!isSuperAdmin(me.data)) return <AccessDenied email={me.data.email} />;
  return <>{children}</>;
}
