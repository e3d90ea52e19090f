import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type * as z from 'zod/v4/core';
import { parseSearchParams, toSearchParams, type SearchParamsSchema } from '@/lib/search-params';

export { parseSearchParams, toSearchParams, type SearchParamsSchema };

export interface SetSearchParamsStateOptions {
  /** Replace the history entry instead of pushing one (e.g. while typing in a search box). */
  replace?: boolean;
}

/**
 * URL search params as typed state: `const [filters, setFilters] = useSearchParamsState(schema)`.
 * `setFilters({ page: 2 })` merges into the current state; pass a function to derive from it.
 */
export function useSearchParamsState<S extends SearchParamsSchema>(
  schema: S,
): [
  z.output<S>,
  (
    update: Partial<z.output<S>> | ((previous: z.output<S>) => Partial<z.output<S>>),
    options?: SetSearchParamsStateOptions,
  ) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(schema, searchParams), [schema, searchParams]);

  const setState = useCallback(
    (
      update: Partial<z.output<S>> | ((previous: z.output<S>) => Partial<z.output<S>>),
      options?: SetSearchParamsStateOptions,
    ) => {
      setSearchParams(
        (previousParams) => {
          const previous = parseSearchParams(schema, previousParams);
          const patch = typeof update === 'function' ? update(previous) : update;
          return toSearchParams(schema, { ...previous, ...patch }, previousParams);
        },
        { replace: options?.replace },
      );
    },
    [schema, setSearchParams],
  );

  return [state, setState];
}
