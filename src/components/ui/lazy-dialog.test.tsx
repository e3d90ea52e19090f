import { render, screen } from '@testing-library/react';
import { lazyDialog } from './lazy-dialog';

function Shown({ open }: { open: boolean }) {
  return open ? <div role="dialog" aria-label="Progress" /> : null;
}

describe('lazyDialog', () => {
  it('loads nothing until it first opens, then shows the dialog', async () => {
    const load = vi.fn(async () => Shown);
    const Dialog = lazyDialog(load);
    const { rerender } = render(<Dialog open={false} />);
    expect(load).not.toHaveBeenCalled();
    rerender(<Dialog open />);
    expect(await screen.findByRole('dialog', { name: 'Progress' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('preload fetches the code once, ahead: opening then uses it, without loading again', async () => {
    const load = vi.fn(async () => Shown);
    const Dialog = lazyDialog(load);
    Dialog.preload();
    Dialog.preload();
    expect(load).toHaveBeenCalledTimes(1);
    render(<Dialog open />);
    expect(await screen.findByRole('dialog', { name: 'Progress' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a preload that failed is tried again when the dialog opens', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Shown);
    const Dialog = lazyDialog(load);
    Dialog.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    render(<Dialog open />);
    expect(await screen.findByRole('dialog', { name: 'Progress' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
