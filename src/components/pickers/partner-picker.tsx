import { partnerLookups } from '@/lib/lookups/queries';
import { EntityPicker, type PickerProps } from './entity-picker';

/**
 * Pick a partner by searching `/partners` (name, slug). Options show the name and the slug.
 * `value` is a partner id (`prt_...`) or null.
 */
export function PartnerPicker(props: PickerProps) {
  return (
    <EntityPicker
      {...props}
      lookup={partnerLookups}
      primaryText={(partner) => partner.name}
      secondaryText={(partner) => partner.slug}
      unknownText={(id) => `Unknown partner (${id})`}
      noOptionsText="No partners match"
    />
  );
}
