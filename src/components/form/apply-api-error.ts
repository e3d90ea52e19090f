import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError } from '@/lib/api-error';

/**
 * Puts a failed save's error where it belongs: each 422 item whose `loc` names a field of this
 * form on that field (setError, which also focuses the first one), everything else as the form's
 * root error (shown by FormRootError). What the user typed is never reset.
 *
 * @param fields the form's field paths; defaults to every path that has a value in the form.
 */
export function applyApiError<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>,
  error: unknown,
  fields?: readonly string[],
): void {
  const known = (path: string) =>
    path !== '' && (fields ? fields.includes(path) : form.getValues(path as FieldPath<T>) !== undefined);
  const leftOver: string[] = [];
  const items = error instanceof ApiError && error.status === 422 ? error.fieldErrors() : [];
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
