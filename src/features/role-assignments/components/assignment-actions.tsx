import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useSetAssignmentActive } from '../api/mutations';
import type { AssignmentNames } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { roleLabel } from '../schemas';
import { scopeText } from './assignment-bits';
import { RevokeDialog } from './revoke-dialog';
import { useSuperAdminProtection } from './use-super-admin-protection';

export interface AssignmentActionsProps {
  assignment: RoleAssignment;
  names: AssignmentNames;
  /** The signed-in admin's user id: their own Super Admin assignment is protected. */
  currentAdminId: string | undefined;
  onRevoked?: (result: { cleanupOrphanedUser: boolean }) => void;
  /** Small buttons with the role named in their accessible names (for table rows). */
  dense?: boolean;
}

/** Activate/deactivate (at once, rolled back if refused) and Revoke (through a confirmation). */
export function AssignmentActions({ assignment, names, currentAdminId, onRevoked, dense = false }: AssignmentActionsProps) {
  const reasonId = useId();
  const [revoking, setRevoking] = useState(false);
  const setActive = useSetAssignmentActive();
  // Your own Super Admin role, or the last one in force: the API would refuse, so say why instead.
  const refusal = useSuperAdminProtection(assignment, currentAdminId).revokeOrDeactivate;
  const toggleLabel = assignment.is_active ? 'Deactivate' : 'Activate';
  // In a table the same buttons repeat per row: name the row's role and scope in each.
  const context = ` ${roleLabel(assignment.role)} for ${scopeText(assignment, names)}`;
  const describedBy = refusal ? reasonId : undefined;

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          size={dense ? 'small' : 'medium'}
          variant="outlined"
          disabled={refusal !== null && assignment.is_active}
          aria-describedby={describedBy}
          aria-label={dense ? `${toggleLabel}${context}` : undefined}
          onClick={() => setActive.mutate({ id: assignment.id, isActive: !assignment.is_active })}
        >
          {toggleLabel}
        </Button>
        <Button
          size={dense ? 'small' : 'medium'}
          variant="outlined"
          color="error"
          disabled={refusal !== null}
          aria-describedby={describedBy}
          aria-label={dense ? `Revoke${context}` : undefined}
          onClick={() => setRevoking(true)}
        >
          Revoke
        </Button>
      </Box>
      {refusal ? (
        <Typography id={reasonId} variant="body2" color="textSecondary" sx={{ mt: 1 }}>
          {refusal}
        </Typography>
      ) : null}
      <RevokeDialog
        open={revoking}
        assignment={assignment}
        names={names}
        onClose={() => setRevoking(false)}
        onRevoked={onRevoked}
      />
    </Box>
  );
}
