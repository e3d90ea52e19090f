import { lazy, Suspense, useState } from 'react';
import type { AssignRoleDialogProps } from './assign-role-dialog';

const Dialog = lazy(() => import('./assign-role-dialog').then((m) => ({ default: m.AssignRoleDialog })));

/**
 * The assign-role dialog, loaded the first time it opens: its form (react-hook-form, the pickers)
 * stays out of the screens' bundles until an admin assigns a role.
 */
export function AssignRoleDialog(props: AssignRoleDialogProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  );
}
