import type { ComponentProps } from 'react';
import {
  FormProvider,
  type FieldValues,
  type SubmitErrorHandler,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';

export type FormContainerProps<T extends FieldValues, TContext, TTransformed extends FieldValues> = Omit<
  ComponentProps<'form'>,
  'onSubmit' | 'noValidate'
> & {
  /** The page's own `useForm(...)` (with `resolver: zodResolver(schema)`). */
  form: UseFormReturn<T, TContext, TTransformed>;
  onSubmit: SubmitHandler<TTransformed>;
  onInvalid?: SubmitErrorHandler<T>;
};

/**
 * FormProvider + `<form noValidate>`: validation is the zod schema's job (its messages show under
 * each field), not the browser's. Give the form an accessible name with aria-label(ledby).
 */
export function FormContainer<T extends FieldValues, TContext, TTransformed extends FieldValues>({
  form,
  onSubmit,
  onInvalid,
  children,
  ...formProps
}: FormContainerProps<T, TContext, TTransformed>) {
  return (
    <FormProvider {...form}>
      <form noValidate {...formProps} onSubmit={(event) => void form.handleSubmit(onSubmit, onInvalid)(event)}>
        {children}
      </form>
    </FormProvider>
  );
}
