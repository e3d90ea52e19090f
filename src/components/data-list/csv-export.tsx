import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import { useState, type ComponentType, type ReactNode } from 'react';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { CsvColumn } from '@/lib/csv';
import type { CsvExportDialogProps } from './csv-export-dialog';
import type { ListNoun } from './data-list';

/**
 * "Download CSV" for a list: the whole filtered list, not just the page on screen, fetched page by
 * page in a dialog with progress and Cancel. Only this button is in a screen's bundle; the dialog,
 * the paging and the CSV writer load the first time someone clicks it.
 */

export type { CsvColumn } from '@/lib/csv';

export interface CsvExportButtonProps<T> {
  /** The name the file is saved under ("audit-log.csv"). */
  filename: string;
  columns: readonly CsvColumn<T>[];
  /**
   * One page of the rows to export (1-based; perPage is 100), with the same filter as the screen.
   * Pass `signal` to the request: Cancel aborts it. `total` null when the server does not say.
   */
  fetchPage: (page: number, perPage: number, signal: AbortSignal) => Promise<{ items: T[]; total: number | null }>;
  /** The most rows one file holds; default 100,000. */
  cap?: number;
  /** The count the screen already shows, if any: past the cap, the dialog says so without fetching anything. */
  total?: number | null;
  /** What a row is, for the dialog's texts; default rows. */
  noun?: ListNoun;
  label?: string;
  disabled?: boolean;
}

export const CSV_EXPORT_CAP = 100_000;
const ROWS: ListNoun = { one: 'row', many: 'rows' };

// lazyDialog cannot keep the row type parameter; the button's own props keep the caller typed.
const CsvExportDialog = lazyDialog<CsvExportDialogProps<unknown>>(() =>
  import('./csv-export-dialog').then((m) => m.CsvExportDialog as ComponentType<CsvExportDialogProps<unknown>>),
) as unknown as <T>(props: CsvExportDialogProps<T>) => ReactNode;

export function CsvExportButton<T>({
  label = 'Download CSV',
  disabled = false,
  cap = CSV_EXPORT_CAP,
  noun = ROWS,
  ...options
}: CsvExportButtonProps<T>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<FileDownloadOutlined />} onClick={() => setOpen(true)} disabled={disabled}>
        {label}
      </Button>
      <CsvExportDialog<T> {...options} cap={cap} noun={noun} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
