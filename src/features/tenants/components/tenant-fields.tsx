import { useController, useFormContext } from 'react-hook-form';
import { SelectElement } from '@/components/form/select-element';
import { TextFieldElement } from '@/components/form/text-field-element';
import { LazyPartnerPicker } from '@/components/pickers/lazy-pickers';
import { SLUG_MAX, SLUG_MIN, STATUS_LABELS, TENANT_STATUSES, type TenantFormInput, type TenantFormValues } from '../schemas';

const STATUS_OPTIONS = TENANT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

function PartnerField() {
  const { control } = useFormContext<TenantFormInput, unknown, TenantFormValues>();
  const { field, fieldState } = useController({ control, name: 'partner_id' });
  return (
    <LazyPartnerPicker
      id="partner_id"
      name={field.name}
      label="Partner"
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={field.disabled}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? 'Optional: the partner that manages this tenant'}
      margin="normal"
    />
  );
}

/** Name, slug, contact email, partner and status: the create form and the General section share them. */
export function TenantFields({ slugHint }: { slugHint?: string }) {
  return (
    <>
      <TextFieldElement<TenantFormInput, 'name', TenantFormValues> name="name" label="Name" required autoComplete="off" />
      <TextFieldElement<TenantFormInput, 'slug', TenantFormValues>
        name="slug"
        label="Slug"
        required
        autoComplete="off"
        helperText={`Lowercase letters, digits and hyphens, ${SLUG_MIN}–${SLUG_MAX} characters.${slugHint ? ` ${slugHint}` : ''}`}
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
      />
      <TextFieldElement<TenantFormInput, 'contact_email', TenantFormValues>
        name="contact_email"
        label="Contact email"
        type="email"
        emptyAsNull
        autoComplete="off"
        helperText="Optional"
      />
      <PartnerField />
      <SelectElement<TenantFormInput, 'status', TenantFormValues> name="status" label="Status" required options={STATUS_OPTIONS} />
    </>
  );
}
