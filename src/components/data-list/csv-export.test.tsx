import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CsvExportButton, type CsvExportButtonProps } from './csv-export';

/** The list kit's CSV download on its own: paging, progress, cancel, the cap, a failed page. */

interface Entry {
  id: number;
  actor: string;
}
const COLUMNS: CsvExportButtonProps<Entry>['columns'] = [
  { header: 'ID', value: (e) => e.id },
  { header: 'Actor', value: (e) => e.actor },
];
const entries = (n: number): Entry[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, actor: `Actor ${i + 1}` }));

type FetchPage = CsvExportButtonProps<Entry>['fetchPage'];

/** A server holding `all`, answering pages of perPage; `total` as it would report it. */
function server(all: Entry[], total: number | null = all.length) {
  return vi.fn<FetchPage>(async (page, perPage) => ({ items: all.slice((page - 1) * perPage, page * perPage), total }));
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What the browser was asked to save: the Blob, the file name, and whether its URL was revoked. */
let saved: { blob: Blob; filename: string; url: string }[];
let revoked: string[];

beforeEach(() => {
  saved = [];
  revoked = [];
  let pendingBlob: Blob | undefined;
  // jsdom has neither object URLs nor downloads.
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      pendingBlob = blob;
      return `blob:test/${saved.length + 1}`;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: (url: string) => revoked.push(url) });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pendingBlob) saved.push({ blob: pendingBlob, filename: this.download, url: this.href });
  });
});

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

function renderButton(props: Partial<CsvExportButtonProps<Entry>> & { fetchPage: FetchPage }) {
  return renderWithProviders(<CsvExportButton<Entry> filename="audit-log.csv" columns={COLUMNS} {...props} />);
}

/** The file's bytes as text, BOM kept (jsdom's Blob has no text(), and FileReader's readAsText drops a BOM). */
function contentOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** axe over the page with the dialog open (jsdom computes no colours: contrast is e2e's job). */
async function expectNoAxeViolations() {
  const results = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }));
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

const csvOf = (rows: Entry[]) => '\uFEFFID,Actor\r\n' + rows.map((e) => `${e.id},${e.actor}\r\n`).join('');

describe('CsvExportButton', () => {
  it('pages through the server 100 rows at a time and downloads them all as the file', async () => {
    const all = entries(250);
    const fetchPage = server(all);
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 250 rows.');
    expect(fetchPage.mock.calls.map(([page, perPage]) => [page, perPage])).toEqual([
      [1, 100],
      [2, 100],
      [3, 100],
    ]);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.filename).toBe('audit-log.csv');
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(all));
    await waitFor(() => expect(revoked).toEqual([saved[0]!.url]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('stops at a short page when the server gives no total', async () => {
    const all = entries(130);
    const fetchPage = server(all, null);
    const { user } = renderButton({ fetchPage, label: 'Export entries', noun: { one: 'entry', many: 'entries' } });

    await user.click(screen.getByRole('button', { name: 'Export entries' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 130 entries.');
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(all));
  });

  it('goes on past a short page while the total says more rows remain (a server serving 50 a page)', async () => {
    const all = entries(120);
    const fetchPage = vi.fn<FetchPage>(async (page) => ({ items: all.slice((page - 1) * 50, page * 50), total: all.length }));
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 120 rows.');
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 3]);
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(all));
  });

  it('stops at an empty page even when the total promised more', async () => {
    const all = entries(150);
    const fetchPage = server(all, 400);
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 150 rows.');
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('shows the progress as rows of the total, in a labelled dialog', async () => {
    const page2 = deferred<{ items: Entry[]; total: number | null }>();
    const all = entries(250);
    const healthy = server(all);
    const fetchPage = vi.fn<FetchPage>(async (page, perPage, signal) => (page === 2 ? page2.promise : healthy(page, perPage, signal)));
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const dialog = await screen.findByRole('dialog', { name: 'Downloading CSV' });
    expect(await within(dialog).findByText('100 of 250 rows')).toBeInTheDocument();
    const progress = within(dialog).getByRole('progressbar', { name: 'Download progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '40');
    expect(progress).toHaveAttribute('aria-valuetext', '100 of 250 rows');
    expect(dialog).toHaveAccessibleDescription('100 of 250 rows');

    await expectNoAxeViolations();

    await act(async () => page2.resolve({ items: all.slice(100, 200), total: 250 }));
    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 250 rows.');
  });

  it('shows an indeterminate progress when the total is unknown', async () => {
    const page2 = deferred<{ items: Entry[]; total: number | null }>();
    const fetchPage = vi.fn<FetchPage>(async (page) => (page === 2 ? page2.promise : { items: entries(100), total: null }));
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const dialog = await screen.findByRole('dialog', { name: 'Downloading CSV' });
    expect(await within(dialog).findByText('100 rows so far')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar', { name: 'Download progress' })).not.toHaveAttribute('aria-valuenow');
  });

  it('Cancel aborts the request in flight and downloads nothing', async () => {
    let signal: AbortSignal | undefined;
    const fetchPage = vi.fn<FetchPage>(
      (_page, _perPage, s) =>
        new Promise((_resolve, reject) => {
          signal = s;
          s.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Downloading CSV' });
    await waitFor(() => expect(fetchPage).toHaveBeenCalled());
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(signal?.aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(saved).toEqual([]);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('past the cap, says so before fetching anything when the screen knows the count', async () => {
    const fetchPage = server(entries(10));
    const { user } = renderButton({ fetchPage, total: 512_000, noun: { one: 'entry', many: 'entries' } });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const dialog = await screen.findByRole('dialog', { name: 'Too many rows for one download' });
    expect(dialog).toHaveAccessibleDescription(
      'This filter matches 512,000 entries; a download is limited to 100,000. Narrow the filter (for example the time range) and try again.',
    );
    expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fetchPage).not.toHaveBeenCalled();
    expect(saved).toEqual([]);
  });

  it('past the cap, stops at the first page when only the server knows the count', async () => {
    const fetchPage = server(entries(300), 512_000);
    const { user } = renderButton({ fetchPage, cap: 200 });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const dialog = await screen.findByRole('dialog', { name: 'Too many rows for one download' });
    expect(dialog).toHaveTextContent('This filter matches 512,000 rows; a download is limited to 200.');
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([]);
  });

  it('with no total, stops at the cap and says the file was cut', async () => {
    const all = entries(1000);
    const fetchPage = server(all, null);
    const { user } = renderButton({ fetchPage, cap: 250 });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Downloaded 250 rows. The file was cut at 250, the most one download holds: narrow the filter to get the rest.',
    );
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(all.slice(0, 250)));
  });

  it('shows a failed page inside the dialog, and Retry resumes from that page keeping the rows so far', async () => {
    const all = entries(250);
    const healthy = server(all);
    let failures = 1;
    const fetchPage = vi.fn<FetchPage>(async (page, perPage, signal) => {
      if (page === 2 && failures-- > 0) throw new ApiError(503, 'Value error, the audit store is unavailable');
      return healthy(page, perPage, signal);
    });
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const dialog = await screen.findByRole('dialog', { name: 'Downloading CSV' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Page 2 could not be loaded: The audit store is unavailable');
    expect(alert).toHaveTextContent('the 100 rows fetched so far are kept');
    expect(within(dialog).getByText('100 of 250 rows')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    await expectNoAxeViolations();

    await user.click(within(dialog).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 250 rows.');
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 2, 3]);
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(all));
  });

  it('starts afresh when opened again', async () => {
    const fetchPage = server(entries(5));
    const { user } = renderButton({ fetchPage });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(2));

    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 1]);
    expect(await contentOf(saved[1]!.blob)).toBe(csvOf(entries(5)));
  });

  it('with load, asks for the columns and pages on each click and exports with those of that click', async () => {
    const first = server(entries(3));
    const second = server(entries(1));
    const load = vi
      .fn<() => Promise<{ columns: typeof COLUMNS; fetchPage: FetchPage }>>()
      .mockResolvedValueOnce({ columns: COLUMNS, fetchPage: first })
      .mockResolvedValueOnce({ columns: [COLUMNS[1]!], fetchPage: second });
    const { user } = renderWithProviders(<CsvExportButton<Entry> filename="entries.csv" load={load} />);
    expect(load).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await contentOf(saved[0]!.blob)).toBe(csvOf(entries(3)));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(load).toHaveBeenCalledTimes(2);
    expect(first).toHaveBeenCalledTimes(1);
    expect(await contentOf(saved[1]!.blob)).toBe('\uFEFFActor\r\nActor 1\r\n');
  });

  it('can be disabled', () => {
    renderButton({ fetchPage: server([]), disabled: true });
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });
});
