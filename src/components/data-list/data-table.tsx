import Checkbox from '@mui/material/Checkbox';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import { memo, type ReactNode } from 'react';
import type { RowSelection } from './row-selection';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column names the row (a `<th scope="row">`); one column should. */
  rowHeader?: boolean;
  sx?: SxProps<Theme>;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  getRowId: (row: T) => string;
  /** The next page is loading over these rows. */
  busy?: boolean;
  /** Row selection for bulk actions: a checkbox per row and one for the page. */
  selection?: RowSelection;
  /** The accessible name of a row's checkbox: "Select Acme Corporation". */
  selectLabel?: (row: T) => string;
  /**
   * Draws one row itself (e.g. a memoised row whose cells read names that arrive later); it
   * must put `selectCell` first when given. Without it, each column's `cell` is drawn.
   */
  renderRow?: (row: T, selectCell: ReactNode) => ReactNode;
}

/**
 * The list kit's table: a named table, busy while the next page loads (dimmed, aria-busy),
 * column headers, optional row selection ready for bulk actions.
 */
export function DataTable<T>({ label, columns, rows, getRowId, busy = false, selection, selectLabel, renderRow }: DataTableProps<T>) {
  const ids = rows.map(getRowId);
  const selectedHere = selection ? ids.filter((id) => selection.isSelected(id)).length : 0;
  return (
    <TableContainer>
      <Table aria-label={label} aria-busy={busy} size="small" sx={{ opacity: busy ? 0.6 : 1, transition: 'opacity 150ms' }}>
        <TableHead>
          <TableRow>
            {selection ? (
              <TableCell padding="checkbox">
                <Checkbox
                  size="small"
                  checked={ids.length > 0 && selectedHere === ids.length}
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  onChange={() => selection.togglePage(ids)}
                  slotProps={{ input: { 'aria-label': `Select all ${rows.length} on this page` } }}
                />
              </TableCell>
            ) : null}
            {columns.map((column) => (
              <TableCell key={column.key} scope="col" sx={column.sx}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => {
            const id = ids[i] as string;
            const selectCell = selection ? (
              <TableCell padding="checkbox">
                <Checkbox
                  size="small"
                  checked={selection.isSelected(id)}
                  onChange={() => selection.toggle(id)}
                  slotProps={{ input: { 'aria-label': selectLabel ? selectLabel(row) : `Select row ${i + 1}` } }}
                />
              </TableCell>
            ) : null;
            return renderRow ? (
              <RowKey key={id}>{renderRow(row, selectCell)}</RowKey>
            ) : (
              <ColumnsRow key={id} row={row} columns={columns} selectCell={selectCell} selected={selection?.isSelected(id) ?? false} />
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Gives a caller-drawn row its key. */
function RowKey({ children }: { children: ReactNode }) {
  return children;
}

interface ColumnsRowProps<T> {
  row: T;
  columns: readonly Column<T>[];
  selectCell: ReactNode;
  selected: boolean;
}

/** A row drawn from the columns, again only when its record, columns or selection change. */
const ColumnsRow = memo(
  function ColumnsRow<T>({ row, columns, selectCell, selected }: ColumnsRowProps<T>) {
    return (
      <TableRow hover selected={selected}>
        {selectCell}
        {columns.map((column) =>
          column.rowHeader ? (
            <TableCell key={column.key} component="th" scope="row" sx={column.sx}>
              {column.cell(row)}
            </TableCell>
          ) : (
            <TableCell key={column.key} sx={column.sx}>
              {column.cell(row)}
            </TableCell>
          ),
        )}
      </TableRow>
    );
  },
  (before, after) => before.row === after.row && before.columns === after.columns && before.selected === after.selected,
) as <T>(props: ColumnsRowProps<T>) => ReactNode;
