import Alert from '@mui/material/Alert';
import { useOnlineStatus } from '@/hooks/use-online-status';

/**
 * Says so while the browser is offline (an alert, so screen readers announce it), and goes away
 * when the network returns; TanStack Query then refetches what is on screen.
 */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <Alert severity="warning" variant="filled" sx={{ mb: 2 }}>
      You are offline. What you see may be out of date, and changes cannot be saved until the connection returns.
    </Alert>
  );
}
