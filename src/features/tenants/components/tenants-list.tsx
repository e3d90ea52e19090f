import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { PartnerPicker } from '@/components/pickers/partner-picker';
import { SEARCH_DEBOUNCE_MS } from '@/components/pickers/entity-picker';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { tenantQueries } from '../api/queries';
import {
  formatDate,
  formatDateTime,
  PAGE_SIZES,
  STATUS_LABELS,
  TENANT_STATUSES,
  tenantListSearchSchema,
  type TenantListSearch,
} from '../schemas';
import { PartnerName } from './partner-name';
import { TenantStatusChip } from './tenant-status-chip';

/**
 * The search box: what is typed shows at once, the URL (and so the request) follows once typing
 * pauses. Going back or forward in history puts the URL's search back in the box.
 */
function SearchField({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <TextField
      label="Search"
      type="search"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onSearch(next.trim()), SEARCH_DEBOUNCE_MS);
      }}
      helperText="Name, slug or contact email"
      size="small"
      sx={{ minWidth: 280, flex: '2 1 280px' }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

function isFiltered(filters: TenantListSearch): boolean {
  return filters.search !== '' || filters.status !== undefined || filters.partner_id !== undefined;
}

/** Every tenant on the platform, one server page at a time; filters, page and page size live in the URL. */
export function TenantsList() {
  const [filters, setFilters] = useSearchParamsState(tenantListSearchSchema);
  // A failed load shows in place, with Retry, so the search and filters stay at hand.
  const { data, isPending, isFetching, isPlaceholderData, error, refetch } = useQuery({
    ...tenantQueries.list(filters),
    throwOnError: false,
  });
  const filtered = isFiltered(filters);
  const total = data?.total ?? null;

  const clearFilters = () => setFilters({ search: '', status: undefined, partner_id: undefined, page: 1 });

  return (
    <Box>
      <Box
        role="search"
        aria-label="Filter tenants"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', mb: 2 }}
      >
        <SearchField value={filters.search} onSearch={(search) => setFilters({ search, page: 1 }, { replace: true })} />
        <TextField
          select
          label="Status"
          size="small"
          value={filters.status ?? ''}
          onChange={(event) =>
            setFilters({ status: (event.target.value || undefined) as TenantListSearch['status'], page: 1 })
          }
          sx={{ minWidth: 160, flex: '0 1 160px' }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Any status</MenuItem>
          {TENANT_STATUSES.map((status) => (
            <MenuItem key={status} value={status}>
              {STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ minWidth: 240, flex: '1 1 240px' }}>
          <PartnerPicker
            label="Partner"
            size="small"
            margin="none"
            value={filters.partner_id ?? null}
            onChange={(partnerId) => setFilters({ partner_id: partnerId ?? undefined, page: 1 })}
            placeholder="Any partner"
          />
        </Box>
        {filtered ? (
          <Button onClick={clearFilters} sx={{ mt: 0.5 }}>
            Clear filters
          </Button>
        ) : null}
      </Box>

      {error ? (
        <Alert
          severity="error"
          role="alert"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              Retry
            </Button>
          }
        >
          The tenants could not be loaded: {error.message}
        </Alert>
      ) : null}

      <Typography role="status" color="text.secondary" sx={{ mb: 1, minHeight: '1.5em' }}>
        {data && total !== null ? `${total.toLocaleString('en-US')} ${total === 1 ? 'tenant' : 'tenants'}` : ''}
      </Typography>

      <Paper variant="outlined">
        <Box sx={{ height: 4 }}>{isFetching ? <LinearProgress aria-label="Loading tenants" /> : null}</Box>
        <TableContainer>
          <Table aria-label="Tenants" aria-busy={isPending || isPlaceholderData} size="small">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Name</TableCell>
                <TableCell scope="col">Slug</TableCell>
                <TableCell scope="col">Status</TableCell>
                <TableCell scope="col">Partner</TableCell>
                <TableCell scope="col">Contact email</TableCell>
                <TableCell scope="col">Created</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data?.items.map((tenant) => (
                <TableRow key={tenant.id} hover>
                  <TableCell scope="row" component="th">
                    <Link component={RouterLink} to={paths.tenant.to(tenant.id)}>
                      {tenant.name}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{tenant.slug}</TableCell>
                  <TableCell>
                    <TenantStatusChip status={tenant.status} />
                  </TableCell>
                  <TableCell>
                    <PartnerName partnerId={tenant.partner_id} />
                  </TableCell>
                  <TableCell>{tenant.contact_email ?? '—'}</TableCell>
                  <TableCell>
                    <time dateTime={tenant.created_at} title={formatDateTime(tenant.created_at)}>
                      {formatDate(tenant.created_at)}
                    </time>
                  </TableCell>
                </TableRow>
              ))}
              {data && data.items.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Box sx={{ py: 4, textAlign: 'center' }}>
                      <Typography gutterBottom>
                        {filters.page > 1 && (total === null || total > 0)
                          ? 'There are no tenants on this page.'
                          : filtered
                            ? 'No tenants match these filters.'
                            : 'There are no tenants yet.'}
                      </Typography>
                      {filters.page > 1 ? (
                        <Button onClick={() => setFilters({ page: 1 })}>Go to the first page</Button>
                      ) : filtered ? (
                        <Button onClick={clearFilters}>Clear filters</Button>
                      ) : null}
                    </Box>
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={total ?? -1}
          page={filters.page - 1}
          rowsPerPage={filters.per_page}
          rowsPerPageOptions={[...PAGE_SIZES]}
          onPageChange={(_event, page) => setFilters({ page: page + 1 })}
          onRowsPerPageChange={(event) => setFilters({ per_page: Number(event.target.value), page: 1 })}
          labelRowsPerPage="Tenants per page"
          showFirstButton
          showLastButton
        />
      </Paper>
    </Box>
  );
}
