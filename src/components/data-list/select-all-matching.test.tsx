import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '@/testing/render-with-providers';
import { keepUnfinished } from './bulk-actions-bar';
import { useRowSelection } from './row-selection';
import { SelectAllMatching } from './select-all-matching';
import type { BulkSnapshot } from '@/lib/bulk-runner';

interface Thing {
  id: string;
}

const NOUN = { one: 'thing', many: 'things' };
const things = (from: number, to: number): Thing[] => Array.from({ length: to - from + 1 }, (_, i) => ({ id: `t${from + i}` }));

type FetchPage = (page: number, perPage: number, signal: AbortSignal) => Promise<{ items: Thing[]; total: number | null }>;

function Harness({ total, fetchPage, pageIds }: { total: number | null; fetchPage: FetchPage; pageIds: string[] }) {
  const selection = useRowSelection();
  const [rows, setRows] = useState(0);
  return (
    <>
      <button type="button" onClick={() => selection.togglePage(pageIds)}>
        Select the page
      </button>
      <SelectAllMatching<Thing>
        selection={selection}
        pageIds={pageIds}
        total={total}
        noun={NOUN}
        fetchPage={fetchPage}
        getRowId={(t) => t.id}
        onRows={(fetched) => setRows(fetched.length)}
      />
      <output aria-label="Selection">
        {selection.selected.size} selected, {rows} rows
      </output>
    </>
  );
}

/** A server of `count` things, `perPage` at a time. */
function server(count: number, asked: [number, number][] = []): FetchPage {
  return async (page, perPage) => {
    asked.push([page, perPage]);
    return { items: things((page - 1) * perPage + 1, Math.min(count, page * perPage)), total: count };
  };
}

describe('SelectAllMatching', () => {
  it('is offered once the whole page is selected, then selects every matching row, 100 a page', async () => {
    const asked: [number, number][] = [];
    const { user } = renderWithProviders(<Harness total={250} fetchPage={server(250, asked)} pageIds={['t1', 't2']} />);
    expect(screen.queryByRole('button', { name: /Select all/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Select the page' }));
    await user.click(screen.getByRole('button', { name: 'Select all 250 matching things' }));
    expect(await screen.findByText('All 250 matching things are selected.')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Selection' })).toHaveTextContent('250 selected, 250 rows');
    expect(asked).toEqual([
      [1, 100],
      [2, 100],
      [3, 100],
    ]);
  });

  it('past the limit, says to narrow the filters instead', async () => {
    const { user } = renderWithProviders(<Harness total={1001} fetchPage={server(1001)} pageIds={['t1']} />);
    await user.click(screen.getByRole('button', { name: 'Select the page' }));
    expect(screen.getByText(/1,001 things match; at most 1,000 can be selected at once/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Select all/ })).not.toBeInTheDocument();
  });

  it('says why a page failed, and Try again starts over', async () => {
    let fail = true;
    const fetchPage: FetchPage = async (page, perPage) => {
      if (page === 2 && fail) throw new Error('Service unavailable');
      return server(150)(page, perPage, new AbortController().signal);
    };
    const { user } = renderWithProviders(<Harness total={150} fetchPage={fetchPage} pageIds={['t1']} />);
    await user.click(screen.getByRole('button', { name: 'Select the page' }));
    await user.click(screen.getByRole('button', { name: 'Select all 150 matching things' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not select all 150 things: Service unavailable');
    expect(screen.getByRole('status', { name: 'Selection' })).toHaveTextContent('1 selected');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Selection' })).toHaveTextContent('150 selected, 150 rows'));
  });

  it('Stop selecting aborts the paging and selects nothing more', async () => {
    let release: () => void = () => undefined;
    const fetchPage: FetchPage = (_page, _perPage, signal) =>
      new Promise((resolve, reject) => {
        release = () => resolve({ items: things(1, 100), total: 300 });
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const { user } = renderWithProviders(<Harness total={300} fetchPage={fetchPage} pageIds={['t1']} />);
    await user.click(screen.getByRole('button', { name: 'Select the page' }));
    await user.click(screen.getByRole('button', { name: 'Select all 300 matching things' }));
    expect(screen.getByText(/^Selecting all/)).toHaveTextContent('Selecting all 300 things: 0 of 300 loaded…');
    await user.click(screen.getByRole('button', { name: 'Stop selecting' }));
    release();
    expect(await screen.findByRole('button', { name: 'Select all 300 matching things' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Selection' })).toHaveTextContent('1 selected, 0 rows');
  });
});

describe('keepUnfinished', () => {
  it('keeps the failed and the cancelled selected, and nothing else', async () => {
    const results = {
      items: [
        { item: { id: 'a' }, state: { status: 'done' } },
        { item: { id: 'b' }, state: { status: 'failed', reason: 'No', error: null } },
        { item: { id: 'c' }, state: { status: 'skipped', reason: 'already' } },
        { item: { id: 'd' }, state: { status: 'cancelled' } },
      ],
    } as unknown as BulkSnapshot<Thing>;
    function Keep() {
      const selection = useRowSelection();
      return (
        <>
          <button type="button" onClick={() => selection.select(['a', 'b', 'c', 'd', 'e'])}>
            Select
          </button>
          <button type="button" onClick={() => keepUnfinished(selection, results, (t) => t.id)}>
            Keep
          </button>
          <output aria-label="Selected">{[...selection.selected].join(',')}</output>
        </>
      );
    }
    const { user } = renderWithProviders(<Keep />);
    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(screen.getByRole('status', { name: 'Selected' })).toHaveTextContent('a,b,c,d,e');
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('status', { name: 'Selected' })).toHaveTextContent(/^b,d$/);
  });
});
