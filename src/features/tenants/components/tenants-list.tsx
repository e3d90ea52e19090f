import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { CsvExportButton } from '@/components/data-list/csv-export';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { DataTable, tableClasses, type Column } from '@/components/data-list/data-table';
import { FilterBarPlaceholder, filterPlaces as places, lazyFilters } from '@/components/data-list/lazy-filters';
import { useRowSelection } from '@/components/data-list/row-selection';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { hasSecurityFilters, NO_SECURITY_FILTERS, SECURITY_FILTER_NAMES } from '@/lib/api/tenant-security-filters';
import { ignoredSecurityFilters } from '@/lib/api/tenant-security-match';
import { exactTime, shortDate } from '@/utils/dates';
import { tenantQueries } from '../api/queries';
import { tenantListSearchSchema, type Tenant, type TenantListSearch } from '../schemas';
import type { TenantCsvRow } from '../tenants-csv';
import { PartnerName } from './partner-name';
import { TenantBulkActions } from './tenant-bulk-actions';
import { TenantStatusChip } from './tenant-status-chip';

// The filter bar (search, selects, the partner picker, the security filters) loads in a chunk of its
// own, requested with this module, beside the first page; its place is held meanwhile.
const TenantFilterBar = lazyFilters(() => import('./tenants-filters').then((m) => m.TenantFilters));
/** Search (with its helper text), Status, Partner, MFA required, and the two number filters (with theirs). */
const FILTER_PLACES = [
  places.search(true),
  places.select(160),
  places.picker(),
  places.select(140),
  { width: 190, flex: '0 1 190px', helper: true },
  { width: 190, flex: '0 1 190px', helper: true },
];

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
      <TenantFilterBar
        placeholder={<FilterBarPlaceholder label="Filter tenants" places={FILTER_PLACES} filtered={isFiltered(filters)} />}
        filters={filters}
        filtered={isFiltered(filters)}
        onChange={(patch, options) => setFilters({ ...patch, page: 1 }, options)}
        onClear={clearFilters}
      />
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
