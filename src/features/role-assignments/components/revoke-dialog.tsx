import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { useRevokeRoleAssignment } from '../api/mutations';
import type { AssignmentNames } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { roleLabel } from '../schemas';
import { scopeText, userName } from './assignment-bits';
import { OrphanCleanupChoice } from './orphan-cleanup';

export interface RevokeDialogProps {
  open: boolean;
  assignment: RoleAssignment;
  names: AssignmentNames;
  onClose: () => void;
  /** After a successful revoke (the dialog closes itself). */
  onRevoked?: (result: { cleanupOrphanedUser: boolean }) => void;
}

/**
 * "Revoke Tenant Admin from Ana Lima?": names the user, role and scope, offers the API's orphan
 * cleanup (on by default) with its three conditions spelt out, and stays open with the error
 * inside if revoking fails.
 */
export function RevokeDialog({ open, assignment, names, onClose, onRevoked }: RevokeDialogProps) {
  const revoke = useRevokeRoleAssignment();
  const [cleanup, setCleanup] = useState(true);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setCleanup(true);
  }

  const user = names.user(assignment.user_id);
  const name = userName(user, assignment.user_id);
  const role = roleLabel(assignment.role);
  const email = user.state === 'found' ? ` (${user.record.email})` : '';

  return (
    <ConfirmDialog
      open={open}
      title={`Revoke ${role} from ${name}?`}
      confirmLabel="Revoke"
      onClose={onClose}
      onConfirm={async () => {
        await revoke.mutateAsync({ assignment, cleanupOrphanedUser: cleanup });
        onRevoked?.({ cleanupOrphanedUser: cleanup });
      }}
    >
      <Typography sx={{ mb: 2 }}>
        {name}
        {email} will lose the {role} role for {scopeText(assignment, names)} at once. This cannot be undone; the role
        can be assigned again later.
      </Typography>
      <OrphanCleanupChoice checked={cleanup} onChange={setCleanup} />
    </ConfirmDialog>
  );
}
