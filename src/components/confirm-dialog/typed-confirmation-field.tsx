import TextField from '@mui/material/TextField';

export interface TypedConfirmationFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}

/** The field a typed confirmation is typed into (loaded only by dialogs that ask for one). */
export function TypedConfirmationField({ label, value, onChange, disabled }: TypedConfirmationFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      fullWidth
      margin="normal"
      disabled={disabled}
      slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
    />
  );
}
