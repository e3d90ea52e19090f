import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ListPagination } from './list-pagination';

function Paged({ count, initialPage = 0 }: { count: number; initialPage?: number }) {
  const [page, setPage] = useState(initialPage);
  const [size, setSize] = useState(20);
  return (
    <ListPagination
      count={count}
      page={page}
      rowsPerPage={size}
      rowsPerPageOptions={[20, 50, 100]}
      labelRowsPerPage="Tenants per page"
      onPageChange={setPage}
      onRowsPerPageChange={(next) => {
        setSize(next);
        setPage(0);
      }}
    />
  );
}

describe('ListPagination', () => {
  it('names the size and the buttons as MUI did, and says which rows show', async () => {
    const user = userEvent.setup();
    render(<Paged count={100_000} />);
    expect(screen.getByText('1–20 of 100,000')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Tenants per page/ })).toHaveTextContent('20');
    expect(screen.getByRole('button', { name: 'Go to first page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Go to previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(screen.getByText('21–40 of 100,000')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to last page' }));
    expect(screen.getByText('99,981–100,000 of 100,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeDisabled();
  });

  it('changes the page size from its menu', async () => {
    const user = userEvent.setup();
    render(<Paged count={120} initialPage={2} />);
    await user.click(screen.getByRole('combobox', { name: /Tenants per page/ }));
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: '50' }));
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();
  });

  it('without a total, says "more than" and keeps Next but not Last', () => {
    render(<Paged count={-1} />);
    expect(screen.getByText('1–20 of more than 20')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Go to last page' })).toBeDisabled();
  });

  it('a focused button that becomes disabled hands the focus on, not to the page', async () => {
    const user = userEvent.setup();
    render(<Paged count={60} initialPage={1} />);
    screen.getByRole('button', { name: 'Go to next page' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('41–60 of 60')).toBeInTheDocument();
    // Next and Last are now disabled: the focus goes back along the row, to Previous.
    expect(screen.getByRole('button', { name: 'Go to previous page' })).toHaveFocus();
  });
});
