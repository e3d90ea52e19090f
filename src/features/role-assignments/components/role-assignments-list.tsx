import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { PageError } from '@/components/errors/page-error';
import { PageLoading } from '@/components/feedback/page-loading';
import { UserPicker } from '@/components/pickers/user-picker';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { useAssignmentNames } from '../api/names';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { hasActiveFilters, listFiltersSchema, PAGE_SIZES, type ListFilters } from '../list-filters';
import { ROLE_LABELS, ROLES } from '../schemas';
import { AssignmentsTable } from './assignments-table';

/** A filter select whose first option ("Any ...") means "no filter" (undefined). */
function FilterSelect<V extends string>({
  id,
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  anyLabel: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
}) {
  return (
    <TextField
      select
      size="small"
      id={id}
      label={label}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || undefined) as V | undefined)}
    >
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS = [
  { value: 'active', label: 'Active (expired included)' },
  { value: 'inactive', label: 'Inactive' },
] as const;

function Filters({ filters, onChange }: { filters: ListFilters; onChange: (patch: Partial<ListFilters>) => void }) {
  return (
    <Box
      role="search"
      aria-label="Filter role assignments"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '200px 260px minmax(260px, 1fr)' }, mb: 2 }}
    >
      <FilterSelect
        id="filter-role"
        label="Role"
        anyLabel="Any role"
        value={filters.role}
        options={ROLE_OPTIONS}
        onChange={(role) => onChange({ role, page: 1 })}
      />
      <FilterSelect
        id="filter-status"
        label="Active status"
        anyLabel="Any status"
        value={filters.status}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status, page: 1 })}
      />
      <UserPicker
        id="filter-user"
        size="small"
        label="User"
        placeholder="Any user"
        value={filters.user ?? null}
        onChange={(user) => onChange({ user: user ?? undefined, page: 1 })}
      />
    </Box>
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
 * Every admin role assignment, a page at a time. Filters and page live in the URL; the previous
 * page stays visible (dimmed, with a progress bar) while the next one loads.
 */
export function RoleAssignmentsList() {
  const [filters, setFilters] = useSearchParamsState(listFiltersSchema);
  const list = useQuery(roleAssignmentQueries.list(filters));
  const items = list.data?.items ?? [];
  const filtered = hasActiveFilters(filters);
  const clearFilters = () => setFilters({ role: undefined, status: undefined, user: undefined, page: 1 });

  let body;
  if (list.isPending) {
    body = <PageLoading label="Loading role assignments" />;
  } else if (list.isError && !list.data) {
    body = (
      <PageError
        error={list.error}
        title="The role assignments could not be loaded"
        headingLevel="h2"
        onRetry={() => void list.refetch()}
      />
    );
  } else if (items.length === 0) {
    body = (
      <Box sx={{ py: 6, textAlign: 'center' }} role="status">
        <Typography variant="h6" component="h2" gutterBottom>
          {filtered ? 'No role assignments match these filters' : filters.page > 1 ? 'This page is empty' : 'No role assignments yet'}
        </Typography>
        {filtered ? (
          <Button variant="outlined" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : filters.page > 1 ? (
          <Button variant="outlined" onClick={() => setFilters({ page: 1 })}>
            Go to the first page
          </Button>
        ) : null}
      </Box>
    );
  } else {
    body = <NamedAssignmentsTable assignments={items} busy={list.isPlaceholderData} />;
  }

  return (
    <>
      <Filters filters={filters} onChange={(patch) => setFilters(patch)} />
      <Paper variant="outlined">
        <Box sx={{ height: 4 }}>{list.isFetching && !list.isPending ? <LinearProgress aria-label="Loading the next page" /> : null}</Box>
        {body}
        {list.data && items.length > 0 ? (
          <TablePagination
            component="div"
            count={list.data.total ?? -1}
            page={filters.page - 1}
            rowsPerPage={filters.per_page}
            rowsPerPageOptions={[...PAGE_SIZES]}
            onPageChange={(_event, page) => setFilters({ page: page + 1 })}
            onRowsPerPageChange={(event) =>
              setFilters({ per_page: Number(event.target.value) as ListFilters['per_page'], page: 1 })
            }
          />
        ) : null}
      </Paper>
    </>
  );
}
