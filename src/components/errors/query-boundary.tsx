import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { ErrorBoundary } from './error-boundary';
import { PageError } from './page-error';

export interface QueryBoundaryProps {
  children: ReactNode;
  /** Heading of the error shown in place; "h2" (default) because the page around it has the h1. */
  errorTitle?: string;
  headingLevel?: 'h1' | 'h2';
  loadingLabel?: string;
}

/**
 * Catches what a query throws (5xx, network: see query-client's throwOnError) or suspends on,
 * shows it in place with Retry, and resets the failed queries so Retry refetches them.
 */
export function QueryBoundary({
  children,
  errorTitle = 'Something went wrong',
  headingLevel = 'h2',
  loadingLabel = 'Loading',
}: QueryBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={({ error, reset: retry }) => (
            <PageError error={error} onRetry={retry} title={errorTitle} headingLevel={headingLevel} />
          )}
        >
          <Suspense fallback={<PageLoading label={loadingLabel} />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
