import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { TextFieldElement } from '@/components/form/text-field-element';
import { notify } from '@/lib/notifications';
import { useSetAssignmentExpiry } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { isoToLocalDateTime, localDateTimeToIso, timeZoneLabel } from '@/utils/dates';
import { makeExpirySchema, type ExpiryFormValues } from '../schemas';
import { applyApiError } from '@/components/form/apply-api-error';

/** Setting or changing the expiry; its own module, loaded when the admin starts editing (see expiry-editor). */
export function ExpiryForm({ assignment, onDone }: { assignment: RoleAssignment; onDone: () => void }) {
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
        onError: (error) => applyApiError(form, error, { fields: ['expires_at'] }),
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
