import { lazy, Suspense, useState } from 'react';
import type { CreateAdminDialogProps } from './create-admin-dialog';

const Dialog = lazy(() => import('./create-admin-dialog').then((m) => ({ default: m.CreateAdminDialog })));

/** The create-admin dialog, loaded the first time it opens (its form stays out of the list's bundle). */
export function CreateAdminDialog(props: CreateAdminDialogProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  );
}
