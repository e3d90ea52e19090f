import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { CsvExportButton, type CsvColumn } from '@/components/data-list/csv-export';
import { urlPaging } from '@/components/data-list/page-params';
import { DataList } from '@/components/data-list/data-list';
import { DataTable, tableClasses, type Column } from '@/components/data-list/data-table';
import { FilterBarPlaceholder, filterPlaces as places, lazyFilters } from '@/components/data-list/lazy-filters';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { ignoredFiltersMessage } from '@/lib/api/ignored-filters';
import { auditExportPages, auditQueries, type AuditEvent } from '../api/queries';
import { auditFiltersSchema, hasActiveFilters, NO_FILTERS, type AuditFilters } from '../schemas';
import { actionText, changesSummary, entryLinkLabel } from '../words';
import { ActionWords, ActorCell, ChangesSummary, ResultText } from './audit-bits';

const COLUMNS: Column<AuditEvent>[] = [
  {
    key: 'time',
    header: 'Time',
    rowHeader: true,
    cell: (event) => <RelativeTime iso={event.occurred_at} seconds />,
    sx: { whiteSpace: 'nowrap' },
  },
  { key: 'actor', header: 'Actor', cell: (event) => <ActorCell event={event} /> },
  {
    key: 'action',
    header: 'Action',
    // The action in words, and under it what changed, in the words History uses (it may wrap).
    cell: (event) => (
      <>
        <ActionWords event={event} />
        <ChangesSummary
          changes={event.changes}
          wrap={(summary) => <span className={`${tableClasses.block} ${tableClasses.secondary}`}>{summary}</span>}
        />
      </>
    ),
  },
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

// The filter bar (selects, pickers, the custom range's date fields) loads in a chunk of its own,
// requested with this module, beside the first page; its place is held meanwhile.
const AuditFilterBar = lazyFilters(() => import('./audit-filters').then((m) => m.AuditFilters));

function filterPlaces(filters: AuditFilters) {
  return [
    places.select(170),
    ...(filters.range === 'custom' ? [{ width: 230, flex: '0 1 230px', helper: true }, { width: 230, flex: '0 1 230px', helper: true }] : []),
    places.picker(),
    places.select(220),
    places.select(),
    places.select(150),
    places.picker(),
  ];
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
      <AuditFilterBar
        placeholder={<FilterBarPlaceholder label="Filter the audit log" places={filterPlaces(filters)} filtered={hasActiveFilters(filters)} />}
        filters={filters}
        page={list.data}
        onChange={(patch) => setFilters(patch)}
        onClear={clear}
      />
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
