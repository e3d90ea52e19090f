import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BulkActionsBar, countOf, keepUnfinished } from '@/components/data-list/bulk-actions-bar';
import type { RowSelection } from '@/components/data-list/row-selection';
import { SelectAllMatching } from '@/components/data-list/select-all-matching';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { assignmentPages } from '../api/bulk';
import { roleAssignmentQueries, type AssignmentPage, type RoleAssignment } from '../api/queries';
import type { ListFilters } from '../list-filters';
import { ASSIGNMENT_NOUN, BULK_VERBS, type BulkAction, type BulkItem } from './assignment-bulk-kinds';

/**
 * Deactivate, Activate, Extend or Revoke the selected role assignments (issue 17): the rows of the
 * page, or "Select all N matching" (up to 1,000, fetched 100 at a time through the list's
 * filters). A confirmation, then the progress dialog runs one request per row, at most 4 at a
 * time, and lists each row's result; the lists (and the navigation's expiring count) refresh when
 * it ends. On Close the selection keeps only the rows that were not changed, ready for another
 * try. Loaded with the list's toolbar, after the list; the dialogs load on the first click.
 */

const AssignmentBulkDialogs = lazyDialog(() => import('./assignment-bulk-dialogs').then((m) => m.AssignmentBulkDialogs));

export interface AssignmentBulkActionsProps {
  selection: RowSelection;
  /** The page on screen. */
  rows: readonly RoleAssignment[];
  /** How many match the filters (null: not known, or the count of a previous filter still shown). */
  total: number | null;
  filters: ListFilters;
  /** The signed-in admin's user id: their own Super Admin role is skipped. */
  currentAdminId: string | undefined;
}

export function AssignmentBulkActions({ selection, rows, total, filters, currentAdminId }: AssignmentBulkActionsProps) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<{ action: BulkAction; items: BulkItem[] } | null>(null);
  const [open, setOpen] = useState(false);
  /** The rows "Select all matching" fetched: most are on no page the lists hold. */
  const [fetched, setFetched] = useState<readonly RoleAssignment[]>([]);
  const count = selection.selected.size;
  const pageIds = rows.map((a) => a.id);

  /**
   * The selected rows, in the order they were selected, as last seen (the rows fetched, any list
   * page held, the page on screen, newest last). Only to name them: each row's task reads its
   * assignment afresh before deciding anything.
   */
  const selectedItems = (): BulkItem[] => {
    const known = new Map<string, RoleAssignment>();
    for (const a of fetched) known.set(a.id, a);
    for (const [, page] of queryClient.getQueriesData<AssignmentPage>({ queryKey: roleAssignmentQueries.lists() })) {
      for (const a of page?.items ?? []) known.set(a.id, a);
    }
    for (const a of rows) known.set(a.id, a);
    return [...selection.selected].map((id) => ({ id, assignment: known.get(id) ?? null }));
  };

  const close = (results: BulkSnapshot<BulkItem> | null) => {
    setOpen(false);
    if (!results) return;
    keepUnfinished(selection, results, (item) => item.id);
    // The fetched copies are out of date now: only those of the rows still selected (failed, not
    // started) are kept, to name them in the next run.
    const left = new Set(results.items.flatMap(({ item, state }) => (state.status === 'failed' || state.status === 'cancelled' ? [item.id] : [])));
    setFetched((current) => current.filter((a) => left.has(a.id)));
  };

  return (
    <>
      <BulkActionsBar
        count={count}
        noun={ASSIGNMENT_NOUN}
        onClear={selection.clear}
        extra={
          <SelectAllMatching<RoleAssignment>
            // A new filter starts it afresh.
            key={JSON.stringify({ ...filters, page: undefined, per_page: undefined })}
            selection={selection}
            pageIds={pageIds}
            total={total}
            noun={ASSIGNMENT_NOUN}
            fetchPage={assignmentPages(filters)}
            getRowId={(a) => a.id}
            onRows={setFetched}
          />
        }
      >
        {(Object.keys(BULK_VERBS) as BulkAction[]).map((action) => (
          <Button
            key={action}
            size="small"
            variant="outlined"
            color={action === 'revoke' ? 'error' : 'primary'}
            onClick={() => {
              // While a run's dialogs are open (or fading from one to the next), the bar is behind them.
              if (open) return;
              setRun({ action, items: selectedItems() });
              setOpen(true);
            }}
          >
            {BULK_VERBS[action]} {countOf(count, ASSIGNMENT_NOUN)}
          </Button>
        ))}
      </BulkActionsBar>
      {run ? <AssignmentBulkDialogs open={open} action={run.action} items={run.items} currentAdminId={currentAdminId} onClose={close} /> : null}
    </>
  );
}
