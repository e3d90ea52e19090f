import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { applyApiError } from '@/components/form/apply-api-error';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { TextFieldElement } from '@/components/form/text-field-element';
import { exactTime, isoToLocalDateTime, localDateTimeToIso, timeZoneLabel } from '@/utils/dates';
import { useExtendAssignment } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { addDays, extensionBase, extensionFor, isExpired } from '../extend';

type Extendable = Pick<RoleAssignment, 'expires_at' | 'is_active'>;

/**
 * The chosen date (a datetime-local value, the admin's wall-clock time), checked by the same rule
 * as the request: after now, and after the current expiry unless it has passed.
 */
export function makeExtendUntilSchema(assignment: Extendable, now: () => Date = () => new Date()) {
  return z.object({
    expires_at: z.string().check(
      z.superRefine((value, ctx) => {
        if (value === '') {
          ctx.addIssue({ code: 'custom', message: 'Enter a date and time', input: value });
          return;
        }
        const result = extensionFor(assignment, { until: new Date(value) }, now());
        if (result && 'error' in result) ctx.addIssue({ code: 'custom', message: result.error, input: value });
      }),
    ),
  });
}

type ExtendUntilValues = z.output<ReturnType<typeof makeExtendUntilSchema>>;

export interface ExtendUntilDialogProps {
  open: boolean;
  onClose: () => void;
  assignment: RoleAssignment;
  /** "Tenant Admin of Ana Lima", for the title. */
  subject: string;
}

type Extend = ReturnType<typeof useExtendAssignment>;

function ExtendUntilForm({
  assignment,
  subject,
  onClose,
  onDone,
  titleId,
  extend,
}: Omit<ExtendUntilDialogProps, 'open'> & { onDone: () => void; titleId: string; extend: Extend }) {
  const descriptionId = useId();
  const renew = isExpired(assignment);
  const schema = useMemo(() => makeExtendUntilSchema(assignment), [assignment]);
  const base = extensionBase(assignment);
  const form = useForm<ExtendUntilValues>({
    resolver: zodResolver(schema),
    // A month on from what the days would count from: a valid start to adjust.
    defaultValues: { expires_at: base ? isoToLocalDateTime(addDays(base, 30).toISOString()) : '' },
  });
  const onSubmit = ({ expires_at }: ExtendUntilValues) => {
    if (extend.isPending) return;
    extend.mutate(
      { assignment, choice: { until: new Date(localDateTimeToIso(expires_at)) } },
      { onSuccess: onDone, onError: (error) => applyApiError(form, error, { fields: ['expires_at'] }) },
    );
  };
  return (
    <FormContainer form={form} onSubmit={onSubmit} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <DialogTitle id={titleId}>{renew ? `Renew ${subject} until a date` : `Extend ${subject} to a date`}</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>
          {assignment.expires_at
            ? renew
              ? `It expired on ${exactTime(assignment.expires_at)}. Renewing makes it active again until the date you choose.`
              : `It expires on ${exactTime(assignment.expires_at)}. Choose a later date.`
            : null}
        </DialogContentText>
        <TextFieldElement<ExtendUntilValues, 'expires_at'>
          name="expires_at"
          type="datetime-local"
          label={`New expiry, ${timeZoneLabel()}`}
          required
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <FormRootError />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={extend.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" loading={extend.isPending} loadingPosition="start" disabled={extend.isPending}>
          {renew ? 'Renew' : 'Extend'}
        </Button>
      </DialogActions>
    </FormContainer>
  );
}

/** "To a date…" of the Extend/Renew menu: a date and time, checked at the field; kept as typed when refused. */
export function ExtendUntilDialog({ open, onClose, ...rest }: ExtendUntilDialogProps) {
  const titleId = useId();
  // Refusals are shown in the form (at the field, or above the buttons), not as a snackbar.
  const extend = useExtendAssignment({ notifyErrors: false });
  // While saving, Escape and the backdrop do not close the dialog.
  const close = () => {
    if (!extend.isPending) onClose();
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="xs" fullWidth aria-labelledby={titleId}>
      {/* Mounted per opening: each starts from the assignment as it is then. */}
      {open ? <ExtendUntilForm {...rest} onClose={close} onDone={onClose} titleId={titleId} extend={extend} /> : null}
    </Dialog>
  );
}
