import type { QueryClient } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { authQueries } from '@/features/auth/api/queries';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [router] = useState(() => createAppRouter());
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}

/** Stage two: called by the bootstrap (src/main.ts) once config is loaded and a user is signed in. */
export function renderApp(container: HTMLElement): void {
  const queryClient = createQueryClient();
  // Ask who is signed in at once: the access gate needs the answer before any screen renders, and
  // the router cannot render the gate before the screen's lazy chunk has loaded, so without this
  // /auth/me would wait for that download (npm run bench shows the waterfall).
  void queryClient.prefetchQuery(authQueries.me());
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
