import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { LazyTenantPicker, LazyUserPicker } from '@/components/pickers/lazy-pickers';
import { auditQueries, type AuditPage } from '../api/queries';
import { hasActiveFilters, RESULTS, type AuditFilters as Filters } from '../schemas';
import { actionLabel, resourceTypeLabel } from '../words';
import { TimeRangeFilter } from './time-range-filter';

const RESULT_OPTIONS = RESULTS.map((value) => ({ value, label: value === 'success' ? 'Success' : 'Failure' }));

/** A select's options from the server's values, keeping the URL's value even when the server does not list it. */
function optionsOf(values: readonly string[] | undefined, current: string | undefined, label: (value: string) => string) {
  const all = values ?? [];
  return [...all, ...(current && !all.includes(current) ? [current] : [])].map((value) => ({ value, label: label(value) }));
}

/** The audit log's filter bar, loaded apart from the list (audit-log.tsx): it only writes the URL's filters. */
export function AuditFilters({ filters, page, onChange, onClear }: { filters: Filters; page: AuditPage | undefined; onChange: (patch: Partial<Filters>) => void; onClear: () => void }) {
  const actions = useQuery(auditQueries.actions());
  const types = useQuery(auditQueries.resourceTypes());
  const set = (patch: Partial<Filters>) => onChange({ ...patch, page: 1 });
  const resourceName = page?.items.find((e) => e.resource_id === filters.resource)?.resource_name ?? filters.resource;
  return (
    <FilterBar label="Filter the audit log" filtered={hasActiveFilters(filters)} onClear={onClear}>
      <TimeRangeFilter value={filters} onChange={(range) => set(range)} />
      <Box sx={{ minWidth: 240, flex: '1 1 240px' }}>
        <LazyUserPicker id="filter-actor" size="small" label="Actor" placeholder="Anyone" value={filters.actor ?? null} onChange={(actor) => set({ actor: actor ?? undefined })} />
      </Box>
      <FilterSelect id="filter-action" label="Action" anyLabel="Any action" value={filters.action} options={optionsOf(actions.data, filters.action, actionLabel)} onChange={(action) => set({ action })} minWidth={220} />
      <FilterSelect id="filter-type" label="Resource type" anyLabel="Any type" value={filters.type} options={optionsOf(types.data, filters.type, resourceTypeLabel)} onChange={(type) => set({ type })} />
      <FilterSelect id="filter-result" label="Result" anyLabel="Any result" value={filters.result} options={RESULT_OPTIONS} onChange={(result) => set({ result })} minWidth={150} />
      <Box sx={{ minWidth: 240, flex: '1 1 240px' }}>
        <LazyTenantPicker id="filter-tenant" size="small" label="Tenant" placeholder="Any tenant" value={filters.tenant ?? null} onChange={(tenant) => set({ tenant: tenant ?? undefined })} />
      </Box>
      {filters.resource ? (
        <Chip
          label={`Resource: ${resourceName}`}
          aria-label={`Remove the filter Resource: ${resourceName}`}
          onClick={() => set({ resource: undefined })}
          onDelete={() => set({ resource: undefined })}
          sx={{ mt: 0.5 }}
        />
      ) : null}
    </FilterBar>
  );
}
