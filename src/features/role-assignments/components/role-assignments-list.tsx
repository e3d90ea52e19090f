import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { FilterBarPlaceholder, filterPlaces as places, lazyFilters } from '@/components/data-list/lazy-filters';
import { useRowSelection, type RowSelection } from '@/components/data-list/row-selection';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { hasActiveFilters, listFiltersSchema, NO_FILTERS } from '../list-filters';
import { AssignmentsTable } from './assignments-table';
import { EXPIRY_UNSUPPORTED } from './expiry-unsupported';

// Download CSV and the bulk actions load beside the first page, not in the list's own bundle.
const AssignmentListToolbar = lazy(() => import('./assignment-list-toolbar').then((m) => ({ default: m.AssignmentListToolbar })));
/** Holds the toolbar's place (the Download CSV button's row) while it loads: the table does not jump. */
const TOOLBAR_PLACE = <Box sx={{ height: 36.5, mb: 1 }} />;

// The filter bar (the selects and the user picker) and the expiry quick filter load in a chunk of
// their own, requested with this module, beside the first page; their place is held meanwhile.
const RoleAssignmentFilterBar = lazyFilters(() => import('./role-assignments-filters').then((m) => m.RoleAssignmentFilters));
/** Role, Status, User. */
const FILTER_PLACES = [places.select(200), places.select(200), places.picker(260)];
/** The quick filter's row: a small toggle button group (13px at 1.75, 7px of padding, a 1px border), and its margin. */
const QUICK_FILTER_PLACE = <Box sx={{ height: 38.75, mb: 2 }} />;

/**
 * The table, with the names behind its ids. The names are read here rather than in the list, so
 * that each of a page's name answers (up to ~40) redraws only this table, and in it only the row
 * concerned, not the filters and the pagination too.
 */
function NamedAssignmentsTable({
  assignments,
  busy,
  selection,
  currentAdminId,
}: {
  assignments: readonly RoleAssignment[];
  busy: boolean;
  selection: RowSelection;
  currentAdminId: string | undefined;
}) {
  const names = useAssignmentNames(assignments);
  // The row menu (Extend) is disabled, with the reason, on the admin's own Super Admin role.
  return (
    <AssignmentsTable label="Role assignments" assignments={assignments} names={names} busy={busy} selection={selection} currentAdminId={currentAdminId} />
  );
}

const NO_ASSIGNMENTS: readonly RoleAssignment[] = [];

/**
 * Every admin role assignment, a page at a time, on the list kit. Filters and page live in the
 * URL; the previous page stays visible (dimmed, with a progress bar) while the next one loads.
 * Rows can be selected for bulk actions, and the filtered list downloaded as CSV.
 */
export function RoleAssignmentsList({ currentAdminId }: { currentAdminId?: string }) {
  const [filters, setFilters] = useSearchParamsState(listFiltersSchema);
  // The list kit keeps a failed load in place, with Retry, so the filters stay at hand.
  const list = useQuery({ ...roleAssignmentQueries.list(filters), throwOnError: false });
  // Selection outlives paging (a bulk action acts on every row selected), not a change of filters.
  const selection = useRowSelection();
  // The count of the filter on screen, never of the previous one still shown while it loads.
  const total = list.isPlaceholderData ? null : (list.data?.total ?? null);
  const clearFilters = () => setFilters({ ...NO_FILTERS, page: 1 });

  return (
    <>
      <RoleAssignmentFilterBar
        placeholder={<FilterBarPlaceholder label="Filter role assignments" places={FILTER_PLACES} filtered={hasActiveFilters(filters)} after={QUICK_FILTER_PLACE} />}
        filters={filters}
        onChange={(patch) => setFilters(patch)}
        onClear={clearFilters}
      />
      {list.data?.expiryIgnored ? (
        // Its rows are not what was asked for: none are shown.
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={clearFilters}>
              Clear filters
            </Button>
          }
        >
          {EXPIRY_UNSUPPORTED} Choose another status, or clear the filters.
        </Alert>
      ) : (
        <DataList
          noun={{ one: 'role assignment', many: 'role assignments' }}
          query={list}
          {...urlPaging(filters, setFilters)}
          filtered={hasActiveFilters(filters)}
          onClearFilters={clearFilters}
          toolbar={
            <Suspense fallback={TOOLBAR_PLACE}>
              <AssignmentListToolbar
                selection={selection}
                rows={list.data?.items ?? NO_ASSIGNMENTS}
                total={total}
                filters={filters}
                currentAdminId={currentAdminId}
              />
            </Suspense>
          }
        >
          {(assignments, { busy }) => <NamedAssignmentsTable assignments={assignments} busy={busy} selection={selection} currentAdminId={currentAdminId} />}
        </DataList>
      )}
    </>
  );
}
