import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '@/components/errors/page-error';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { TextFieldElement } from '@/components/form/text-field-element';
import { notify } from '@/lib/notifications';
import { useSetAssignmentExpiry } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { exactTime } from '../format';
import { isoToLocalDateTime, localDateTimeToIso, makeExpirySchema, timeZoneLabel, type ExpiryFormValues } from '../schemas';
import { applyServerError } from '../server-errors';
import { RelativeTime } from './relative-time';

function ExpiryForm({ assignment, onDone }: { assignment: RoleAssignment; onDone: () => void }) {
  const labelId = useId();
  const schema = useMemo(() => makeExpirySchema(), []);
  const form = useForm<ExpiryFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { expires_at: assignment.expires_at ? isoToLocalDateTime(assignment.expires_at) : '' },
  });
  const save = useSetAssignmentExpiry();
  const onSubmit = ({ expires_at }: ExpiryFormValues) => {
    if (save.isPending) return;
    save.mutate(
      { id: assignment.id, expiresAt: localDateTimeToIso(expires_at) },
      {
        onSuccess: () => {
          notify('Expiry saved.', 'success');
          onDone();
        },
        onError: (error) => applyServerError(form, error, ['expires_at']),
      },
    );
  };
  return (
    <FormContainer form={form} onSubmit={onSubmit} aria-labelledby={labelId}>
      <Typography id={labelId} component="h3" variant="subtitle1">
        {assignment.expires_at ? 'Change expiry' : 'Set expiry'}
      </Typography>
      <TextFieldElement<ExpiryFormValues, 'expires_at'>
        name="expires_at"
        type="datetime-local"
        label={`Expires at, ${timeZoneLabel()}`}
        required
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ maxWidth: 420 }}
      />
      <FormRootError />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" loading={save.isPending} loadingPosition="start" disabled={save.isPending}>
          Save expiry
        </Button>
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </Box>
    </FormContainer>
  );
}

/** The expiry, and the ways to set, change or clear it. */
export function ExpiryEditor({ assignment }: { assignment: RoleAssignment }) {
  const [editing, setEditing] = useState(false);
  const clear = useSetAssignmentExpiry();

  if (editing) return <ExpiryForm assignment={assignment} onDone={() => setEditing(false)} />;
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
        <Button size="small" variant="outlined" onClick={() => setEditing(true)}>
          {assignment.expires_at ? 'Change expiry' : 'Set expiry'}
        </Button>
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
      {clear.isError ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          The expiry could not be cleared: {errorMessage(clear.error)}
        </Alert>
      ) : null}
    </Box>
  );
}
