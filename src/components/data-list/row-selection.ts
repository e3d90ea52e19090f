import { useCallback, useMemo, useState } from 'react';

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

/** Selection that outlives paging (a bulk action may span pages); `clear` after the action. */
export function useRowSelection(): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const togglePage = useCallback((ids: readonly string[]) => {
    setSelected((current) => {
      const next = new Set(current);
      const all = ids.length > 0 && ids.every((id) => current.has(id));
      for (const id of ids) {
        if (all) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }, []);
  const select = useCallback((ids: readonly string[]) => {
    setSelected((current) => (ids.every((id) => current.has(id)) ? current : new Set([...current, ...ids])));
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(
    () => ({ selected, isSelected: (id: string) => selected.has(id), toggle, togglePage, select, clear }),
    [selected, toggle, togglePage, select, clear],
  );
}

