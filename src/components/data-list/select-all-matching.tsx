import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/components/errors/page-error';
import { cleanServerMessage } from '@/lib/api-error';
import { countOf } from './bulk-actions-bar';
import type { ListNoun } from './data-list';
import type { RowSelection } from './row-selection';

/** The most rows "Select all matching" selects: a bulk run of more is better narrowed first. */
export const SELECT_ALL_MAX = 1000;
const PER_PAGE = 100;

export interface SelectAllMatchingProps<T> {
  selection: RowSelection;
  /** The ids of the rows on screen: the offer shows once all of them are selected. */
  pageIds: readonly string[];
  /** How many rows the filters match, as the list says (null: unknown, nothing offered). */
  total: number | null;
  noun: ListNoun;
  /** One page of the rows matching the screen's filters (1-based); pass `signal` on: Cancel aborts it. */
  fetchPage: (page: number, perPage: number, signal: AbortSignal) => Promise<{ items: T[]; total: number | null }>;
  getRowId: (row: T) => string;
  /** The rows fetched, just before their ids are selected: the caller keeps them for its bulk actions. */
  onRows?: (rows: readonly T[]) => void;
  max?: number;
}

type State = { kind: 'idle' } | { kind: 'fetching'; fetched: number } | { kind: 'failed'; message: string };

/**
 * "Select all 45 matching role assignments" (issue 17): offered once the whole page is selected and
 * more rows match, it fetches the matching rows 100 at a time through the same filters and selects
 * them all, up to `max` (past it, it says to narrow the filters). Cancel stops the paging; a failed
 * page says why, with Retry. Give it a `key` of the filters: a new filter starts it afresh.
 */
export function SelectAllMatching<T>({
  selection,
  pageIds,
  total,
  noun,
  fetchPage,
  getRowId,
  onRows,
  max = SELECT_ALL_MAX,
}: SelectAllMatchingProps<T>) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  /** The ids the last run selected, to say so while they all are. */
  const [matched, setMatched] = useState<readonly string[] | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  if (total === null) return null;
  if (matched && matched.length === total && matched.every(selection.isSelected)) {
    return <Typography variant="body2">All {countOf(total, { one: `matching ${noun.one}`, many: `matching ${noun.many}` })} are selected.</Typography>;
  }
  const pageSelected = pageIds.length > 0 && pageIds.every(selection.isSelected);
  if (state.kind === 'idle' && (!pageSelected || total <= pageIds.length)) return null;
  if (total > max) {
    return (
      <Typography variant="body2">
        {countOf(total, noun)} match; at most {max.toLocaleString('en-US')} can be selected at once: narrow the filters to select them all.
      </Typography>
    );
  }

  const run = async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ kind: 'fetching', fetched: 0 });
    const rows: T[] = [];
    try {
      for (let page = 1; ; page += 1) {
        const answer = await fetchPage(page, PER_PAGE, current.signal);
        if (current.signal.aborted) return;
        if (answer.total !== null && answer.total > max) throw new Error(`${countOf(answer.total, noun)} match now, more than ${max.toLocaleString('en-US')}`);
        rows.push(...answer.items);
        setState({ kind: 'fetching', fetched: rows.length });
        const expected = answer.total ?? Infinity;
        if (answer.items.length === 0 || rows.length >= expected || (answer.total === null && answer.items.length < PER_PAGE)) break;
      }
    } catch (error) {
      if (!current.signal.aborted) setState({ kind: 'failed', message: cleanServerMessage(errorMessage(error)) });
      return;
    }
    const ids = rows.slice(0, max).map(getRowId);
    onRows?.(rows.slice(0, max));
    selection.select(ids);
    setMatched(ids);
    setState({ kind: 'idle' });
  };

  const cancel = () => {
    controller.current?.abort();
    setState({ kind: 'idle' });
  };

  if (state.kind === 'fetching') {
    return (
      <>
        <Typography variant="body2" role="status">
          Selecting all {countOf(total, noun)}: {state.fetched.toLocaleString('en-US')} of {total.toLocaleString('en-US')} loaded…
        </Typography>
        <Button size="small" onClick={cancel}>
          Stop selecting
        </Button>
      </>
    );
  }
  if (state.kind === 'failed') {
    return (
      <>
        <Typography variant="body2" role="alert" color="error">
          Could not select all {countOf(total, noun)}: {state.message}
        </Typography>
        <Button size="small" onClick={() => void run()}>
          Try again
        </Button>
      </>
    );
  }
  return (
    <Button size="small" onClick={() => void run()}>
      Select all {countOf(total, { one: `matching ${noun.one}`, many: `matching ${noun.many}` })}
    </Button>
  );
}
