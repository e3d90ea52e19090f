import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { ApiError } from '@/lib/api-error';
import type { NormalizedList } from '@/lib/api/normalize';
import { renderWithProviders } from '@/testing/render-with-providers';
import { DataList, type ListQueryState } from './data-list';
import { DataTable, type Column } from './data-table';
import { DetailState } from './detail-state';
import { useRowSelection } from './row-selection';

/** The list kit on its own: the states every list screen gets from it. */

interface Thing {
  id: string;
  name: string;
}
const COLUMNS: Column<Thing>[] = [{ key: 'name', header: 'Name', rowHeader: true, cell: (t) => t.name }];
const things = (n: number, from = 1): Thing[] => Array.from({ length: n }, (_, i) => ({ id: `t${from + i}`, name: `Thing ${from + i}` }));
const page = (items: Thing[], total: number | null, p = 1): NormalizedList<Thing> => ({ items, total, page: p, perPage: 20, pages: total === null ? null : Math.ceil(total / 20) });

function query(over: Partial<ListQueryState<Thing>> = {}): ListQueryState<Thing> {
  return { data: undefined, isPending: false, isFetching: false, isPlaceholderData: false, error: null, refetch: vi.fn(), ...over };
}

function List({ state, filtered = false, p = 1, onPage = vi.fn(), onPerPage = vi.fn(), onClear = vi.fn() }: {
  state: ListQueryState<Thing>;
  filtered?: boolean;
  p?: number;
  onPage?: (page: number) => void;
  onPerPage?: (size: number) => void;
  onClear?: () => void;
}) {
  return (
    <DataList
      noun={{ one: 'thing', many: 'things' }}
      query={state}
      page={p}
      perPage={20}
      onPageChange={onPage}
      onPerPageChange={onPerPage}
      filtered={filtered}
      onClearFilters={onClear}
    >
      {(items, { busy }) => <DataTable label="Things" columns={COLUMNS} rows={items} getRowId={(t) => t.id} busy={busy} />}
    </DataList>
  );
}

describe('DataList', () => {
  it('says "more than" when the server stopped counting, and keeps paging open-ended', async () => {
    const onPage = vi.fn();
    const capped = { ...page(things(20), null), atLeast: 10_000 };
    const { user } = renderWithProviders(<List state={query({ data: capped })} onPage={onPage} />);
    expect(screen.getByRole('status')).toHaveTextContent('More than 10,000 things');
    expect(screen.getByText('1–20 of more than 20')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /last page/i })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /next page/i }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('shows the count, the rows and pagination bound to the page', async () => {
    const onPage = vi.fn();
    const { user } = renderWithProviders(<List state={query({ data: page(things(20), 45) })} onPage={onPage} />);
    expect(screen.getByRole('status')).toHaveTextContent('45 things');
    expect(within(screen.getByRole('table', { name: 'Things' })).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByText('1–20 of 45')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /next page/i }));
    expect(onPage).toHaveBeenCalledWith(2);
    expect(screen.getByRole('combobox', { name: /Things per page/ })).toBeInTheDocument();
  });

  it('marks the table busy while the next page loads over it, with a progress bar', () => {
    renderWithProviders(<List state={query({ data: page(things(20), 45), isFetching: true, isPlaceholderData: true })} />);
    expect(screen.getByRole('table', { name: 'Things' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('progressbar', { name: 'Loading things' })).toBeInTheDocument();
  });

  it('keeps a failed load in place with Retry, and the rows it already had', async () => {
    const refetch = vi.fn();
    const { user } = renderWithProviders(
      <List state={query({ data: page(things(3), 3), error: new ApiError(503, 'Service unavailable'), refetch })} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The things could not be loaded: Service unavailable');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalled();
  });

  it('says why the list is empty and offers the way out', async () => {
    const onClear = vi.fn();
    const onPage = vi.fn();
    const { user, unmount } = renderWithProviders(<List state={query({ data: page([], 0) })} filtered onClear={onClear} />);
    expect(screen.getByRole('heading', { name: 'No things match these filters' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
    unmount();

    const past = renderWithProviders(<List state={query({ data: page([], 45, 9) })} p={9} onPage={onPage} />);
    expect(screen.getByRole('heading', { name: 'There are no things on this page' })).toBeInTheDocument();
    await past.user.click(screen.getByRole('button', { name: 'Go to the first page' }));
    expect(onPage).toHaveBeenCalledWith(1);
    past.unmount();

    renderWithProviders(<List state={query({ data: page([], 0) })} />);
    expect(screen.getByRole('heading', { name: 'There are no things yet' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a loading indicator on the first load', () => {
    renderWithProviders(<List state={query({ isPending: true, isFetching: true })} />);
    expect(screen.getByRole('progressbar', { name: 'Loading things' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('DataTable selection', () => {
  function Selectable({ rows }: { rows: Thing[] }) {
    const selection = useRowSelection();
    const [shown, setShown] = useState(rows);
    return (
      <>
        <DataTable label="Things" columns={COLUMNS} rows={shown} getRowId={(t) => t.id} selection={selection} selectLabel={(t) => `Select ${t.name}`} />
        <p role="status">{selection.selected.size} selected</p>
        <button type="button" onClick={() => setShown(things(2, 10))}>
          Next page
        </button>
      </>
    );
  }

  it('selects rows one by one or the whole page, and keeps a selection across pages', async () => {
    const { user } = renderWithProviders(<Selectable rows={things(3)} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select Thing 2' }));
    expect(screen.getByRole('status')).toHaveTextContent('1 selected');
    const all = screen.getByRole('checkbox', { name: 'Select all 3 on this page' });
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    await user.click(all);
    expect(screen.getByRole('status')).toHaveTextContent('3 selected');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Thing 10' }));
    expect(screen.getByRole('status')).toHaveTextContent('4 selected');
    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 on this page' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 on this page' }));
    expect(screen.getByRole('status')).toHaveTextContent('3 selected');
  });
});

describe('DetailState', () => {
  const notFound = { title: 'Thing not found', message: 'No such thing.', backTo: '/things', backLabel: 'Back to things' };
  const detail = (over: Partial<{ data: Thing | undefined; error: Error | null; isPending: boolean }>) => ({
    data: undefined,
    error: null,
    isPending: false,
    refetch: vi.fn(),
    ...over,
  });

  it('shows loading, not found with its way back, a failed load with Retry, then the record', () => {
    const view = (q: ReturnType<typeof detail>) => (
      <DetailState query={q} noun="thing" notFound={notFound}>
        {(thing) => <h1>{thing.name}</h1>}
      </DetailState>
    );
    const a = renderWithProviders(view(detail({ isPending: true })));
    expect(screen.getByRole('progressbar', { name: 'Loading the thing' })).toBeInTheDocument();
    a.unmount();
    const b = renderWithProviders(view(detail({ error: new ApiError(404, 'Not Found') })));
    expect(screen.getByRole('heading', { name: 'Thing not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to things' })).toBeInTheDocument();
    b.unmount();
    const c = renderWithProviders(view(detail({ error: new ApiError(500, 'Boom') })));
    expect(screen.getByRole('heading', { name: 'The thing could not be loaded' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    c.unmount();
    renderWithProviders(view(detail({ data: { id: 't1', name: 'Thing 1' }, error: new ApiError(500, 'Background refetch failed') })));
    expect(screen.getByRole('heading', { name: 'Thing 1' })).toBeInTheDocument();
  });
});
