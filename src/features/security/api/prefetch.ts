/**
 * The security overview's first request, started before the screen renders (src/app/screens.ts):
 * the summary, with the query key the overview reads, so on a cold load it leaves with /auth/me
 * as soon as there is a token instead of once the shell and the screen have run.
 */
import type { QueryClient } from '@tanstack/react-query';
import { securityQueries } from './queries';

export function prefetchSecurityOverview(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(securityQueries.summary());
}
