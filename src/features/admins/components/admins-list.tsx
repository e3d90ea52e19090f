import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { DataList } from '@/components/data-list/data-list';
import { DataTable, type Column } from '@/components/data-list/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { adminQueries, type AdminAccount } from '../api/queries';
import { ADMIN_PAGE_SIZES, adminListSearchSchema } from '../schemas';

function columns(currentEmail: string | undefined): Column<AdminAccount>[] {
  const you = currentEmail?.toLowerCase();
  return [
    {
      key: 'name',
      header: 'Name',
      rowHeader: true,
      cell: (admin) => (
        <>
          <Link component={RouterLink} to={paths.admin.to(admin.id)}>
            {admin.fullName || admin.email}
          </Link>
          {admin.email.toLowerCase() === you ? <Chip size="small" label="You" color="primary" variant="outlined" sx={{ ml: 1 }} /> : null}
        </>
      ),
    },
    { key: 'email', header: 'Email', cell: (admin) => admin.email },
    { key: 'created', header: 'Created', cell: (admin) => <RelativeTime iso={admin.createdAt} /> },
  ];
}

/**
 * Every admin account, a server page at a time with the API's own page and pageSize (both in the
 * URL), on the list kit. The Admins API has no search, so none is offered.
 */
export function AdminsList({ currentEmail }: { currentEmail: string | undefined }) {
  const [search, setSearch] = useSearchParamsState(adminListSearchSchema);
  const list = useQuery({ ...adminQueries.list(search), throwOnError: false });
  const cols = useMemo(() => columns(currentEmail), [currentEmail]);
  return (
    <DataList
      noun={{ one: 'admin', many: 'admins' }}
      query={list}
      page={search.page}
      perPage={search.pageSize}
      pageSizes={ADMIN_PAGE_SIZES}
      onPageChange={(page) => setSearch({ page })}
      onPerPageChange={(pageSize) => setSearch({ pageSize, page: 1 })}
      filtered={false}
      onClearFilters={() => undefined}
    >
      {(admins, { busy }) => <DataTable label="Admins" columns={cols} rows={admins} getRowId={(a) => a.id} busy={busy} />}
    </DataList>
  );
}
