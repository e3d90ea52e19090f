import type { QueryClient } from '@tanstack/react-query';
import { startTransition, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { pathRelativeToBase, routerBasename } from '@/lib/base-url';
import { AppRouter, createAppHistory } from '@/lib/navigation/app-router';
import { AppProvider } from './provider';
import { AppRoutes } from './router';
import { RouteErrorBoundary } from './routes/route-error';
import { startFirstRequests } from './first-requests';
import { screenCodeLoaded } from './screens';

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
 * Stage two: called by the bootstrap (src/main.ts) once config is loaded and a user is signed in,
 * with the QueryClient whose first requests (/auth/me and the screen's own, first-requests.ts) the
 * bootstrap started as soon as the token was there. Renders as soon as the screen's code, whose
 * download the bootstrap started together with this chunk's, is there: the shell and the screen
 * appear together, with no spinner in between.
 */
export async function renderApp(container: HTMLElement, queryClient?: QueryClient): Promise<void> {
  const pathname = `/${pathRelativeToBase(window.location) ?? ''}`;
  const client = queryClient ?? (await startFirstRequests(pathname, window.location.search));
  await screenCodeLoaded(pathname);
  // As a transition, the first render (the shell and the screen, React and runtime styles) yields
  // to the browser every few milliseconds instead of holding the main thread in one long task:
  // the page stays responsive to input while it draws (total blocking time, npm run bench).
  const root = createRoot(container);
  startTransition(() => {
    root.render(
      <StrictMode>
        <App queryClient={client} />
      </StrictMode>,
    );
  });
}
