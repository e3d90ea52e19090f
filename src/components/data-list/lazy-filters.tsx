import Box from '@mui/material/Box';
import { useEffect, useState, type ComponentType, type JSX, type ReactNode } from 'react';

/**
 * A list's filter controls (MUI's TextField, the pickers, the date fields…) in a chunk of their own
 * (issue 16): they are for interaction, not to draw the first rows, so they load beside the list's
 * data rather than in the screen's bundle. The download starts as the list's module is evaluated
 * (with the route), never after the rows; until the chunk is there, `placeholder` (a
 * FilterBarPlaceholder) holds the bar's place so nothing shifts. Once it has arrived, the
 * controls are drawn at once, without a placeholder at all on a later visit.
 *
 *     const AuditFilters = lazyFilters(() => import('./audit-filters').then((m) => m.AuditFilters));
 *     <AuditFilters placeholder={<FilterBarPlaceholder … />} {...props} />
 */
export function lazyFilters<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // The next mount (Retry of the page's error boundary) tries again.
        loading = undefined;
        throw error;
      },
    ));
  // The chunk is requested now, as the module that declares the filters loads.
  preload().catch(() => undefined);
  // Not lazy() and Suspense: React holds back content that replaces a fallback for up to 300 ms
  // (its Suspense throttling), so the controls would come well after the rows. Here they are
  // drawn in the very commit after their chunk arrives.
  function LazyFilters({ placeholder, ...props }: P & { placeholder: ReactNode }) {
    const [Filters, setFilters] = useState(() => loaded);
    const [failed, setFailed] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (Filters) return;
      preload().then(
        (component) => setFilters(() => component),
        (error: unknown) => setFailed({ error }),
      );
    }, [Filters]);
    // A chunk that cannot be fetched is the page's error (its boundary offers Retry).
    if (failed) throw failed.error;
    return Filters ? <Filters {...(props as unknown as P & JSX.IntrinsicAttributes)} /> : placeholder;
  }
  return LazyFilters;
}

/** One control's place in the bar: its width as the control lays it out, and whether it has a helper text under it. */
export interface FilterPlace {
  /** The control's `minWidth` (or `width`) in px. */
  width: number;
  /** The control's `flex`, e.g. "0 1 180px" (a select) or "1 1 240px" (a picker). */
  flex: string;
  /** A helper text under the field (a line more). */
  helper?: boolean;
}

/** A small outlined field (TextField, Select, Autocomplete with size="small"). */
const FIELD_HEIGHT = 40;
/** A helper text under it: 3px of margin and a 0.75rem line at 1.66 (23.9px as Chromium lays it out). */
const HELPER_HEIGHT = 23.9;

/** The places of the usual kit controls. */
export const filterPlaces = {
  select: (minWidth = 180): FilterPlace => ({ width: minWidth, flex: `0 1 ${minWidth}px` }),
  picker: (minWidth = 240): FilterPlace => ({ width: minWidth, flex: `1 1 ${minWidth}px` }),
  search: (helper = false): FilterPlace => ({ width: 280, flex: '2 1 280px', helper }),
};

/**
 * What a FilterBar occupies while its controls load: the same landmark (busy), the same wrapping
 * row of boxes of the controls' sizes (so it wraps as the bar will), and the Clear filters
 * button's place when a filter is set. No field in it can be typed into.
 */
export function FilterBarPlaceholder({ label, places, filtered = false, after }: { label: string; places: readonly FilterPlace[]; filtered?: boolean; after?: ReactNode }) {
  return (
    <>
      <Box role="search" aria-label={label} aria-busy="true" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', mb: 2 }}>
        {places.map((place, index) => (
          <Box
            key={index}
            sx={{ minWidth: place.width, flex: place.flex, height: FIELD_HEIGHT + (place.helper ? HELPER_HEIGHT : 0), borderRadius: 1, bgcolor: 'action.hover' }}
          />
        ))}
        {/* Clear filters: a text button (36.5px) 4px down. */}
        {filtered ? <Box sx={{ width: 112, height: 36.5, mt: 0.5 }} /> : null}
      </Box>
      {after}
    </>
  );
}
