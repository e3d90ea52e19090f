import type { ReactNode } from 'react';
import type { FieldPath, FieldValues, UseControllerProps } from 'react-hook-form';

/** What every `*Element` wrapper takes. `label` is required: every control has a visible label. */
export interface ControlledFieldProps<
  T extends FieldValues,
  N extends FieldPath<T>,
  TTransformed = T,
> {
  name: N;
  label: string;
  /** Defaults to the surrounding FormContainer's form. */
  control?: UseControllerProps<T, N, TTransformed>['control'];
  /** Shows the required marker and sets aria-required. Validation itself is the schema's job. */
  required?: boolean;
  disabled?: boolean;
  /** Hint under the field; replaced by the error message while there is one. */
  helperText?: ReactNode;
  /** Defaults to the field name. */
  id?: string;
}

/** DOM ids from field names ("settings.mfa_required" → "settings-mfa_required"), stable for labels. */
export function fieldId(name: string, id?: string): string {
  return id ?? name.replace(/\./g, '-');
}
