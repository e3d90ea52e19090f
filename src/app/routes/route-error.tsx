import Box from '@mui/material/Box';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router-dom';
import { NotFound } from '@/components/errors/not-found';
import { PageError } from '@/components/errors/page-error';
import { paths } from '@/config/paths';

function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/**
 * A route's errorElement: "Something went wrong", the error's message, and Retry. Retry clears
 * failed queries and renders the route again (a new location resets the router's boundary); a
 * screen whose code failed to download (e.g. after a deploy) reloads the page instead.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { reset } = useQueryErrorResetBoundary();
  const navigate = useNavigate();
  const location = useLocation();

  let content;
  if (isRouteErrorResponse(error) && error.status === 404) {
    content = <NotFound backTo={paths.roleAssignments.to()} backLabel="Go to role assignments" />;
  } else {
    const shown = isRouteErrorResponse(error)
      ? new Error(typeof error.data === 'string' && error.data ? error.data : `${error.status} ${error.statusText}`)
      : error;
    content = (
      <PageError
        error={shown}
        onRetry={() => {
          reset();
          if (isChunkLoadError(error)) {
            window.location.reload();
            return;
          }
          void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
        }}
      />
    );
  }
  return standalone ? (
    <Box component="main" sx={{ px: 3 }}>
      {content}
    </Box>
  ) : (
    content
  );
}
