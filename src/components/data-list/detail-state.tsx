import type { ReactNode } from 'react';
import { NotFound, type NotFoundProps } from '@/components/errors/not-found';
import { PageError } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { isApiError } from '@/lib/api-error';

export interface DetailStateProps<T> {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  /** What is shown, for the texts: "tenant" → "Loading the tenant", "The tenant could not be loaded". */
  noun: string;
  /** A 404: "not found" in place, with its way back. */
  notFound: Omit<NotFoundProps, 'headingLevel'>;
  children: (data: T) => ReactNode;
}

/**
 * One way for every detail screen to show its record's loading, not found (404) and failed load
 * (in place, with Retry); the record is drawn only once it is there. A failed background refetch
 * keeps the record on screen (the query client reports it).
 */
export function DetailState<T>({ query, noun, notFound, children }: DetailStateProps<T>) {
  const { data, error, isPending, refetch } = query;
  if (error && isApiError(error) && error.isNotFound) return <NotFound {...notFound} />;
  if (error && data === undefined) return <PageError error={error} title={`The ${noun} could not be loaded`} onRetry={() => void refetch()} />;
  if (isPending || data === undefined) return <PageLoading label={`Loading the ${noun}`} />;
  return children(data);
}
