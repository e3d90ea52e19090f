import type { FieldPath, FieldValues } from 'react-hook-form';
import { BooleanElement } from './boolean-element';
import type { ControlledFieldProps } from './field-props';

/** A labelled switch on useController (value: boolean), for settings that take effect on save. */
export function SwitchElement<T extends FieldValues, N extends FieldPath<T>, TTransformed = T>(
  props: ControlledFieldProps<T, N, TTransformed>,
) {
  return <BooleanElement {...props} kind="switch" />;
}
