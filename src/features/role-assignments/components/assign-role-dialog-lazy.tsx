import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { AssignRoleDialogProps } from './assign-role-dialog';

/**
 * The assign-role dialog, loaded the first time it opens: its form (react-hook-form, the pickers)
 * stays out of the screens' bundles until an admin assigns a role.
 */
export const AssignRoleDialog = lazyDialog<AssignRoleDialogProps>(() => import('./assign-role-dialog').then((m) => m.AssignRoleDialog));
