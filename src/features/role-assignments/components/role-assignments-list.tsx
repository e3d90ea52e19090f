import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { useRowSelection, type RowSelection } from '@/components/data-list/row-selection';
import { LazyUserPicker } from '@/components/pickers/lazy-pickers';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { hasActiveFilters, listFiltersSchema, NO_FILTERS, STATUS_FILTER_LABELS, STATUS_FILTERS, type ListFilters } from '../list-filters';
import { ROLE_LABELS, ROLES } from '../schemas';
import { AssignmentsTable } from './assignments-table';
import { EXPIRY_UNSUPPORTED, ExpiryQuickFilter } from './expiry-quick-filter';

// Download CSV and the bulk actions load beside the first page, not in the list's own bundle.
const AssignmentListToolbar = lazy(() => import('./assignment-list-toolbar').then((m) => ({ default: m.AssignmentListToolbar })));
/** Holds the toolbar's place (the Download CSV button's row) while it loads: the table does not jump. */
const TOOLBAR_PLACE = <Box sx={{ height: 36.5, mb: 1 }} />;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS = STATUS_FILTERS.map((status) => ({ value: status, label: STATUS_FILTER_LABELS[status] }));

function Filters({ filters, onChange, onClear }: { filters: ListFilters; onChange: (patch: Partial<ListFilters>) => void; onClear: () => void }) {
  return (
    <FilterBar label="Filter role assignments" filtered={hasActiveFilters(filters)} onClear={onClear}>
      <FilterSelect
        id="filter-role"
        label="Role"
        anyLabel="Any role"
        value={filters.role}
        options={ROLE_OPTIONS}
        onChange={(role) => onChange({ role, page: 1 })}
        minWidth={200}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        anyLabel="Any status"
        // A quick filter sets its own status and replaces this one.
        value={filters.expiring ? undefined : filters.status}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status, expiring: undefined, page: 1 })}
        minWidth={200}
      />
      <Box sx={{ minWidth: 260, flex: '1 1 260px' }}>
        <LazyUserPicker
          id="filter-user"
          size="small"
          label="User"
          placeholder="Any user"
          value={filters.user ?? null}
          onChange={(user) => onChange({ user: user ?? undefined, page: 1 })}
        />
      </Box>
    </FilterBar>
  );
}

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
  // Selection outlives paging and filtering: a bulk action acts on every row selected.
  const selection = useRowSelection();
  // The count of the filter on screen, never of the previous one still shown while it loads.
  const total = list.isPlaceholderData ? null : (list.data?.total ?? null);
  const clearFilters = () => setFilters({ ...NO_FILTERS, page: 1 });

  return (
    <>
      <Filters filters={filters} onChange={(patch) => setFilters(patch)} onClear={clearFilters} />
      <ExpiryQuickFilter value={filters.expiring} onChange={(expiring) => setFilters({ expiring, status: undefined, page: 1 })} />
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
