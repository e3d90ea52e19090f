import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { applyApiError } from '@/components/form/apply-api-error';
import { ApiError, isValidationItems } from '@/lib/api-error';
import { cleanMessage } from '../schemas';

/**
 * A failed tenant save, put where the admin will look: a taken slug (409) on the slug field, 422s
 * on their fields (without the stand-in's "Value error, " prefix), anything else above the
 * actions. Nothing the admin typed is reset.
 */
export function applyTenantSaveError<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>,
  error: unknown,
  fields: readonly string[],
  /** The body key the form edits the inside of ("settings"): 422 locs below it map onto the form's paths. */
  under?: string,
): void {
  if (error instanceof ApiError && error.status === 409 && fields.includes('slug')) {
    form.setError('slug' as FieldPath<T>, { type: 'server', message: `${error.message}. Choose another slug.` }, { shouldFocus: true });
    return;
  }
  if (error instanceof ApiError && error.status === 422 && isValidationItems(error.detail)) {
    const cleaned = new ApiError(
      422,
      error.detail.map((item) => {
        const [where, first, ...rest] = item.loc;
        const loc = under !== undefined && first === under ? [where ?? 'body', ...rest] : item.loc;
        return { ...item, loc, msg: cleanMessage(item.msg) };
      }),
    );
    applyApiError(form, cleaned, fields);
    return;
  }
  applyApiError(form, error, fields);
}
