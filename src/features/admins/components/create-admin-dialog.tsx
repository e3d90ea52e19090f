import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useForm, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { applyApiError } from '@/components/form/apply-api-error';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { TextFieldElement } from '@/components/form/text-field-element';
import { ApiError } from '@/lib/api-error';
import { useCreateAdmin } from '../api/mutations';
import { createAdminSchema, type CreateAdminValues } from '../schemas';
import { PasswordField } from './password-field';

export interface CreateAdminDialogProps {
  open: boolean;
  onClose: () => void;
  /** After the 204: the new account's email and name (the API returns no id). */
  onCreated: (created: { email: string; fullName: string }) => void;
}

const FIELDS = ['firstName', 'lastName', 'email', 'password'] as const;

/**
 * The Admins API answers 400 with a sentence, not a 422 with a field: "Email already exists" goes
 * to the email field, the password rule to the password field, any other sentence naming a field
 * to that field, the rest above the actions. Nothing typed is reset.
 */
export function placeCreateError(form: Pick<UseFormReturn<CreateAdminValues>, 'setError' | 'getValues'>, error: unknown): void {
  if (error instanceof ApiError && error.status === 400 && typeof error.detail === 'string') {
    const detail = error.detail;
    const field: FieldPath<CreateAdminValues> | undefined = /email/i.test(detail)
      ? 'email'
      : /password/i.test(detail)
        ? 'password'
        : FIELDS.find((name) => new RegExp(`\\b${name}\\b`, 'i').test(detail));
    if (field) {
      form.setError(field, { type: 'server', message: detail }, { shouldFocus: true });
      return;
    }
  }
  applyApiError(form, error, { fields: FIELDS });
}

/** Create admin: first name, last name, email and a password that meets the API's rule. */
export function CreateAdminDialog({ open, onClose, onCreated }: CreateAdminDialogProps) {
  const titleId = useId();
  const create = useCreateAdmin();
  const form = useForm<CreateAdminValues>({
    resolver: zodResolver(createAdminSchema),
    defaultValues: { firstName: '', lastName: '', email: '', password: '' },
  });
  const close = () => {
    if (!create.isPending) onClose();
  };
  // Read-only, not disabled, while the request is out: a disabled input cannot take focus, so the
  // server's refusal could not focus the field at fault (and the focus fell out of the dialog).
  const locked = { htmlInput: { readOnly: create.isPending } };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Create admin</DialogTitle>
      <FormContainer
        form={form}
        aria-labelledby={titleId}
        onSubmit={(values) =>
          create.mutate(
            { firstName: values.firstName, lastName: values.lastName, email: values.email, password: values.password },
            {
              onSuccess: () => {
                onCreated({ email: values.email, fullName: `${values.firstName} ${values.lastName}` });
                form.reset();
              },
              onError: (error) => placeCreateError(form, error),
            },
          )
        }
      >
        <DialogContent sx={{ pt: 0 }}>
          <TextFieldElement control={form.control} name="firstName" label="First name" required autoComplete="off" slotProps={locked} />
          <TextFieldElement control={form.control} name="lastName" label="Last name" required autoComplete="off" slotProps={locked} />
          <TextFieldElement control={form.control} name="email" label="Email" type="email" required autoComplete="off" slotProps={locked} />
          <PasswordField control={form.control} readOnly={create.isPending} />
          <FormRootError />
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" loading={create.isPending} loadingPosition="start">
            Create admin
          </Button>
        </DialogActions>
      </FormContainer>
    </Dialog>
  );
}
