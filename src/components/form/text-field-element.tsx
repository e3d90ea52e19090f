import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldId, type ControlledFieldProps } from './field-props';

export type TextFieldElementProps<T extends FieldValues, N extends FieldPath<T>, TTransformed = T> = ControlledFieldProps<
  T,
  N,
  TTransformed
> &
  Omit<
    TextFieldProps,
    'name' | 'label' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'error' | 'required' | 'disabled' | 'id' | 'inputRef' | 'select'
  > & {
    /** Store an emptied field as null instead of "" (nullable API fields). */
    emptyAsNull?: boolean;
  };

/**
 * An MUI TextField on useController. null/undefined show as ""; type="number" stores a number
 * (or null when empty). The field's ref is forwarded, so a failed submit focuses the first error.
 */
export function TextFieldElement<T extends FieldValues, N extends FieldPath<T>, TTransformed = T>({
  name,
  label,
  control,
  required = false,
  disabled,
  helperText,
  id,
  emptyAsNull = false,
  type = 'text',
  slotProps,
  ...textFieldProps
}: TextFieldElementProps<T, N, TTransformed>) {
  const { field, fieldState } = useController<T, N, TTransformed>({ name, control, disabled });
  const value: unknown = field.value;
  return (
    <TextField
      fullWidth
      margin="normal"
      {...textFieldProps}
      id={fieldId(name, id)}
      name={field.name}
      type={type}
      label={label}
      required={required}
      disabled={field.disabled}
      value={value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? '' : value}
      onChange={(event) => {
        const raw = event.target.value;
        if (type === 'number') field.onChange(raw === '' ? null : Number(raw));
        else field.onChange(emptyAsNull && raw === '' ? null : raw);
      }}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? helperText}
      slotProps={{
        ...slotProps,
        htmlInput: { 'aria-required': required, ...(slotProps?.htmlInput as object | undefined) },
      }}
    />
  );
}
