import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** How long nothing may be fetching before the first data counts as in. */
export const QUIET_MS = 100;
/** The longest a secondary request waits for the first data (a slow or polling screen). */
export const MAX_WAIT_MS = 4_000;

const settled = new WeakSet<QueryClient>();

/**
 * Whether the first data of this page load is in: no query has been fetching for QUIET_MS (the
 * screen's rows and their names, which first-requests.ts started), or MAX_WAIT_MS have passed.
 * Once true for a QueryClient it stays true, so later screens never wait. For requests that only
 * add to a screen (counts, badges): `enabled: useAfterFirstData()` keeps them from competing with
 * the rows and their names for the browser's six connections and the server on a cold load.
 */
export function useAfterFirstData(): boolean {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(() => settled.has(queryClient));
  useEffect(() => {
    if (ready) return undefined;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      settled.add(queryClient);
      setReady(true);
    };
    const check = () => {
      clearTimeout(quiet);
      if (queryClient.isFetching() === 0) quiet = setTimeout(done, QUIET_MS);
    };
    const unsubscribe = queryClient.getQueryCache().subscribe(check);
    const cap = setTimeout(done, MAX_WAIT_MS);
    check();
    return () => {
      unsubscribe();
      clearTimeout(quiet);
      clearTimeout(cap);
    };
  }, [queryClient, ready]);
  return ready;
}
