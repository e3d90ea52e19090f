import { tenantLookups } from '@/lib/lookups/queries';
import { EntityPicker, type PickerProps } from './entity-picker';

/**
 * Pick a tenant by searching `/tenants` (name, slug, contact email). Options show the name and
 * the slug. `value` is a tenant id (`tnt_...`) or null.
 */
export function TenantPicker(props: PickerProps) {
  return (
    <EntityPicker
      {...props}
      lookup={tenantLookups}
      primaryText={(tenant) => tenant.name}
      secondaryText={(tenant) => tenant.slug}
      unknownText={(id) => `Unknown tenant (${id})`}
      noOptionsText="No tenants match"
    />
  );
}
