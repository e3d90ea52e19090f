import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ConfirmDialog } from './confirm-dialog';

function Harness({ onConfirm }: { onConfirm: () => Promise<unknown> }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <p>{open ? 'dialog open' : 'dialog closed'}</p>
      <ConfirmDialog
        open={open}
        title="Revoke Tenant Admin from Ana Lima?"
        confirmLabel="Revoke"
        onConfirm={onConfirm}
        onClose={() => setOpen(false)}
      >
        Ana Lima will lose access to Acme at once.
      </ConfirmDialog>
    </>
  );
}

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ConfirmDialog', () => {
  it('is named by its title, describes the action, and focuses Cancel first', async () => {
    renderWithProviders(<Harness onConfirm={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Revoke Tenant Admin from Ana Lima?' });
    expect(dialog).toHaveAccessibleDescription('Ana Lima will lose access to Acme at once.');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
  });

  it('shows the pending state, disables both buttons, and closes on success', async () => {
    const action = deferred();
    const { user } = renderWithProviders(<Harness onConfirm={() => action.promise} />);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(within(dialog).getByRole('button', { name: /Revoke/ })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await act(async () => action.resolve());
    await waitFor(() => expect(screen.getByText('dialog closed')).toBeInTheDocument());
  });

  it('stays open and shows the error inside when the action fails', async () => {
    const action = deferred();
    const { user } = renderWithProviders(<Harness onConfirm={() => action.promise} />);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await act(async () => action.reject(ApiError.fromBody(400, { detail: 'You cannot remove your own Super Admin role' })));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot remove your own Super Admin role');
    expect(screen.getByText('dialog open')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Revoke' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByText('dialog closed')).toBeInTheDocument());
  });
});
