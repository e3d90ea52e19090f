import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyApiError } from '@/components/form/apply-api-error';

/** FastAPI-style value errors start with "Value error, "; people need only the rest. */
export function cleanServerMessage(message: string): string {
  return message.replace(/^Value error,\s*/i, '').replace(/^\w/, (c) => c.toUpperCase());
}

/** applyApiError, with the server's messages cleaned for display. */
export function applyServerError<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>,
  error: unknown,
  fields: readonly string[],
): void {
  applyApiError(
    {
      getValues: form.getValues,
      setError: (name, fieldError, options) =>
        form.setError(name, { ...fieldError, message: fieldError.message && cleanServerMessage(fieldError.message) }, options),
    },
    error,
    fields,
  );
}
