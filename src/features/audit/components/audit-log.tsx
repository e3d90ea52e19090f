import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { CsvExportButton, type CsvColumn } from '@/components/data-list/csv-export';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { DataTable, type Column } from '@/components/data-list/data-table';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { LazyTenantPicker, LazyUserPicker } from '@/components/pickers/lazy-pickers';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { ignoredFiltersMessage } from '@/lib/api/ignored-filters';
import { auditExportPages, auditQueries, type AuditEvent, type AuditPage } from '../api/queries';
import { auditFiltersSchema, hasActiveFilters, NO_FILTERS, RESULTS, type AuditFilters } from '../schemas';
import { actionLabel, actionText, changesSummary, entryLinkLabel, resourceTypeLabel } from '../words';
import { ActionWords, ActorCell, ResultText } from './audit-bits';
import { TimeRangeFilter } from './time-range-filter';

const RESULT_OPTIONS = RESULTS.map((value) => ({ value, label: value === 'success' ? 'Success' : 'Failure' }));

const COLUMNS: Column<AuditEvent>[] = [
  {
    key: 'time',
    header: 'Time',
    rowHeader: true,
    cell: (event) => <RelativeTime iso={event.occurred_at} seconds />,
    sx: { whiteSpace: 'nowrap' },
  },
  { key: 'actor', header: 'Actor', cell: (event) => <ActorCell event={event} /> },
  { key: 'action', header: 'Action', cell: (event) => <ActionWords event={event} /> },
  { key: 'result', header: 'Result', cell: (event) => <ResultText event={event} /> },
  {
    key: 'entry',
    header: 'Entry',
    cell: (event) => (
      <Link component={RouterLink} to={paths.auditEntry.to(event.id)} aria-label={entryLinkLabel(event)}>
        Details
      </Link>
    ),
  },
];

/** The CSV: every field of an entry, with the action and the changes in words. */
const CSV_COLUMNS: CsvColumn<AuditEvent>[] = [
  { header: 'Time', value: (e) => e.occurred_at },
  { header: 'Actor', value: (e) => e.actor_id },
  { header: 'Actor email', value: (e) => e.actor_email },
  { header: 'Action', value: (e) => e.action },
  { header: 'Action in words', value: (e) => actionText(e) },
  { header: 'Resource type', value: (e) => e.resource_type },
  { header: 'Resource ID', value: (e) => e.resource_id },
  { header: 'Resource name', value: (e) => e.resource_name },
  { header: 'Tenant ID', value: (e) => e.tenant_id },
  { header: 'Result', value: (e) => e.result },
  { header: 'Status', value: (e) => e.status_code },
  { header: 'Reason', value: (e) => e.detail },
  { header: 'IP address', value: (e) => e.ip_address },
  { header: 'User agent', value: (e) => e.user_agent },
  { header: 'Request ID', value: (e) => e.request_id },
  { header: 'Changes', value: (e) => changesSummary(e.changes) },
];

/** A select's options from the server's values, keeping the URL's value even when the server does not list it. */
function optionsOf(values: readonly string[] | undefined, current: string | undefined, label: (value: string) => string) {
  const all = values ?? [];
  return [...all, ...(current && !all.includes(current) ? [current] : [])].map((value) => ({ value, label: label(value) }));
}

function Filters({ filters, page, onChange, onClear }: { filters: AuditFilters; page: AuditPage | undefined; onChange: (patch: Partial<AuditFilters>) => void; onClear: () => void }) {
  const actions = useQuery(auditQueries.actions());
  const types = useQuery(auditQueries.resourceTypes());
  const set = (patch: Partial<AuditFilters>) => onChange({ ...patch, page: 1 });
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

/**
 * The audit log, newest first, on the list kit: filters, page and page size in the URL (a link
 * reproduces the view), the count, empty and failed states, paging, and Download CSV of the whole
 * filtered log. A server that ignored a filter is named above the table.
 */
export function AuditLog() {
  const [filters, setFilters] = useSearchParamsState(auditFiltersSchema);
  const list = useQuery({ ...auditQueries.list(filters), throwOnError: false });
  const clear = () => setFilters({ ...NO_FILTERS, page: 1 });
  const { page: _page, per_page: _perPage, ...fields } = filters;
  const ignored = list.data?.ignored ?? [];
  return (
    <>
      <Filters filters={filters} page={list.data} onChange={(patch) => setFilters(patch)} onClear={clear} />
      <DataList
        noun={{ one: 'entry', many: 'entries' }}
        query={list}
        {...urlPaging(filters, setFilters)}
        filtered={hasActiveFilters(filters)}
        onClearFilters={clear}
        toolbar={
          <Box sx={{ mb: 1 }}>
            {ignored.length > 0 ? (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {ignoredFiltersMessage(ignored)}
              </Alert>
            ) : null}
            <CsvExportButton<AuditEvent>
              filename="audit-log.csv"
              columns={CSV_COLUMNS}
              noun={{ one: 'entry', many: 'entries' }}
              // The count of the filter on screen, never of the previous one still shown while it loads.
              total={list.isPlaceholderData ? null : list.data?.total}
              fetchPage={auditExportPages(fields)}
            />
          </Box>
        }
      >
        {(events, { busy }) => <DataTable label="Audit log" columns={COLUMNS} rows={events} getRowId={(e) => e.id} busy={busy} />}
      </DataList>
    </>
  );
}
