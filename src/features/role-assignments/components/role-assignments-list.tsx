import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { LazyUserPicker } from '@/components/pickers/lazy-pickers';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { hasActiveFilters, listFiltersSchema, NO_FILTERS, STATUS_FILTER_LABELS, STATUS_FILTERS, type ListFilters } from '../list-filters';
import { ROLE_LABELS, ROLES } from '../schemas';
import { AssignmentsTable } from './assignments-table';
import { EXPIRY_UNSUPPORTED, ExpiryQuickFilter } from './expiry-quick-filter';

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
function NamedAssignmentsTable({ assignments, busy }: { assignments: readonly RoleAssignment[]; busy: boolean }) {
  const names = useAssignmentNames(assignments);
  return <AssignmentsTable label="Role assignments" assignments={assignments} names={names} busy={busy} />;
}

/**
 * Every admin role assignment, a page at a time, on the list kit. Filters and page live in the
 * URL; the previous page stays visible (dimmed, with a progress bar) while the next one loads.
 */
export function RoleAssignmentsList() {
  const [filters, setFilters] = useSearchParamsState(listFiltersSchema);
  // The list kit keeps a failed load in place, with Retry, so the filters stay at hand.
  const list = useQuery({ ...roleAssignmentQueries.list(filters), throwOnError: false });
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
        >
          {(assignments, { busy }) => <NamedAssignmentsTable assignments={assignments} busy={busy} />}
        </DataList>
      )}
    </>
  );
}
