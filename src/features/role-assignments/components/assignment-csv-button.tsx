import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CsvExportButton, type CsvColumn } from '@/components/data-list/csv-export';
import { assignmentCsvPages, type AssignmentCsvRow } from '../api/csv';
import type { ListFilters } from '../list-filters';
import { ASSIGNMENT_NOUN } from './assignment-bulk-kinds';

/** The CSV: names, not ids; times as ISO 8601 (UTC); no expiry is an empty cell. */
const CSV_COLUMNS: readonly CsvColumn<AssignmentCsvRow>[] = [
  { header: 'User', value: (r) => r.user },
  { header: 'Email', value: (r) => r.email },
  { header: 'Role', value: (r) => r.role },
  { header: 'Tenant', value: (r) => r.tenant },
  { header: 'Partner', value: (r) => r.partner },
  { header: 'Status', value: (r) => r.status },
  { header: 'Expires', value: (r) => r.expires },
  { header: 'Created', value: (r) => r.created },
];

/** "Download CSV" of the role assignments the filters match, every page (100 at a time), with names. */
export function AssignmentCsvButton({ filters, total }: { filters: ListFilters; total: number | null }) {
  const queryClient = useQueryClient();
  const fetchPage = useMemo(() => assignmentCsvPages(queryClient, filters), [queryClient, filters]);
  return (
    <CsvExportButton<AssignmentCsvRow>
      filename="role-assignments.csv"
      columns={CSV_COLUMNS}
      noun={ASSIGNMENT_NOUN}
      total={total}
      fetchPage={fetchPage}
    />
  );
}
