import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { errorMessage } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import type { NormalizedList } from '@/lib/api/normalize';
import { ListPagination } from './list-pagination';
import { PAGE_SIZES } from './page-params';

/** What the list holds, for its texts: { one: 'tenant', many: 'tenants' }. */
export interface ListNoun {
  one: string;
  many: string;
}

/** The parts of a list query the kit reads (a react-query result fits). */
export interface ListQueryState<T> {
  data: NormalizedList<T> | undefined;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
  refetch: () => unknown;
}

export interface DataListProps<T> {
  noun: ListNoun;
  query: ListQueryState<T>;
  page: number;
  perPage: number;
  onPageChange: (page: number) => void;
  /** A new page size; the caller goes back to page 1. */
  onPerPageChange: (perPage: number) => void;
  pageSizes?: readonly number[];
  /** Some filter is set: the empty state offers to clear it. */
  filtered: boolean;
  onClearFilters: () => void;
  /** The page's rows as a table; `busy` while the next page loads over them. */
  children: (items: readonly T[], state: { busy: boolean }) => ReactNode;
  /** Between the count and the table (e.g. bulk actions for selected rows). */
  toolbar?: ReactNode;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "1,234 tenants"; "More than 10,000 entries" when the server stopped counting; nothing when it did not say. */
function countText(noun: ListNoun, total: number | null, atLeast: number | undefined): string {
  if (total !== null) return `${total.toLocaleString('en-US')} ${total === 1 ? noun.one : noun.many}`;
  return atLeast !== undefined ? `More than ${atLeast.toLocaleString('en-US')} ${noun.many}` : '';
}

/**
 * The one frame every list screen uses: the count, the progress bar while a page loads (the
 * previous page stays on screen, marked busy), a failed load kept in place with Retry (so the
 * filters stay at hand; one error policy for every list), the empty state with its way out, and
 * pagination bound to the caller's (URL) page and page size.
 */
export function DataList<T>({
  noun,
  query,
  page,
  perPage,
  onPageChange,
  onPerPageChange,
  pageSizes = PAGE_SIZES,
  filtered,
  onClearFilters,
  children,
  toolbar,
}: DataListProps<T>) {
  const { data, isPending, isFetching, isPlaceholderData, error, refetch } = query;
  const total = data?.total ?? null;
  const items = data?.items ?? [];

  return (
    <Box>
      {error ? (
        <Alert
          severity="error"
          role="alert"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              Retry
            </Button>
          }
        >
          The {noun.many} could not be loaded: {errorMessage(error)}
        </Alert>
      ) : null}

      <Typography role="status" color="textSecondary" sx={{ mb: 1, minHeight: '1.5em' }}>
        {data ? countText(noun, total, data.atLeast) : ''}
      </Typography>
      {toolbar}

      {isPending || data ? (
        <Paper variant="outlined">
          <Box sx={{ height: 4 }}>{isFetching && !isPending ? <LinearProgress aria-label={`Loading ${noun.many}`} /> : null}</Box>
          {isPending ? (
            <PageLoading label={`Loading ${noun.many}`} />
          ) : items.length === 0 ? (
            <EmptyState noun={noun} page={page} total={total} filtered={filtered} onClearFilters={onClearFilters} onFirstPage={() => onPageChange(1)} />
          ) : (
            children(items, { busy: isPlaceholderData })
          )}
          {data && (items.length > 0 || page > 1) ? (
            <ListPagination
              count={total ?? -1}
              page={page - 1}
              rowsPerPage={perPage}
              rowsPerPageOptions={pageSizes}
              onPageChange={(next) => onPageChange(next + 1)}
              onRowsPerPageChange={onPerPageChange}
              labelRowsPerPage={`${capitalize(noun.many)} per page`}
            />
          ) : null}
        </Paper>
      ) : null}
    </Box>
  );
}

function EmptyState({
  noun,
  page,
  total,
  filtered,
  onClearFilters,
  onFirstPage,
}: {
  noun: ListNoun;
  page: number;
  total: number | null;
  filtered: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
}) {
  // Past the last page of a list that has rows: the way out is the first page, filters or not.
  const pastTheEnd = page > 1 && (total === null || total > 0);
  return (
    <Box sx={{ py: 6, px: 2, textAlign: 'center' }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {pastTheEnd
          ? `There are no ${noun.many} on this page`
          : filtered
            ? `No ${noun.many} match these filters`
            : `There are no ${noun.many} yet`}
      </Typography>
      {pastTheEnd ? (
        <Button variant="outlined" onClick={onFirstPage}>
          Go to the first page
        </Button>
      ) : filtered ? (
        <Button variant="outlined" onClick={onClearFilters}>
          Clear filters
        </Button>
      ) : null}
    </Box>
  );
}
