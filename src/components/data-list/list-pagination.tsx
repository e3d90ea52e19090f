import FirstPageIcon from '@mui/icons-material/FirstPage';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import LastPageIcon from '@mui/icons-material/LastPage';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputBase from '@mui/material/InputBase';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Toolbar from '@mui/material/Toolbar';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

const formatNumber = new Intl.NumberFormat('en-US').format;

/** The sizes open above the select (why: where the Select takes it). */
const PAGE_SIZE_MENU = {
  anchorOrigin: { vertical: 'top', horizontal: 'center' },
  transformOrigin: { vertical: 'bottom', horizontal: 'center' },
} as const;

type Action = 'first' | 'previous' | 'next' | 'last';
const ACTION_LABELS: Record<Action, string> = {
  first: 'Go to first page',
  previous: 'Go to previous page',
  next: 'Go to next page',
  last: 'Go to last page',
};
const ACTION_ICONS: Record<Action, ReactNode> = {
  first: <FirstPageIcon />,
  previous: <KeyboardArrowLeft />,
  next: <KeyboardArrowRight />,
  last: <LastPageIcon />,
};

export interface ListPaginationProps {
  /** Every row of the list, or -1 while the server has not said. */
  count: number;
  /** Zero-based, as MUI's TablePagination counts. */
  page: number;
  rowsPerPage: number;
  rowsPerPageOptions: readonly number[];
  /** "Tenants per page". */
  labelRowsPerPage: string;
  onPageChange: (page: number) => void;
  onRowsPerPageChange: (rowsPerPage: number) => void;
}

/**
 * The list's foot: "Tenants per page [20]", "1–20 of 100,000" and first / previous / next / last,
 * as MUI's TablePagination lays them out and names them (the same label, combobox and buttons, so
 * people and tests find them as before). Its own rather than MUI's because MUI 9 wraps each of the
 * four buttons in a Tooltip, which brings Popper with it: ~12 KB gzip that every list screen loaded
 * before its first rows (issue 16). The buttons are named by their title, which the browser also
 * shows on hover.
 */
export function ListPagination({
  count,
  page,
  rowsPerPage,
  rowsPerPageOptions,
  labelRowsPerPage,
  onPageChange,
  onRowsPerPageChange,
}: ListPaginationProps) {
  const labelId = useId();
  const selectId = useId();
  const actionsRef = useRef<HTMLDivElement>(null);
  const focused = useRef<HTMLButtonElement | null>(null);

  const lastPage = Math.max(0, Math.ceil(count / rowsPerPage) - 1);
  const from = count === 0 ? 0 : page * rowsPerPage + 1;
  const to = count === -1 ? (page + 1) * rowsPerPage : Math.min(count, (page + 1) * rowsPerPage);
  const actions: { action: Action; disabled: boolean; target: number }[] = [
    { action: 'first', disabled: page === 0, target: 0 },
    { action: 'previous', disabled: page === 0, target: page - 1 },
    { action: 'next', disabled: count !== -1 && page >= lastPage, target: page + 1 },
    { action: 'last', disabled: count === -1 || page >= lastPage, target: lastPage },
  ];

  // A button that was focused and is now disabled (Next on reaching the last page) would drop the
  // focus to the page: it moves to the next button that still works, then back along the row.
  useLayoutEffect(() => {
    const button = focused.current;
    if (!button || !button.disabled || !actionsRef.current) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== button && active !== document.body && active !== document.documentElement) return;
    const buttons = [...actionsRef.current.querySelectorAll('button')];
    const index = buttons.indexOf(button);
    if (index === -1) return;
    [...buttons.slice(index + 1), ...buttons.slice(0, index).reverse()].find((b) => !b.disabled)?.focus();
  });

  return (
    <Toolbar sx={{ minHeight: { xs: 52 }, pr: { xs: '2px' }, overflow: 'auto', color: 'text.primary', fontSize: '0.875rem' }}>
      <Box sx={{ flex: '1 1 100%' }} />
      {rowsPerPageOptions.length > 1 ? (
        <>
          <Box component="p" id={labelId} sx={{ typography: 'body2', flexShrink: 0, my: 2 }}>
            {labelRowsPerPage}
          </Box>
          <Select
            variant="standard"
            input={<InputBase />}
            value={rowsPerPage}
            onChange={(event) => onRowsPerPageChange(Number(event.target.value))}
            id={selectId}
            labelId={labelId}
            // The list's foot is often at the bottom of the window: MUI then moves a menu opening
            // below up over the select, where the mouseup of a slow click (a busy machine) lands on
            // a size and chooses it. Above, it opens clear of the select.
            MenuProps={PAGE_SIZE_MENU}
            sx={{
              color: 'inherit',
              fontSize: 'inherit',
              flexShrink: 0,
              mr: 4,
              ml: 1,
              '& .MuiSelect-select': { pl: 1, pr: 3, textAlign: 'right', textAlignLast: 'right' },
              '& .MuiSelect-select:focus': { bgcolor: 'action.focus' },
            }}
          >
            {rowsPerPageOptions.map((size) => (
              <MenuItem key={size} value={size}>
                {size}
              </MenuItem>
            ))}
          </Select>
        </>
      ) : null}
      <Box component="p" sx={{ typography: 'body2', flexShrink: 0, my: 2 }}>
        {`${formatNumber(from)}–${formatNumber(to)} of ${count !== -1 ? formatNumber(count) : `more than ${formatNumber(to)}`}`}
      </Box>
      <Box
        ref={actionsRef}
        sx={{ flexShrink: 0, ml: 2.5, display: 'flex' }}
        onFocus={(event) => {
          focused.current = event.target instanceof HTMLButtonElement ? event.target : null;
        }}
        onBlur={(event) => {
          // Disabling a focused button can blur it before the layout effect above runs.
          if (!(event.target instanceof HTMLButtonElement && event.target.disabled) || event.relatedTarget !== null) focused.current = null;
        }}
      >
        {actions.map(({ action, disabled, target }) => (
          <IconButton
            key={action}
            color={action === 'previous' || action === 'next' ? 'inherit' : 'default'}
            // Named by its title, which the browser also shows on hover: as a name, not again as a
            // description (an aria-label beside it would make the title repeat the name).
            title={ACTION_LABELS[action]}
            disabled={disabled}
            onClick={() => onPageChange(target)}
          >
            {ACTION_ICONS[action]}
          </IconButton>
        ))}
      </Box>
    </Toolbar>
  );
}
