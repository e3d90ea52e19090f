import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { paths } from '@/config/paths';
import { notify } from '@/lib/notifications';
import { useCreateTenant } from '../api/mutations';
import { applyApiError } from '@/components/form/apply-api-error';
import {
  emptyTenantForm,
  slugify,
  SLUG_CONFLICT,
  TENANT_FORM_FIELDS,
  tenantFormSchema,
  toCreateBody,
  type TenantFormInput,
  type TenantFormValues,
} from '../schemas';
import { TenantFields } from './tenant-fields';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

/**
 * "Create tenant": the slug follows the name until the admin edits it; a taken slug (409) and
 * 422s land on their fields; what was typed is kept on any failure; success opens the new tenant.
 */
export function CreateTenantForm() {
  const navigate = useNavigate();
  const create = useCreateTenant();
  const form = useForm<TenantFormInput, unknown, TenantFormValues>({
    resolver: zodResolver(tenantFormSchema),
    defaultValues: emptyTenantForm,
  });
  const { dialog, allowNextNavigation } = useUnsavedChangesGuard(form.formState.isDirty);

  // The slug is suggested from the name until the admin types a slug of their own.
  const name = useWatch({ control: form.control, name: 'name' });
  useEffect(() => {
    if (form.getFieldState('slug').isDirty) return;
    form.setValue('slug', slugify(name), { shouldValidate: form.formState.isSubmitted });
  }, [name, form]);

  const onSubmit = (values: TenantFormValues) => {
    create.mutate(toCreateBody(values), {
      onSuccess: (tenant) => {
        notify(`Tenant “${tenant.name}” created`, 'success');
        allowNextNavigation();
        void navigate(paths.tenant.to(tenant.id));
      },
      onError: (error) => applyApiError(form, error, { fields: TENANT_FORM_FIELDS, ...SLUG_CONFLICT }),
    });
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }}>
      <FormContainer form={form} onSubmit={onSubmit} aria-label="Create tenant">
        <TenantFields slugHint="Suggested from the name until you change it." />
        <FormRootError />
        <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
          <Button type="submit" variant="contained" loading={create.isPending} loadingPosition="start" disabled={create.isPending}>
            Create tenant
          </Button>
          <Button component={RouterLink} to={paths.tenants.to()}>
            Cancel
          </Button>
        </Box>
      </FormContainer>
      {dialog}
    </Paper>
  );
}
