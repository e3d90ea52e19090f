import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useId, useState } from 'react';
import { errorMessage } from '@/components/errors/page-error';
import { notify } from '@/lib/notifications';
import { useSetAssignmentExpiry } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { exactTime } from '@/utils/dates';
import { RelativeTime } from '@/components/ui/relative-time';
import { ExtendMenuButton } from './extend-menu-button';
import { useSuperAdminProtection } from './use-super-admin-protection';

// The form (react-hook-form, the text field) loads when the admin starts editing.
const ExpiryForm = lazy(() => import('./expiry-form').then((m) => ({ default: m.ExpiryForm })));

/**
 * The expiry, and the ways to set, change or clear it. Setting one is not offered (and says why)
 * on the admin's own Super Admin role or the last one in force without an expiry; clearing one
 * always is. With an expiry, Extend (+7/+30/+90 days, to a date), or Renew once it has passed.
 */
export function ExpiryEditor({
  assignment,
  currentAdminId,
  subject,
}: {
  assignment: RoleAssignment;
  currentAdminId: string | undefined;
  /** What the Extend dialog's title calls the assignment: "Tenant Admin of Ana Lima". */
  subject: string;
}) {
  const [editing, setEditing] = useState(false);
  const clear = useSetAssignmentExpiry();
  const refusal = useSuperAdminProtection(assignment, currentAdminId).setExpiry;
  const reasonId = useId();

  if (editing) {
    return (
      <Suspense fallback={null}>
        <ExpiryForm assignment={assignment} onDone={() => setEditing(false)} />
      </Suspense>
    );
  }
  return (
    <Box>
      <Typography>
        {assignment.expires_at ? (
          <>
            <RelativeTime iso={assignment.expires_at} /> ({exactTime(assignment.expires_at)})
          </>
        ) : (
          'Never'
        )}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button
          size="small"
          variant="outlined"
          disabled={refusal !== null}
          aria-describedby={refusal ? reasonId : undefined}
          onClick={() => setEditing(true)}
        >
          {assignment.expires_at ? 'Change expiry' : 'Set expiry'}
        </Button>
        <ExtendMenuButton
          variant="page"
          assignment={assignment}
          subject={subject}
          currentAdminId={currentAdminId}
          disabled={refusal !== null}
          describedBy={refusal ? reasonId : undefined}
        />
        {assignment.expires_at ? (
          <Button
            size="small"
            variant="outlined"
            loading={clear.isPending}
            disabled={clear.isPending}
            onClick={() =>
              clear.mutate({ id: assignment.id, expiresAt: null }, { onSuccess: () => notify('Expiry cleared: the assignment no longer expires.', 'success') })
            }
          >
            Clear expiry
          </Button>
        ) : null}
      </Box>
      {refusal ? (
        <Typography id={reasonId} variant="body2" color="textSecondary" sx={{ mt: 1 }}>
          {refusal}
        </Typography>
      ) : null}
      {clear.isError ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          The expiry could not be cleared: {errorMessage(clear.error)}
        </Alert>
      ) : null}
    </Box>
  );
}
