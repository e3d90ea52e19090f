import { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';

/** Which rows of a list are selected, by id, for bulk actions. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Selects every id given, or clears them all when every one is already selected. */
  togglePage: (ids: readonly string[]) => void;
  /** Adds every id given (e.g. all the rows matching a filter), keeping those already selected. */
  select: (ids: readonly string[]) => void;
  clear: () => void;
}

/** The list's filters as its URL holds them (every list keeps them there): the search without the page and page size. */
export const filtersOfSearch = (search: string) => search.replace(/[?&](page|per_page)=[^&]*/g, '').replace(/^&/, '?');

/**
 * Selection that outlives paging (a bulk action may span pages) but not a change of filters: rows
 * selected under another filter are out of sight, and a bulk action would act on them unseen.
 * `clear` after the action.
 */
export function useRowSelection(): RowSelection {
  const filters = filtersOfSearch(useLocation().search);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  // Other filters: start afresh (adjusting state while rendering).
  const [selectedUnder, setSelectedUnder] = useState(filters);
  if (filters !== selectedUnder) {
    setSelectedUnder(filters);
    setSelected(new Set());
  }
  // Made once: setSelected never changes.
  const actions = useMemo(
    () => ({
      toggle: (id: string) =>
        setSelected((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      // Every id given selected, or all of them cleared when each already is (none given: nothing changes).
      togglePage: (ids: readonly string[]) =>
        setSelected((current) => {
          const all = ids.every((id) => current.has(id));
          const next = new Set(current);
          for (const id of ids) {
            if (all) next.delete(id);
            else next.add(id);
          }
          return next;
        }),
      select: (ids: readonly string[]) => setSelected((current) => (ids.every((id) => current.has(id)) ? current : new Set([...current, ...ids]))),
      clear: () => setSelected(new Set()),
    }),
    [],
  );
  return useMemo(() => ({ selected, isSelected: (id: string) => selected.has(id), ...actions }), [selected, actions]);
}
