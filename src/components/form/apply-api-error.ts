import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError } from '@/lib/api-error';

export interface ApplyApiErrorOptions {
  /** The form's field paths; defaults to every path that has a value in the form. */
  fields?: readonly string[];
  /** The body key the form edits the inside of ("settings"): 422 locs below it map onto the form's paths. */
  under?: string;
  /** A 409 (a duplicate) belongs on this field, when the form has it: "slug". */
  conflictField?: string;
  /** Added to a 409's message at its field: "Choose another slug." */
  conflictHint?: string;
}

/**
 * The one way a failed save's error is put where it belongs: each 422 item whose `loc` names a
 * field of this form on that field (setError, which also focuses the first one; the message
 * without pydantic's "Value error, " prefix), a 409 on `conflictField`, everything else as the
 * form's root error (shown by FormRootError). What the user typed is never reset.
 */
export function applyApiError<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>,
  error: unknown,
  { fields, under, conflictField, conflictHint }: ApplyApiErrorOptions = {},
): void {
  const known = (path: string) =>
    path !== '' && (fields ? fields.includes(path) : form.getValues(path as FieldPath<T>) !== undefined);
  if (error instanceof ApiError && error.status === 409 && conflictField && known(conflictField)) {
    const message = conflictHint ? `${error.message}. ${conflictHint}` : error.message;
    form.setError(conflictField as FieldPath<T>, { type: 'server', message }, { shouldFocus: true });
    return;
  }
  const leftOver: string[] = [];
  const items = error instanceof ApiError && error.status === 422 ? error.fieldErrors(under) : [];
  let focused = false;
  for (const item of items) {
    if (known(item.path)) {
      form.setError(item.path as FieldPath<T>, { type: 'server', message: item.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      leftOver.push(item.path ? `${item.path}: ${item.message}` : item.message);
    }
  }
  if (items.length === 0) {
    leftOver.push(error instanceof Error ? error.message : 'The changes could not be saved.');
  }
  if (leftOver.length > 0) {
    form.setError('root.server', { type: 'server', message: leftOver.join(' ') });
  }
}
