import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useSyncExternalStore, type ReactNode } from 'react';
import {
  dismissNotification,
  getNotifications,
  subscribeToNotifications,
  type Notification,
} from '@/lib/notifications';

const AUTO_HIDE_MS = 6000;

function NotificationSnackbar({ notification }: { notification: Notification }) {
  const close = (_event: unknown, reason?: string) => {
    if (reason === 'clickaway') return;
    dismissNotification(notification.id);
  };
  return (
    <Snackbar
      open
      onClose={close}
      autoHideDuration={notification.severity === 'error' ? null : AUTO_HIDE_MS}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        onClose={close}
        severity={notification.severity}
        variant="filled"
        role={notification.severity === 'error' ? 'alert' : 'status'}
        sx={{ width: '100%' }}
      >
        {notification.message}
      </Alert>
    </Snackbar>
  );
}

/**
 * Renders the notification queue (lib/notifications) one at a time. Errors stay until closed;
 * the rest hide after a few seconds. Use `notify()` from lib/notifications to show one.
 */
export function SnackbarProvider({ children }: { children: ReactNode }) {
  const notifications = useSyncExternalStore(subscribeToNotifications, getNotifications, getNotifications);
  const first = notifications[0];
  return (
    <>
      {children}
      {first ? <NotificationSnackbar key={first.id} notification={first} /> : null}
    </>
  );
}
