import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, type ComponentType } from 'react';
import { Controller, useForm, useWatch, type Control, type Resolver } from 'react-hook-form';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { SelectElement } from '@/components/form/select-element';
import { TextFieldElement } from '@/components/form/text-field-element';
import { PartnerPicker } from '@/components/pickers/partner-picker';
import { TenantPicker } from '@/components/pickers/tenant-picker';
import { UserPicker } from '@/components/pickers/user-picker';
import type { PickerProps } from '@/components/pickers/entity-picker';
import { ApiError } from '@/lib/api-error';
import { partnerLookups, tenantLookups, userDisplayName, userLookups } from '@/lib/lookups/queries';
import { notify } from '@/lib/notifications';
import { timeZoneLabel } from '@/utils/dates';
import { useAssignRole } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { applyApiError } from '@/components/form/apply-api-error';
import {
  emptyAssignRoleForm,
  makeAssignRoleCommonSchema,
  makeAssignRoleSchema,
  ROLE_LABELS,
  ROLES,
  toCreateBody,
  type AssignRoleFormState,
  type AssignRoleValues,
} from '../schemas';

type PickerName = 'user_id' | 'partner_id' | 'tenant_id';

/** A picker bound to one id field of the form ('' in the form ↔ null in the picker). */
function PickerField({
  name,
  label,
  control,
  Picker,
}: {
  name: PickerName;
  label: string;
  control: Control<AssignRoleFormState, unknown, AssignRoleValues>;
  Picker: ComponentType<PickerProps>;
}) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Picker
          id={name}
          name={name}
          label={label}
          required
          margin="normal"
          value={field.value || null}
          onChange={(id) => field.onChange(id ?? '')}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={fieldState.invalid}
          helperText={fieldState.error?.message}
        />
      )}
    />
  );
}

/** "Ana Lima already has an active Tenant Admin role for Acme Corporation." from what the pickers cached. */
function describeDuplicate(queryClient: QueryClient, values: AssignRoleValues): string {
  const user = queryClient.getQueryData(userLookups.detail(values.user_id).queryKey);
  const who = user ? userDisplayName(user) : 'This user';
  let where = '';
  if (values.role === 'PARTNER_ADMIN') {
    where = ` for ${queryClient.getQueryData(partnerLookups.detail(values.partner_id).queryKey)?.name ?? 'this partner'}`;
  } else if (values.role === 'TENANT_ADMIN') {
    where = ` for ${queryClient.getQueryData(tenantLookups.detail(values.tenant_id).queryKey)?.name ?? 'this tenant'}`;
  }
  return `${who} already has an active ${ROLE_LABELS[values.role]} role${where}. Change or reactivate that assignment instead.`;
}

/**
 * zodResolver over the role union; while no role is chosen, the shared fields' errors are added, so
 * one submit shows everything that is missing.
 */
function assignRoleResolver(): Resolver<AssignRoleFormState, unknown, AssignRoleValues> {
  const byRole = zodResolver(makeAssignRoleSchema()) as unknown as Resolver<AssignRoleFormState, unknown, AssignRoleValues>;
  const common = zodResolver(makeAssignRoleCommonSchema()) as unknown as Resolver<AssignRoleFormState, unknown, AssignRoleValues>;
  return async (values, context, options) => {
    const result = await byRole(values, context, options);
    if (values.role !== '') return result;
    const shared = await common(values, context, options);
    return { values: {}, errors: { ...shared.errors, ...result.errors } };
  };
}

export interface AssignRoleDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called with the new assignment after it was created (the dialog then closes). */
  onAssigned?: (assignment: RoleAssignment) => void;
  /** Preselects the user (e.g. on that user's roles page). */
  userId?: string;
}

interface AssignRoleFormProps extends Omit<AssignRoleDialogProps, 'open'> {
  titleId: string;
  assign: ReturnType<typeof useAssignRole>;
}

function AssignRoleForm({ onClose, onAssigned, userId, titleId, assign }: AssignRoleFormProps) {
  const queryClient = useQueryClient();
  const resolver = useMemo(() => assignRoleResolver(), []);
  const form = useForm<AssignRoleFormState, unknown, AssignRoleValues>({
    resolver,
    defaultValues: { ...emptyAssignRoleForm, user_id: userId ?? '' },
  });
  const role = useWatch({ control: form.control, name: 'role' });
  // Switching role clears (and hides) the scope field that no longer applies.
  const { subscribe, setValue, clearErrors } = form;
  useEffect(
    () =>
      subscribe({
        name: 'role',
        exact: true,
        formState: { values: true },
        callback: ({ values }) => {
          for (const field of ['partner_id', 'tenant_id'] as const) {
            if (values[field] !== '') setValue(field, '');
            clearErrors(field);
          }
        },
      }),
    [subscribe, setValue, clearErrors],
  );
  // One click, one assignment: a second submit while the first is on its way is ignored.
  const inFlight = useRef(false);

  const onSubmit = (values: AssignRoleValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    assign.mutate(toCreateBody(values), {
      onSuccess: (created) => {
        const user = queryClient.getQueryData(userLookups.detail(values.user_id).queryKey);
        notify(`Assigned ${ROLE_LABELS[values.role]} to ${user ? userDisplayName(user) : 'the user'}.`, 'success');
        onAssigned?.(created);
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          form.setError('root.server', { type: 'server', message: describeDuplicate(queryClient, values) });
          return;
        }
        const visible = ['user_id', 'role', 'expires_at', ...(values.role === 'PARTNER_ADMIN' ? ['partner_id'] : []), ...(values.role === 'TENANT_ADMIN' ? ['tenant_id'] : [])];
        applyApiError(form, error, { fields: visible });
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const pending = assign.isPending;
  return (
    <FormContainer form={form} onSubmit={onSubmit} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Assign role</DialogTitle>
      <DialogContent>
        <PickerField name="user_id" label="User" control={form.control} Picker={UserPicker} />
        <SelectElement<AssignRoleFormState, 'role', AssignRoleValues>
          name="role"
          label="Role"
          required
          options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          helperText="Super Admins manage the whole platform; Partner and Tenant Admins only their partner or tenant."
        />
        {role === 'PARTNER_ADMIN' ? <PickerField name="partner_id" label="Partner" control={form.control} Picker={PartnerPicker} /> : null}
        {role === 'TENANT_ADMIN' ? <PickerField name="tenant_id" label="Tenant" control={form.control} Picker={TenantPicker} /> : null}
        <TextFieldElement<AssignRoleFormState, 'expires_at', AssignRoleValues>
          name="expires_at"
          type="datetime-local"
          label={`Expires at, ${timeZoneLabel()}`}
          helperText="Optional. Leave empty for an assignment that does not expire."
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <FormRootError />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" loading={pending} loadingPosition="start" disabled={pending}>
          Assign role
        </Button>
      </DialogActions>
    </FormContainer>
  );
}

/**
 * "Assign role": user, role, then only the scope that role needs, and an optional expiry. Server
 * answers land where they belong; what the admin chose is kept on any failure.
 */
export function AssignRoleDialog({ open, onClose, ...rest }: AssignRoleDialogProps) {
  const titleId = useId();
  const assign = useAssignRole();
  // While saving, Escape and the backdrop do not close the dialog.
  const close = () => {
    if (!assign.isPending) onClose();
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      {open ? <AssignRoleForm onClose={close} titleId={titleId} assign={assign} {...rest} /> : null}
    </Dialog>
  );
}
