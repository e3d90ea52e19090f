import Box from '@mui/material/Box';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { SearchField } from '@/components/data-list/search-field';
import { LazyPartnerPicker } from '@/components/pickers/lazy-pickers';
import { STATUS_LABELS, TENANT_STATUSES, type TenantListSearch } from '../schemas';
import { SecurityFilterFields } from './security-filter-fields';

const STATUS_OPTIONS = TENANT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/**
 * The tenants list's filter bar, loaded apart from the list (tenants-list.tsx): it only writes the
 * URL's filters (the list resets the page). The search box works as soon as it is drawn.
 */
export function TenantFilters({
  filters,
  filtered,
  onChange,
  onClear,
}: {
  filters: TenantListSearch;
  filtered: boolean;
  onChange: (patch: Partial<TenantListSearch>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}) {
  return (
    <FilterBar label="Filter tenants" filtered={filtered} onClear={onClear}>
      <SearchField
        value={filters.search}
        onSearch={(search) => onChange({ search }, { replace: true })}
        helperText="Name, slug or contact email"
      />
      <FilterSelect
        label="Status"
        anyLabel="Any status"
        value={filters.status}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status })}
        minWidth={160}
      />
      <Box sx={{ minWidth: 240, flex: '1 1 240px' }}>
        <LazyPartnerPicker
          label="Partner"
          size="small"
          margin="none"
          value={filters.partner_id ?? null}
          onChange={(partnerId) => onChange({ partner_id: partnerId ?? undefined })}
          placeholder="Any partner"
        />
      </Box>
      <SecurityFilterFields filters={filters} onChange={(patch) => onChange(patch)} />
    </FilterBar>
  );
}
