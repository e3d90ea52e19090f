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

  it('with a typed confirmation, confirms only once the expected value is typed, Enter included', async () => {
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <ConfirmDialog
        open
        title="Delete Acme?"
        confirmLabel="Delete tenant"
        typedConfirmation={{ label: 'Slug of the tenant to delete', expected: 'acme' }}
        onConfirm={onConfirm}
        onClose={onClose}
      >
        Type its slug to confirm.
      </ConfirmDialog>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme?' });
    const field = await within(dialog).findByRole('textbox', { name: 'Slug of the tenant to delete' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete tenant' });
    expect(confirm).toBeDisabled();
    await user.type(field, 'acm{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.type(field, 'e');
    expect(confirm).toBeEnabled();
    await user.type(field, '{Enter}');
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('offers a third choice, and Cancel can mean something else than closing', async () => {
    const onCancel = vi.fn();
    const onClose = vi.fn();
    const reload = vi.fn();
    const { user } = renderWithProviders(
      <ConfirmDialog
        open
        title="Someone else changed this tenant"
        cancelLabel="Keep editing"
        confirmLabel="Overwrite with mine"
        secondaryAction={{ label: 'Reload their version', onClick: reload }}
        onConfirm={vi.fn()}
        onCancel={onCancel}
        onClose={onClose}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this tenant' });
    await user.click(within(dialog).getByRole('button', { name: 'Reload their version' }));
    expect(reload).toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });
});
