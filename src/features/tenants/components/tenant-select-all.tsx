import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RowSelection } from '@/components/data-list/row-selection';
import { SelectAllMatching } from '@/components/data-list/select-all-matching';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { ignoredSecurityFilters } from '@/lib/api/tenant-security-match';
import { tenantPages } from '../api/apply-policy';
import { tenantQueries } from '../api/queries';
import { tenantListSearchSchema, type Tenant } from '../schemas';

/**
 * "Select all N matching tenants" on the tenants list's bulk bar (issue 18), up to 1,000, fetched
 * 100 at a time through the list's filters. It reads the filters from the URL, as the list does,
 * and the count from the list's own query (same key: no second request), so the list passes it
 * nothing. Loaded once a row is selected: the list's bundle has no room for it.
 */
export function TenantSelectAll({
  selection,
  pageIds,
  onRows,
}: {
  selection: RowSelection;
  pageIds: readonly string[];
  onRows: (rows: readonly Tenant[]) => void;
}) {
  const queryClient = useQueryClient();
  const [filters] = useSearchParamsState(tenantListSearchSchema);
  const list = useQuery({ ...tenantQueries.list(filters), throwOnError: false });
  // The count of the filter on screen, never of the previous one still shown, nor of rows the server did not filter.
  const total = list.isPlaceholderData || !list.data || ignoredSecurityFilters(list.data.items, filters).length > 0 ? null : list.data.total;
  const { page: _page, per_page: _perPage, ...filter } = filters;
  return (
    <SelectAllMatching<Tenant>
      // A new filter starts it afresh.
      key={JSON.stringify(filter)}
      selection={selection}
      pageIds={pageIds}
      total={total}
      noun={{ one: 'tenant', many: 'tenants' }}
      fetchPage={tenantPages(filter, queryClient)}
      getRowId={(tenant) => tenant.id}
      onRows={onRows}
    />
  );
}
