import TextField from '@mui/material/TextField';
import { lazy, Suspense, type ComponentType } from 'react';
import type { PickerProps } from './entity-picker';

/**
 * Pickers whose code (MUI Autocomplete and the search) loads apart from the screen, for a filter
 * bar or form that must not weigh on the screen's first load. Until it is there, a disabled field of the
 * same label and size holds its place.
 */
function lazyPicker(load: () => Promise<ComponentType<PickerProps>>): ComponentType<PickerProps> {
  const Picker = lazy(() => load().then((component) => ({ default: component })));
  function LazyPicker(props: PickerProps) {
    return (
      <Suspense
        fallback={
          <TextField
            label={props.label}
            size={props.size}
            margin={props.margin}
            required={props.required}
            helperText={props.helperText}
            fullWidth={props.fullWidth ?? true}
            disabled
            // The hint stays readable (and passes contrast) while the field waits for its code.
            slotProps={{ formHelperText: { disabled: false } }}
          />
        }
      >
        <Picker {...props} />
      </Suspense>
    );
  }
  return LazyPicker;
}

export const LazyUserPicker = lazyPicker(() => import('./user-picker').then((m) => m.UserPicker));
export const LazyTenantPicker = lazyPicker(() => import('./tenant-picker').then((m) => m.TenantPicker));
export const LazyPartnerPicker = lazyPicker(() => import('./partner-picker').then((m) => m.PartnerPicker));
