import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { CreateAdminDialogProps } from './create-admin-dialog';

/** The create-admin dialog, loaded the first time it opens (its form stays out of the list's bundle). */
export const CreateAdminDialog = lazyDialog<CreateAdminDialogProps>(() => import('./create-admin-dialog').then((m) => m.CreateAdminDialog));
