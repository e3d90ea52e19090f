import Alert from '@mui/material/Alert';
import { useFormState, type FieldValues } from 'react-hook-form';

/** The form-level error (one that belongs to no field), above the actions. See applyApiError. */
export function FormRootError<T extends FieldValues>() {
  const { errors } = useFormState<T>();
  const message = errors.root?.server?.message ?? errors.root?.message;
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {message}
    </Alert>
  );
}
