import { zodResolver } from '@hookform/resolvers/zod';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { notify } from '@/lib/notifications';
import { exactTime } from '@/utils/dates';
import { applyApiError } from '@/components/form/apply-api-error';
import {
  fromTenant,
  SLUG_CONFLICT,
  TENANT_FORM_FIELDS,
  tenantFormSchema,
  toUpdateBody,
  type Tenant,
  type TenantFormInput,
  type TenantFormValues,
} from '../schemas';
import type { FlatValues } from '../three-way';
import { useCheckedSave } from './checked-save';
import { PartnerName, usePartnerName } from './partner-name';
import { TenantStatusChip } from './tenant-status-chip';

// The fields (the partner picker, the status select) load when the admin starts editing.
const TenantFields = lazy(() => import('./tenant-fields').then((m) => ({ default: m.TenantFields })));

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Box component="dt" sx={{ color: 'text.secondary' }}>
        {label}
      </Box>
      <Box component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children}
      </Box>
    </>
  );
}

function GeneralView({ tenant }: { tenant: Tenant }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', rowGap: 1.5, columnGap: 3 }}>
      <Field label="Name">{tenant.name}</Field>
      <Field label="Slug">
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {tenant.slug}
        </Box>
      </Field>
      <Field label="Status">
        <TenantStatusChip status={tenant.status} />
      </Field>
      <Field label="Contact email">{tenant.contact_email ?? 'None'}</Field>
      <Field label="Partner">
        <PartnerName partnerId={tenant.partner_id} />
      </Field>
      <Field label="ID">
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {tenant.id}
        </Box>
      </Field>
      <Field label="Created">{exactTime(tenant.created_at)}</Field>
      <Field label="Last changed">{exactTime(tenant.updated_at)}</Field>
    </Box>
  );
}

interface MovePartnerDialogProps {
  open: boolean;
  tenantName: string;
  from: string | null;
  to: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Move Acme to Northwind Partners?" naming where it comes from and where it goes. */
function MovePartnerDialog({ open, tenantName, from, to, onConfirm, onClose }: MovePartnerDialogProps) {
  const fromName = usePartnerName(from);
  const toName = usePartnerName(to);
  return (
    <ConfirmDialog
      open={open}
      title={to ? `Move ${tenantName} to ${toName}?` : `Remove ${tenantName} from ${fromName}?`}
      confirmLabel={to ? 'Move tenant' : 'Remove partner'}
      destructive={false}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      {to
        ? `${tenantName} moves from ${from ? fromName : 'no partner'} to ${toName}. ${toName}'s admins will manage it${from ? `, and ${fromName}'s will no longer see it` : ''}.`
        : `${tenantName} will no longer belong to ${fromName}, and ${fromName}'s admins will no longer see it.`}
    </ConfirmDialog>
  );
}

/** The fields this section edits, for the conflict view's three-way merge. */
function generalFields(tenant: Pick<Tenant, 'name' | 'slug' | 'status' | 'contact_email' | 'partner_id'>): FlatValues {
  return { name: tenant.name, slug: tenant.slug, status: tenant.status, contact_email: tenant.contact_email, partner_id: tenant.partner_id };
}

export interface GeneralSectionProps {
  tenant: Tenant;
  onDirtyChange: (dirty: boolean) => void;
}

/** Name, slug, status, contact email and partner: shown, and edited in place with Save and Cancel. */
export function GeneralSection({ tenant, onDirtyChange }: GeneralSectionProps) {
  const [editing, setEditing] = useState(false);
  const [pendingMove, setPendingMove] = useState<{ values: TenantFormValues; from: string | null } | null>(null);
  const form = useForm<TenantFormInput, unknown, TenantFormValues>({
    resolver: zodResolver(tenantFormSchema),
    defaultValues: fromTenant(tenant),
  });
  const { isDirty } = form.formState;
  const { save, saving, dialog } = useCheckedSave(tenant.id);
  const base = useRef(tenant);
  const editButton = useRef<HTMLButtonElement>(null);

  useEffect(() => onDirtyChange(editing && isDirty), [editing, isDirty, onDirtyChange]);

  const startEditing = () => {
    base.current = tenant;
    form.reset(fromTenant(tenant));
    setEditing(true);
  };

  const stopEditing = () => {
    setEditing(false);
    // Back to the Edit button, so keyboard users do not lose their place.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const persist = (values: TenantFormValues) => {
    const edit = {
      base: base.current,
      yours: generalFields(values),
      fieldsOf: generalFields,
      buildBody: (latest: Tenant, fields: FlatValues) => toUpdateBody(latest, { ...values, ...fields } as TenantFormValues),
    };
    void save(edit, {
      onSuccess: (saved) => {
        base.current = saved;
        form.reset(fromTenant(saved));
        notify('Tenant saved', 'success');
        stopEditing();
      },
      onError: (error) => applyApiError(form, error, { fields: TENANT_FORM_FIELDS, ...SLUG_CONFLICT }),
      onReload: (latest) => {
        base.current = latest;
        form.reset(fromTenant(latest));
      },
    });
  };

  const onSubmit = (values: TenantFormValues) => {
    if (values.partner_id !== base.current.partner_id) setPendingMove({ values, from: base.current.partner_id });
    else persist(values);
  };

  return (
    <Box component="section" aria-labelledby="general-heading" sx={{ mb: 4 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography id="general-heading" component="h2" variant="h5">
          General
        </Typography>
        {editing ? null : (
          <Button ref={editButton} startIcon={<EditOutlined />} onClick={startEditing} aria-label="Edit general details">
            Edit
          </Button>
        )}
      </Box>
      {editing ? (
        <FormContainer form={form} onSubmit={onSubmit} aria-labelledby="general-heading" style={{ maxWidth: 640 }}>
          <Suspense fallback={null}>
            <TenantFields />
          </Suspense>
          <FormRootError />
          <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
            <Button type="submit" variant="contained" disabled={!isDirty || saving} loading={saving} loadingPosition="start">
              Save
            </Button>
            <Button onClick={stopEditing} disabled={saving}>
              Cancel
            </Button>
          </Box>
        </FormContainer>
      ) : (
        <GeneralView tenant={tenant} />
      )}
      <MovePartnerDialog
        open={pendingMove !== null}
        tenantName={pendingMove?.values.name ?? tenant.name}
        from={pendingMove?.from ?? null}
        to={pendingMove?.values.partner_id ?? null}
        onConfirm={() => {
          if (pendingMove) persist(pendingMove.values);
        }}
        onClose={() => setPendingMove(null)}
      />
      {dialog}
    </Box>
  );
}
