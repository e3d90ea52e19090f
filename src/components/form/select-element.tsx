import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldId, type ControlledFieldProps } from './field-props';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectElementProps<T extends FieldValues, N extends FieldPath<T>, TTransformed = T> = ControlledFieldProps<
  T,
  N,
  TTransformed
> &
  Pick<TextFieldProps, 'fullWidth' | 'margin' | 'size' | 'sx' | 'autoFocus'> & {
    options: readonly SelectOption[];
    /** Adds a first option with value "" stored as null (e.g. "Any role", "No partner"). */
    emptyOption?: string;
  };

/** An MUI select (role combobox, named by its label) on useController. null ↔ the empty option. */
export function SelectElement<T extends FieldValues, N extends FieldPath<T>, TTransformed = T>({
  name,
  label,
  control,
  required = false,
  disabled,
  helperText,
  id,
  options,
  emptyOption,
  ...textFieldProps
}: SelectElementProps<T, N, TTransformed>) {
  const { field, fieldState } = useController<T, N, TTransformed>({ name, control, disabled });
  const value: unknown = field.value;
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      {...textFieldProps}
      id={fieldId(name, id)}
      name={field.name}
      label={label}
      required={required}
      disabled={field.disabled}
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(event) => field.onChange(event.target.value === '' && emptyOption !== undefined ? null : event.target.value)}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? helperText}
      slotProps={{ select: { SelectDisplayProps: { 'aria-required': required } as object } }}
    >
      {emptyOption !== undefined ? <MenuItem value="">{emptyOption}</MenuItem> : null}
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
