import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '@/lib/api-error';
import { deferred, type Deferred } from '@/testing/deferred';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { MILESTONE_MIN_ITEMS } from './bulk-progress-dialog';
import { LazyBulkProgressDialog } from './lazy-bulk-progress-dialog';

/** The progress dialog over the runner: progress, each row's result, Cancel, Retry failed, Close. */

interface Row {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED';
}
const ROWS: Row[] = [
  { id: '1', name: 'Acme', status: 'ACTIVE' },
  { id: '2', name: 'Globex', status: 'ACTIVE' },
  { id: '3', name: 'Initech', status: 'ACTIVE' },
];

/** A task held in flight per row until the test answers it. */
function heldTask() {
  const calls: { row: Row; answer: Deferred<void> }[] = [];
  const task = vi.fn((row: Row) => {
    const answer = deferred();
    calls.push({ row, answer });
    return answer.promise;
  });
  const answer = async (name: string, error?: unknown) => {
    const call = calls.findLast((c) => c.row.name === name);
    if (!call) throw new Error(`${name} was never started`);
    await act(async () => {
      if (error) call.answer.reject(error);
      else call.answer.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
  return { task, calls, answer };
}

const nameOf = (row: Row) => row.name;

function Harness(props: {
  rows?: Row[];
  task: (row: Row) => Promise<unknown>;
  concurrency?: number;
  onFinished?: (snapshot: BulkSnapshot<Row>) => void;
  itemLabel?: (row: Row) => string;
}) {
  const [open, setOpen] = useState(false);
  const rows = props.rows ?? ROWS;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Suspend {rows.length} tenants
      </button>
      <Link to="/elsewhere">Elsewhere</Link>
      <LazyBulkProgressDialog<Row>
        open={open}
        title={`Suspend ${rows.length} tenants`}
        items={rows}
        task={props.task}
        skip={(row) => (row.status === 'SUSPENDED' ? 'already suspended' : null)}
        concurrency={props.concurrency}
        itemLabel={props.itemLabel ?? nameOf}
        onFinished={props.onFinished}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

async function openDialog(props: Parameters<typeof Harness>[0]) {
  const rendered = renderWithProviders(<Harness {...props} />);
  await rendered.user.click(screen.getByRole('button', { name: /^Suspend \d+ tenants$/ }));
  const dialog = await screen.findByRole('dialog', { name: /^Suspend \d+ tenants$/ });
  return { ...rendered, dialog };
}

const results = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Results' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/** axe over the page with the dialog open (jsdom computes no colours: contrast is e2e's job). */
async function expectNoAxeViolations() {
  const found = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }));
  expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('BulkProgressDialog', () => {
  it('shows progress and each row’s result, then Close; onFinished gets the final results', async () => {
    const held = heldTask();
    const onFinished = vi.fn();
    const { dialog, user } = await openDialog({ task: held.task, onFinished });

    const bar = within(dialog).getByRole('progressbar', { name: 'Suspend 3 tenants: progress' });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(3));
    expect(bar).toHaveAttribute('aria-valuetext', '0 of 3');
    expect(results(dialog)).toEqual(['Acme: In progress', 'Globex: In progress', 'Initech: In progress']);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();

    // The start is announced; the count that moves with each answer is on the bar and for the eyes only.
    const status = within(dialog).getByRole('status');
    expect(status).toHaveTextContent(/^In progress\.$/);
    await held.answer('Globex');
    expect(bar).toHaveAttribute('aria-valuetext', '1 of 3');
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(status).toHaveTextContent(/^In progress\.$/);
    expect(within(dialog).getByText('1 of 3 finished.')).toHaveAttribute('aria-hidden', 'true');
    await held.answer('Acme');
    await held.answer('Initech');

    expect(bar).toHaveAttribute('aria-valuetext', '3 of 3');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 3 done.');
    expect(results(dialog)).toEqual(['Acme: Done', 'Globex: Done', 'Initech: Done']);
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0]![0]).toMatchObject({ phase: 'finished', counts: { done: 3 } });
    expect(within(dialog).queryByRole('button', { name: /Retry failed/ })).not.toBeInTheDocument();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await expectNoAxeViolations();

    await user.click(close);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('lists a failure with the server’s reason and a skip with why; Retry failed runs only the failed', async () => {
    const held = heldTask();
    const onFinished = vi.fn();
    const rows: Row[] = [...ROWS, { id: '4', name: 'Umbrella', status: 'SUSPENDED' }];
    const { dialog, user } = await openDialog({ rows, task: held.task, onFinished });

    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(3));
    await held.answer('Acme');
    await held.answer('Globex', new ApiError(404, 'Tenant not found'));
    await held.answer('Initech');

    expect(results(dialog)).toEqual(['Acme: Done', 'Globex: Failed: Tenant not found', 'Initech: Done', 'Umbrella: Skipped: already suspended']);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 2 done, 1 failed, 1 skipped.');
    expect(onFinished).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations();

    held.task.mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Retry failed (1)' }));
    expect(held.task.mock.calls.map(([row]) => row.name)).toEqual(['Globex']);
    expect(results(dialog)[1]).toBe('Globex: In progress');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await held.answer('Globex');

    expect(results(dialog)).toEqual(['Acme: Done', 'Globex: Done', 'Initech: Done', 'Umbrella: Skipped: already suspended']);
    expect(onFinished).toHaveBeenCalledTimes(2);
    expect(within(dialog).queryByRole('button', { name: /Retry failed/ })).not.toBeInTheDocument();
  });

  it('Cancel stops what has not started; what was in flight finishes and every row says how it ended', async () => {
    const held = heldTask();
    const onFinished = vi.fn();
    const { dialog, user } = await openDialog({ task: held.task, concurrency: 1, onFinished });

    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(1));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('button', { name: 'Cancelling…' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Cancelling: waiting for the requests already sent.');
    expect(within(dialog).getByText('2 of 3 finished.')).toBeInTheDocument();
    expect(onFinished).not.toHaveBeenCalled();

    await held.answer('Acme');
    expect(held.task).toHaveBeenCalledTimes(1);
    expect(results(dialog)).toEqual(['Acme: Done', 'Globex: Not started (cancelled)', 'Initech: Not started (cancelled)']);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 1 done, 2 not started.');
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('cannot be dismissed with Escape while running; can once finished', async () => {
    const held = heldTask();
    const { dialog, user } = await openDialog({ task: held.task });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(3));

    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Suspend 3 tenants' })).toBeInTheDocument();

    for (const row of ROWS) await held.answer(row.name);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 3 done.');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('opened again, it runs afresh with the items of that moment', async () => {
    const task = vi.fn(async () => undefined);
    const { dialog, user } = await openDialog({ task });
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 3 done.'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Suspend 3 tenants' }));
    const again = await screen.findByRole('dialog', { name: 'Suspend 3 tenants' });
    await waitFor(() => expect(within(again).getByRole('status')).toHaveTextContent('Finished: 3 done.'));
    expect(task).toHaveBeenCalledTimes(6);
  });
  it('on a long run, announces only a few milestones, not every answer', async () => {
    const held = heldTask();
    const rows: Row[] = Array.from({ length: MILESTONE_MIN_ITEMS }, (_, i) => ({ id: `${i}`, name: `T${i}`, status: 'ACTIVE' }));
    const { dialog } = await openDialog({ rows, task: held.task, concurrency: MILESTONE_MIN_ITEMS });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(MILESTONE_MIN_ITEMS));
    const status = within(dialog).getByRole('status');
    const heard = new Set<string>([status.textContent ?? '']);
    for (const row of rows) {
      await held.answer(row.name);
      heard.add(status.textContent ?? '');
    }
    expect([...heard]).toEqual([
      'In progress.',
      'In progress: a quarter finished.',
      'In progress: half finished.',
      'In progress: three quarters finished.',
      `Finished: ${MILESTONE_MIN_ITEMS} done.`,
    ]);
  });

  it('redraws only the row an answer was about, not all of them', async () => {
    const held = heldTask();
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => ({ id: `${i}`, name: `T${i}`, status: 'ACTIVE' }));
    const itemLabel = vi.fn(nameOf);
    const { dialog } = await openDialog({ rows, task: held.task, concurrency: 200, itemLabel });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(200));
    await waitFor(() => expect(results(dialog)[199]).toBe('T199: In progress'));
    itemLabel.mockClear();
    await held.answer('T5');
    expect(results(dialog)[5]).toBe('T5: Done');
    // Each row is named when it is drawn: one answer, one row (StrictMode may draw it twice).
    expect(itemLabel.mock.calls.map(([row]) => row.name)).toEqual(expect.arrayContaining(['T5']));
    expect(itemLabel.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('while it runs, another page asks first ("N of M done; leaving stops the rest"); Stay keeps the run, Leave cancels what has not started', async () => {
    const held = heldTask();
    const { dialog, user, history } = await openDialog({ task: held.task, concurrency: 1 });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(1));
    await held.answer('Acme');
    const from = history.location.pathname;

    act(() => history.push('/elsewhere'));
    const ask = await screen.findByRole('dialog', { name: 'Leave while this runs?' });
    expect(ask).toHaveTextContent('1 of 3 done; leaving stops the rest.');
    expect(within(ask).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await user.click(within(ask).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Leave while this runs?' })).not.toBeInTheDocument());
    expect(history.location.pathname).toBe(from);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    // A filter or page of the same list is not leaving.
    act(() => history.push(`${from}?page=2`));
    expect(history.location.search).toBe('?page=2');
    expect(screen.queryByRole('dialog', { name: 'Leave while this runs?' })).not.toBeInTheDocument();

    act(() => history.push('/elsewhere'));
    const again = await screen.findByRole('dialog', { name: 'Leave while this runs?' });
    await user.click(within(again).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(history.location.pathname).toBe('/elsewhere'));
    await held.answer('Globex');
    // Only what was in flight ran: the rest was cancelled.
    expect(held.task).toHaveBeenCalledTimes(2);
  });

  it('while it runs, a reload or closing the tab asks first; once finished, not', async () => {
    const held = heldTask();
    await openDialog({ task: held.task });
    await waitFor(() => expect(held.task).toHaveBeenCalledTimes(3));
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    for (const row of ROWS) await held.answer(row.name);
    expect(unload()).toBe(false);
  });

  it('once finished, another page is not asked about', async () => {
    const { dialog, history } = await openDialog({ task: async () => undefined });
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Finished: 3 done.'));
    act(() => history.push('/elsewhere'));
    expect(history.location.pathname).toBe('/elsewhere');
    expect(screen.queryByRole('dialog', { name: 'Leave while this runs?' })).not.toBeInTheDocument();
  });
});
