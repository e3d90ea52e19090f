/**
 * The command palette as the console wires it (loaded on first use, see command-palette-button):
 * the palette feature searches; the admins feature supplies the accounts to search among (its API
 * has no search, so every account is read, a page of 100 at a time, when the palette first opens,
 * and narrowed in the browser); "Assign role" and "Create admin" open those features' own dialogs
 * over the current page. Features never import each other, so they meet here.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { paths } from '@/config/paths';
import { adminQueries } from '@/features/admins/api/queries';
import type { CreateAdminDialogProps } from '@/features/admins/components/create-admin-dialog';
import { authQueries } from '@/features/auth/api/queries';
import { pageResource } from '@/features/palette/commands';
import { CommandPalette } from '@/features/palette/components/command-palette';
import type { PaletteActionId } from '@/features/palette/palette-items';
import type { AssignRoleDialogProps } from '@/features/role-assignments/components/assign-role-dialog';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { notify } from '@/lib/notifications';

export interface CommandPaletteHostProps {
  open: boolean;
  onClose: () => void;
}

// The dialogs' own chunks, not their screens' lazy wrappers: importing those here would split them
// out of the admins and role assignments lists' chunks, one more request for each screen.
const CreateAdminDialog = lazyDialog<CreateAdminDialogProps>(() =>
  import('@/features/admins/components/create-admin-dialog').then((m) => m.CreateAdminDialog),
);
const AssignRoleDialog = lazyDialog<AssignRoleDialogProps>(() =>
  import('@/features/role-assignments/components/assign-role-dialog').then((m) => m.AssignRoleDialog),
);

export function CommandPaletteHost({ open, onClose }: CommandPaletteHostProps) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useQuery({ ...authQueries.me(), throwOnError: false });
  // Every account (the Admins API has no search): read when the palette first opens, then cached.
  const admins = useQuery({ ...adminQueries.every(), enabled: open, throwOnError: false, staleTime: 60_000 });
  const [dialog, setDialog] = useState<PaletteActionId | null>(null);
  // An action's dialog opens once the palette has finished closing: two MUI modals swapping in the
  // same moments could leave the new one aria-hidden (bulk-run-dialogs.tsx). Its code is fetched
  // meanwhile.
  const [queued, setQueued] = useState<PaletteActionId | null>(null);
  // Opened again before it had finished closing: the queued action is dropped (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setQueued(null);
  }
  const queue = (action: PaletteActionId) => {
    (action === 'assign-role' ? AssignRoleDialog : CreateAdminDialog).preload();
    setQueued(action);
  };
  // On a user's roles page, "Assign role" starts with that user.
  const resource = pageResource(pathname);
  const userId = resource?.noun === 'user' ? resource.id : undefined;

  return (
    <>
      <CommandPalette
        open={open}
        onClose={onClose}
        onAction={queue}
        onExited={() => {
          if (queued === null) return;
          setDialog(queued);
          setQueued(null);
        }}
        // Undefined only while they load (the palette waits for them then); none after a failure.
        admins={admins.data ?? (admins.isError ? [] : undefined)}
        ownerId={me.data?.id}
      />
      <AssignRoleDialog
        open={dialog === 'assign-role'}
        userId={userId}
        onClose={() => setDialog(null)}
        // The dialog says what it assigned; the new assignment's page shows it.
        onAssigned={(assignment) => navigate(paths.roleAssignment.to(assignment.id))}
      />
      <CreateAdminDialog
        open={dialog === 'create-admin'}
        onClose={() => setDialog(null)}
        onCreated={(account) => {
          setDialog(null);
          notify(`Admin account created for ${account.fullName} (${account.email}). They hold no role yet.`, 'success');
          navigate(paths.admins.to());
        }}
      />
    </>
  );
}
