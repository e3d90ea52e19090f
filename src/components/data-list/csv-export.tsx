import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import { useState, type ComponentType, type ReactNode } from 'react';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { CsvExportDialogProps, CsvSource, LoadingCsvExportDialogProps } from './csv-export-dialog';
import type { ListNoun } from './data-list';

/**
 * "Download CSV" for a list: the whole filtered list, not just the page on screen, fetched page by
 * page in a dialog with progress and Cancel. Only this button is in a screen's bundle; the dialog,
 * the paging and the CSV writer load the first time someone clicks it. A screen whose columns
 * need code of their own (the tenants' settings, flattened from the contract's rules) passes
 * `load` instead of `columns` and `fetchPage`: that code then loads with the dialog too.
 */

export type { CsvColumn } from '@/lib/csv';
export type { CsvSource } from './csv-export-dialog';

interface CsvExportButtonOptions {
  /** The name the file is saved under ("audit-log.csv"). */
  filename: string;
  /** The most rows one file holds; default 100,000. */
  cap?: number;
  /** The count the screen already shows, if any: past the cap, the dialog says so without fetching anything. */
  total?: number | null;
  /** What a row is, for the dialog's texts; default rows. */
  noun?: ListNoun;
  label?: string;
  disabled?: boolean;
}

export interface CsvExportButtonProps<T> extends CsvExportButtonOptions, CsvSource<T> {}

export interface LoadingCsvExportButtonProps<T> extends CsvExportButtonOptions {
  /**
   * The columns and fetchPage, asked for on each click (so they take the filter of that moment);
   * it may import() them, and the dialog opens once they are in.
   */
  load: () => Promise<CsvSource<T>>;
}

export const CSV_EXPORT_CAP = 100_000;
const ROWS: ListNoun = { one: 'row', many: 'rows' };

// lazyDialog cannot keep the row type parameter; the button's own props keep the caller typed.
const CsvExportDialog = lazyDialog<CsvExportDialogProps<unknown>>(() =>
  import('./csv-export-dialog').then((m) => m.CsvExportDialog as ComponentType<CsvExportDialogProps<unknown>>),
) as unknown as <T>(props: CsvExportDialogProps<T>) => ReactNode;
const LoadingCsvExportDialog = lazyDialog<LoadingCsvExportDialogProps<unknown>>(() =>
  import('./csv-export-dialog').then((m) => m.LoadingCsvExportDialog as ComponentType<LoadingCsvExportDialogProps<unknown>>),
) as unknown as <T>(props: LoadingCsvExportDialogProps<T>) => ReactNode;

export function CsvExportButton<T>({
  label = 'Download CSV',
  disabled = false,
  cap = CSV_EXPORT_CAP,
  noun = ROWS,
  ...options
}: CsvExportButtonProps<T> | LoadingCsvExportButtonProps<T>) {
  const [open, setOpen] = useState(false);
  // With `load`: what the last click asked for (set with `open`, so the dialog never opens without it).
  const [source, setSource] = useState<Promise<CsvSource<T>> | null>(null);
  const { filename, total } = options;
  const common = { filename, total, cap, noun, open, onClose: () => setOpen(false) };
  const click = () => {
    if ('load' in options) setSource(options.load());
    setOpen(true);
  };
  return (
    <>
      <Button startIcon={<FileDownloadOutlined />} onClick={click} disabled={disabled}>
        {label}
      </Button>
      {'load' in options ? (
        source ? <LoadingCsvExportDialog<T> {...common} source={source} /> : null
      ) : (
        <CsvExportDialog<T> {...common} columns={options.columns} fetchPage={options.fetchPage} />
      )}
    </>
  );
}
