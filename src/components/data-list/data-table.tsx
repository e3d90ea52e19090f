import Checkbox from '@mui/material/Checkbox';
import { styled, type Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';
import { memo, useMemo, type ReactNode } from 'react';
import type { RowSelection } from './row-selection';

/**
 * Class names a row's cells may use, styled once by the table (see `TableFrame`): a link looks
 * like MUI's `Link` (`linkHover`: underlined on hover only), `block` puts text on its own line,
 * `body1` sets body1 text, like a `Typography`, and `secondary` the theme's secondary text colour.
 */
export const tableClasses = {
  link: 'dt-link',
  linkHover: 'dt-link-hover',
  block: 'dt-block',
  body1: 'dt-body1',
  secondary: 'dt-secondary',
  selected: 'dt-selected',
} as const;

const col = (key: string) => `dt-col-${key}`;

/**
 * The table drawn with plain `<table>`/`<tr>`/`<td>` and one style block: the look of MUI's small
 * `Table` (cells, hover, selection, links, text sizes), from the theme, in both colour modes.
 * A MUI `TableCell`, `Link` and `Typography` per cell each went through emotion on every render:
 * ~15 per row, a third of the main thread's work to draw a page of rows (issue 16).
 */
const TableFrame = styled('div')(({ theme }: { theme: Theme }) => {
  const { palette, typography } = theme;
  const border =
    palette.mode === 'light'
      ? theme.lighten(theme.alpha(palette.divider, 1), 0.88)
      : theme.darken(theme.alpha(palette.divider, 1), 0.68);
  return {
    width: '100%',
    overflowX: 'auto',
    '& table': { display: 'table', width: '100%', borderCollapse: 'collapse', borderSpacing: 0, transition: 'opacity 150ms' },
    '& table[aria-busy="true"]': { opacity: 0.6 },
    '& tr': { color: 'inherit', display: 'table-row', verticalAlign: 'middle', outline: 0 },
    '& th, & td': {
      ...typography.body2,
      display: 'table-cell',
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${border}`,
      textAlign: 'left',
      padding: '6px 16px',
      color: palette.text.primary,
    },
    '& thead th': { lineHeight: typography.pxToRem(24), fontWeight: typography.fontWeightMedium },
    '& .dt-checkbox': { width: 24, padding: '0 12px 0 16px', '& > *': { padding: 0 } },
    '& tbody tr:hover': { backgroundColor: palette.action.hover },
    [`& tr.${tableClasses.selected}`]: {
      backgroundColor: theme.alpha(palette.primary.main, palette.action.selectedOpacity),
      '&:hover': { backgroundColor: theme.alpha(palette.primary.main, palette.action.selectedOpacity + palette.action.hoverOpacity) },
    },
    [`& .${tableClasses.link}, & .${tableClasses.linkHover}`]: { margin: 0, font: 'inherit', lineHeight: 'inherit', letterSpacing: 'inherit', color: palette.primary.main },
    [`& .${tableClasses.link}`]: {
      textDecoration: 'underline',
      textDecorationColor: theme.alpha(palette.primary.main, 0.4),
      '&:hover': { textDecorationColor: 'inherit' },
    },
    [`& .${tableClasses.linkHover}`]: { textDecoration: 'none', '&:hover': { textDecoration: 'underline' } },
    [`& .${tableClasses.block}`]: { display: 'block' },
    [`& .${tableClasses.body1}`]: { margin: 0, ...typography.body1 },
    [`& .${tableClasses.secondary}`]: { color: palette.text.secondary },
  };
});

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column names the row (a `<th scope="row">`); one column should. */
  rowHeader?: boolean;
  /** Styles for this column's cells, written once into the table's style block. */
  sx?: SystemStyleObject<Theme>;
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
  // Column styles as rules of the table's one style block, not an `sx` per cell.
  const columnStyles = useMemo(() => {
    const rules: Record<string, SystemStyleObject<Theme>> = {};
    for (const column of columns) if (column.sx) rules[`& .${col(column.key)}`] = column.sx;
    return rules;
  }, [columns]);
  return (
    <TableFrame sx={columnStyles}>
      <table aria-label={label} aria-busy={busy}>
        <thead>
          <tr>
            {selection ? (
              <th className="dt-checkbox">
                <Checkbox
                  size="small"
                  checked={ids.length > 0 && selectedHere === ids.length}
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  onChange={() => selection.togglePage(ids)}
                  slotProps={{ input: { 'aria-label': `Select all ${rows.length} on this page` } }}
                />
              </th>
            ) : null}
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.sx ? col(column.key) : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const id = ids[i] as string;
            const selectCell = selection ? (
              <td className="dt-checkbox">
                <Checkbox
                  size="small"
                  checked={selection.isSelected(id)}
                  onChange={() => selection.toggle(id)}
                  slotProps={{ input: { 'aria-label': selectLabel ? selectLabel(row) : `Select row ${i + 1}` } }}
                />
              </td>
            ) : null;
            return renderRow ? (
              <RowKey key={id}>{renderRow(row, selectCell)}</RowKey>
            ) : (
              <ColumnsRow key={id} row={row} columns={columns} selectCell={selectCell} selected={selection?.isSelected(id) ?? false} />
            );
          })}
        </tbody>
      </table>
    </TableFrame>
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
      <tr className={selected ? tableClasses.selected : undefined}>
        {selectCell}
        {columns.map((column) => {
          const className = column.sx ? col(column.key) : undefined;
          return column.rowHeader ? (
            <th key={column.key} scope="row" className={className}>
              {column.cell(row)}
            </th>
          ) : (
            <td key={column.key} className={className}>
              {column.cell(row)}
            </td>
          );
        })}
      </tr>
    );
  },
  (before, after) => before.row === after.row && before.columns === after.columns && before.selected === after.selected,
) as <T>(props: ColumnsRowProps<T>) => ReactNode;
