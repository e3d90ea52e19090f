import Box from '@mui/material/Box';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { LazyUserPicker } from '@/components/pickers/lazy-pickers';
import { hasActiveFilters, STATUS_FILTER_LABELS, STATUS_FILTERS, type ListFilters } from '../list-filters';
import { ROLE_LABELS, ROLES } from '../schemas';
import { ExpiryQuickFilter } from './expiry-quick-filter';

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
 * The role assignments list's filter bar and expiry quick filter, loaded apart from the list
 * (role-assignments-list.tsx): they only write the URL's filters.
 */
export function RoleAssignmentFilters({ filters, onChange, onClear }: { filters: ListFilters; onChange: (patch: Partial<ListFilters>) => void; onClear: () => void }) {
  return (
    <>
      <Filters filters={filters} onChange={onChange} onClear={onClear} />
      <ExpiryQuickFilter value={filters.expiring} onChange={(expiring) => onChange({ expiring, status: undefined, page: 1 })} />
    </>
  );
}
