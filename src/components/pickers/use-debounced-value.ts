import { useEffect, useState } from 'react';

/** How long typing must pause before the server is searched (pickers, list search boxes). */
export const SEARCH_DEBOUNCE_MS = 200;

/** `value`, but only once it has stopped changing for `delayMs` (for search-as-you-type). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
