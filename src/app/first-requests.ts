/**
 * The first requests of a signed-in load: who is signed in (/auth/me) and the screen's own data,
 * started by the bootstrap the moment an access token is there, while the shell (React DOM, MUI,
 * the router) is still downloading and compiling. Its chunk holds only the query client and the
 * data layer, so it runs well before the shell; the shell then renders from the same QueryClient,
 * whose queries are already answered or on their way. `npm run bench` measured the difference:
 * before, the first Admin API request waited for the shell to have run.
 */
import type { QueryClient } from '@tanstack/react-query';
import { authQueries } from '@/features/auth/api/queries';
import { createQueryClient } from '@/lib/query-client';
import { setEnglishZodMessages } from '@/lib/zod-messages';
import { preloadScreenPrefetch, startScreenRequests } from './screens';

/**
 * A new QueryClient with /auth/me and the requests of the screen at `pathname` (relative to the
 * base, leading "/") and `search` under way, side by side; resolves once they are sent.
 */
export async function startFirstRequests(pathname: string, search: string): Promise<QueryClient> {
  // Once for the page, here (renderApp always comes through this function): with the locale in the
  // shell's group, the bundler put it in app.tsx's own chunk, which the shell's chunk then imported
  // in a cycle, and the production build failed to load ("Export 'app_exports' is not defined").
  setEnglishZodMessages();
  const queryClient = createQueryClient();
  await startScreenRequests(pathname, search, queryClient, () => {
    void queryClient.prefetchQuery(authQueries.me());
  });
  return queryClient;
}

/** Starts downloading the chunk of the requests of the screen at `pathname`, ahead of the token. */
export function preloadScreenRequests(pathname: string): void {
  preloadScreenPrefetch(pathname);
}
