import type { QueryClient } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { authQueries } from '@/features/auth/api/queries';
import { pathRelativeToBase, routerBasename } from '@/lib/base-url';
import { AppRouter, createAppHistory } from '@/lib/navigation/app-router';
import { createQueryClient } from '@/lib/query-client';
import { setEnglishZodMessages } from '@/lib/zod-messages';
import { AppProvider } from './provider';
import { AppRoutes } from './router';
import { RouteErrorBoundary } from './routes/route-error';
import { prepareScreen } from './screens';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [history] = useState(createAppHistory);
  return (
    <AppProvider queryClient={queryClient}>
      <AppRouter history={history} basename={routerBasename()}>
        {/* Errors of the shell itself (the screens' own are caught inside it). */}
        <RouteErrorBoundary standalone>
          <AppRoutes />
        </RouteErrorBoundary>
      </AppRouter>
    </AppProvider>
  );
}

/**
 * Stage two: called by the bootstrap (src/main.ts) once config is loaded and a user is signed in.
 * Asks who is signed in together with the screen's own first requests, side by side (the access
 * gate renders the screen only once /auth/me has answered; asking for the screen's data only then
 * made a waterfall, see `npm run bench`), and renders as soon as the screen's code, whose download
 * the bootstrap started together with this chunk's, is there: the shell and the screen appear
 * together, with no spinner in between.
 */
export async function renderApp(container: HTMLElement): Promise<void> {
  setEnglishZodMessages();
  const queryClient = createQueryClient();
  await prepareScreen(`/${pathRelativeToBase(window.location) ?? ''}`, window.location.search, queryClient, () => {
    void queryClient.prefetchQuery(authQueries.me());
  });
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
