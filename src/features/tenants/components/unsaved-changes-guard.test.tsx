import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AppRouter } from '@/lib/navigation/app-router';
import { createTestHistory } from '@/testing/test-history';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

// As after a deploy that removed the old chunk, or offline: the dialog's code cannot be fetched.
vi.mock('./unsaved-changes-dialog', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/unsaved-changes-dialog-OLD.js');
});

function Form() {
  const [value, setValue] = useState('');
  const { dialog } = useUnsavedChangesGuard(value !== '');
  return (
    <>
      <input aria-label="Name" value={value} onChange={(event) => setValue(event.target.value)} />
      <Link to="/tenants">Tenants</Link>
      {dialog}
    </>
  );
}

describe('useUnsavedChangesGuard when its dialog cannot be downloaded', () => {
  it('keeps the form and what was typed, and asks with the browser instead', async () => {
    const user = userEvent.setup();
    const history = createTestHistory('/tenants/t1');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(
      <AppRouter history={history}>
        <Form />
      </AppRouter>,
    );
    await user.type(screen.getByLabelText('Name'), 'Acme');
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByLabelText('Name')).toHaveValue('Acme');

    await user.click(screen.getByRole('link', { name: 'Tenants' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/not saved/));
    expect(history.location.pathname).toBe('/tenants/t1');
    expect(screen.getByLabelText('Name')).toHaveValue('Acme');

    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('link', { name: 'Tenants' }));
    expect(history.location.pathname).toBe('/tenants');
  });
});
