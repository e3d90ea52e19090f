/**
 * A tiny framework-free queue of snackbar messages, so code outside React (the QueryClient's
 * caches) can report something. `SnackbarProvider` in components/feedback renders it.
 */

export type NotificationSeverity = 'success' | 'info' | 'warning' | 'error';

export interface Notification {
  id: number;
  message: string;
  severity: NotificationSeverity;
}

type Listener = () => void;

let queue: readonly Notification[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function notify(message: string, severity: NotificationSeverity = 'info'): number {
  const id = nextId++;
  queue = [...queue, { id, message, severity }];
  emit();
  return id;
}

export function dismissNotification(id: number): void {
  queue = queue.filter((notification) => notification.id !== id);
  emit();
}

export function clearNotifications(): void {
  queue = [];
  emit();
}

export function subscribeToNotifications(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getNotifications(): readonly Notification[] {
  return queue;
}
