import Box from '@mui/material/Box';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { PageError } from '@/components/errors/page-error';

function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/**
 * "Something went wrong", the error's message, and Retry, for an error thrown while rendering a
 * screen (inside the shell, which stays usable) or the shell itself (`standalone`). Retry clears
 * failed queries and renders again; a screen whose code failed to download (e.g. after a deploy)
 * reloads the page instead. Going elsewhere clears the error too.
 */
export function RouteErrorBoundary({ children, standalone = false }: { children: ReactNode; standalone?: boolean }) {
  const location = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          resetKeys={[location.pathname, location.search, location.key]}
          onReset={reset}
          fallback={({ error, reset: retry }) => {
            const content = (
              <PageError error={error} onRetry={isChunkLoadError(error) ? () => window.location.reload() : retry} />
            );
            return standalone ? (
              <Box component="main" sx={{ px: 3 }}>
                {content}
              </Box>
            ) : (
              content
            );
          }}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
