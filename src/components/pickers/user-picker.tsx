import { userDisplayName, userLookups } from '@/lib/lookups/queries';
import { EntityPicker, type PickerProps } from './entity-picker';

/**
 * Pick a user by searching `/users` (name or email). Options show the name and the email.
 * `value` is a user id (`usr_...`) or null.
 */
export function UserPicker(props: PickerProps) {
  return (
    <EntityPicker
      {...props}
      lookup={userLookups}
      primaryText={userDisplayName}
      secondaryText={(user) => user.email}
      unknownText={(id) => `Unknown user (${id})`}
      noOptionsText="No users match"
    />
  );
}
