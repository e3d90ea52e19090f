import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import type { ListNoun } from './data-list';
import type { RowSelection } from './row-selection';

/** "1 tenant", "1,000 role assignments". */
export const countOf = (n: number, noun: ListNoun) => `${n.toLocaleString('en-US')} ${n === 1 ? noun.one : noun.many}`;

export interface BulkActionsBarProps {
  /** How many rows are selected; the bar shows only when some are. */
  count: number;
  noun: ListNoun;
  onClear: () => void;
  /** The action buttons ("Suspend 3 tenants"). */
  children: ReactNode;
  /** After the buttons, e.g. "Select all 45 matching" (SelectAllMatching). */
  extra?: ReactNode;
}

/**
 * The group over a list's selected rows (issue 17): how many are selected, the actions on them and
 * Clear selection. Only this is in a list's bundle; the caller's dialogs load on the first click.
 */
export function BulkActionsBar({ count, noun, onClear, children, extra }: BulkActionsBarProps) {
  if (count === 0) return null;
  return (
    <Box role="group" aria-label="Bulk actions" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
      <Typography variant="body2" sx={{ mr: 1 }}>
        {countOf(count, noun)} selected
      </Typography>
      {children}
      <Button size="small" onClick={onClear}>
        Clear selection
      </Button>
      {extra}
    </Box>
  );
}

/**
 * After a bulk run: what did not change (failed, or not started because it was cancelled) stays
 * selected, ready for another try; what did is done with. `results` null: nothing ran.
 */
export function keepUnfinished<T>(selection: RowSelection, results: BulkSnapshot<T> | null, getId: (item: T) => string): void {
  if (!results) return;
  const left = results.items.filter(({ state }) => state.status === 'failed' || state.status === 'cancelled');
  selection.clear();
  if (left.length > 0) selection.select(left.map(({ item }) => getId(item)));
}
