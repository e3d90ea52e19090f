import type { FieldPath, FieldValues } from 'react-hook-form';
import { BooleanElement } from './boolean-element';
import type { ControlledFieldProps } from './field-props';

/** A labelled checkbox on useController (value: boolean). */
export function CheckboxElement<T extends FieldValues, N extends FieldPath<T>, TTransformed = T>(
  props: ControlledFieldProps<T, N, TTransformed>,
) {
  return <BooleanElement {...props} kind="checkbox" />;
}
