import type { ComponentType, ReactNode } from 'react';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { BulkProgressDialogProps } from './bulk-progress-dialog';

/**
 * The bulk progress dialog, its runner and its MUI parts load the first time a list opens it:
 * a list screen carries only this wrapper until someone runs a bulk action.
 */
const Lazy = lazyDialog<BulkProgressDialogProps<unknown>>(() =>
  import('./bulk-progress-dialog').then((m) => m.BulkProgressDialog as ComponentType<BulkProgressDialogProps<unknown>>),
);

// lazyDialog cannot keep the item type parameter; this cast gives it back to the caller.
export const LazyBulkProgressDialog = Lazy as unknown as <T>(props: BulkProgressDialogProps<T>) => ReactNode;

/** Fetches the progress dialog's code while its confirmation is open: confirming shows it at once. */
export const preloadBulkProgressDialog = Lazy.preload;
