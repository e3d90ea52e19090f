import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Switch from '@mui/material/Switch';
import { useController, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldId, type ControlledFieldProps } from './field-props';

export type BooleanElementProps<T extends FieldValues, N extends FieldPath<T>, TTransformed = T> = ControlledFieldProps<
  T,
  N,
  TTransformed
> & { kind: 'checkbox' | 'switch' };

/** Shared body of CheckboxElement and SwitchElement: a labelled boolean with its error below. */
export function BooleanElement<T extends FieldValues, N extends FieldPath<T>, TTransformed = T>({
  name,
  label,
  control,
  required = false,
  disabled,
  helperText,
  id,
  kind,
}: BooleanElementProps<T, N, TTransformed>) {
  const { field, fieldState } = useController<T, N, TTransformed>({ name, control, disabled });
  const inputId = fieldId(name, id);
  const helperId = `${inputId}-helper-text`;
  const message = fieldState.error?.message ?? helperText;
  const input = {
    id: inputId,
    'aria-invalid': fieldState.invalid || undefined,
    'aria-required': required || undefined,
    'aria-describedby': message ? helperId : undefined,
  };
  const controlProps = {
    name: field.name,
    checked: field.value === true,
    onChange: (_event: unknown, checked: boolean) => field.onChange(checked),
    onBlur: field.onBlur,
    disabled: field.disabled,
    // MUI 9's Checkbox and Switch take the input's ref in slotProps (an `inputRef` prop reached the DOM).
    slotProps: { input: { ...input, ref: field.ref } },
  };
  return (
    <FormControl error={fieldState.invalid} required={required} margin="dense" sx={{ display: 'flex' }}>
      <FormControlLabel
        control={kind === 'switch' ? <Switch {...controlProps} /> : <Checkbox {...controlProps} />}
        label={label}
      />
      {message ? <FormHelperText id={helperId}>{message}</FormHelperText> : null}
    </FormControl>
  );
}
