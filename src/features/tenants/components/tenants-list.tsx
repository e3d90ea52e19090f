import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { CsvExportButton } from '@/components/data-list/csv-export';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { DataTable, tableClasses, type Column } from '@/components/data-list/data-table';
import { FilterBar } from '@/components/data-list/filter-bar';
import { FilterSelect } from '@/components/data-list/filter-select';
import { useRowSelection } from '@/components/data-list/row-selection';
import { SearchField } from '@/components/data-list/search-field';
import { LazyPartnerPicker } from '@/components/pickers/lazy-pickers';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { hasSecurityFilters, NO_SECURITY_FILTERS, SECURITY_FILTER_NAMES } from '@/lib/api/tenant-security-filters';
import { ignoredSecurityFilters } from '@/lib/api/tenant-security-match';
import { exactTime, shortDate } from '@/utils/dates';
import { tenantQueries } from '../api/queries';
import { STATUS_LABELS, TENANT_STATUSES, tenantListSearchSchema, type Tenant, type TenantListSearch } from '../schemas';
import type { TenantCsvRow } from '../tenants-csv';
import { PartnerName } from './partner-name';
import { SecurityFilterFields } from './security-filter-fields';
import { TenantBulkActions } from './tenant-bulk-actions';
import { TenantStatusChip } from './tenant-status-chip';

const STATUS_OPTIONS = TENANT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/** Made once: the rows are memoised on their record and these columns. */
const COLUMNS: readonly Column<Tenant>[] = [
  {
    key: 'name',
    header: 'Name',
    rowHeader: true,
    cell: (tenant) => (
      <RouterLink className={tableClasses.link} to={paths.tenant.to(tenant.id)}>
        {tenant.name}
      </RouterLink>
    ),
  },
  { key: 'slug', header: 'Slug', cell: (tenant) => tenant.slug, sx: { fontFamily: 'monospace' } },
  { key: 'status', header: 'Status', cell: (tenant) => <TenantStatusChip status={tenant.status} /> },
  { key: 'partner', header: 'Partner', cell: (tenant) => <PartnerName partnerId={tenant.partner_id} /> },
  { key: 'contact', header: 'Contact email', cell: (tenant) => tenant.contact_email ?? '—' },
  {
    key: 'created',
    header: 'Created',
    cell: (tenant) => (
      <time dateTime={tenant.created_at} title={exactTime(tenant.created_at)}>
        {shortDate(tenant.created_at)}
      </time>
    ),
  },
];

const NO_TENANTS: readonly Tenant[] = [];
const CSV_NOUN = { one: 'tenant', many: 'tenants' };

function isFiltered(filters: TenantListSearch): boolean {
  return filters.search !== '' || filters.status !== undefined || filters.partner_id !== undefined || hasSecurityFilters(filters);
}

/** Every tenant on the platform, one server page at a time; filters, page and page size live in the URL. */
export function TenantsList() {
  const [filters, setFilters] = useSearchParamsState(tenantListSearchSchema);
  // The list kit keeps a failed load in place, with Retry, so the search and filters stay at hand.
  const list = useQuery({ ...tenantQueries.list(filters), throwOnError: false });
  // Selection outlives paging and filtering: a bulk action acts on every tenant selected.
  const selection = useRowSelection();
  const queryClient = useQueryClient();
  const clearFilters = () => setFilters({ search: '', status: undefined, partner_id: undefined, ...NO_SECURITY_FILTERS, page: 1 });
  // A server that ignores the security filters (an extension) answers unfiltered rows: none are
  // shown. The previous filter's rows, still on screen while the next load, are not held to it.
  const ignored = list.data && !list.isPlaceholderData ? ignoredSecurityFilters(list.data.items, filters) : [];

  return (
    <>
      <FilterBar label="Filter tenants" filtered={isFiltered(filters)} onClear={clearFilters}>
        <SearchField
          value={filters.search}
          onSearch={(search) => setFilters({ search, page: 1 }, { replace: true })}
          helperText="Name, slug or contact email"
        />
        <FilterSelect
          label="Status"
          anyLabel="Any status"
          value={filters.status}
          options={STATUS_OPTIONS}
          onChange={(status) => setFilters({ status, page: 1 })}
          minWidth={160}
        />
        <Box sx={{ minWidth: 240, flex: '1 1 240px' }}>
          <LazyPartnerPicker
            label="Partner"
            size="small"
            margin="none"
            value={filters.partner_id ?? null}
            onChange={(partnerId) => setFilters({ partner_id: partnerId ?? undefined, page: 1 })}
            placeholder="Any partner"
          />
        </Box>
        <SecurityFilterFields filters={filters} onChange={(patch) => setFilters({ ...patch, page: 1 })} />
      </FilterBar>
      {ignored.length > 0 ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={() => setFilters({ ...NO_SECURITY_FILTERS, page: 1 })}>
              Remove security filters
            </Button>
          }
        >
          Filtering tenants by {ignored.map((key) => SECURITY_FILTER_NAMES[key]).join(', ')} is not available on this server.
        </Alert>
      ) : (
        <DataList
          noun={{ one: 'tenant', many: 'tenants' }}
          query={list}
          {...urlPaging(filters, setFilters)}
          filtered={isFiltered(filters)}
          onClearFilters={clearFilters}
          toolbar={
            <>
              <Box sx={{ mb: 1 }}>
                <CsvExportButton<TenantCsvRow>
                  filename="tenants.csv"
                  noun={CSV_NOUN}
                  // The count of the filter on screen, never of the previous one still shown while it loads.
                  total={list.isPlaceholderData ? null : list.data?.total}
                  // The columns (settings flattened from the contract's rules) load on the click, with the dialog.
                  load={() =>
                    import('../tenants-csv').then((csv) => ({
                      columns: csv.TENANT_CSV_COLUMNS,
                      fetchPage: csv.tenantExportPages(filters, queryClient),
                    }))
                  }
                />
              </Box>
              <TenantBulkActions selection={selection} rows={list.data?.items ?? NO_TENANTS} />
            </>
          }
        >
          {(tenants, { busy }) => (
            <DataTable
              label="Tenants"
              columns={COLUMNS}
              rows={tenants}
              getRowId={(t) => t.id}
              busy={busy}
              selection={selection}
              selectLabel={(t) => `Select ${t.name}`}
            />
          )}
        </DataList>
      )}
    </>
  );
}
