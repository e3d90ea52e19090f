import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CreateAdminDialog } from './create-admin-dialog';

/** The password input (the rules list is labelled "Password rules" too). */
const passwordInput = (dialog: HTMLElement) => within(dialog).getByLabelText(/^Password/, { selector: 'input' });

async function fill(user: ReturnType<typeof renderWithProviders>['user'], password = 'Str0ng!Passw0rd') {
  const dialog = await screen.findByRole('dialog', { name: 'Create admin' });
  await user.type(within(dialog).getByRole('textbox', { name: /First name/ }), 'Ana');
  await user.type(within(dialog).getByRole('textbox', { name: /Last name/ }), 'Admin');
  await user.type(within(dialog).getByRole('textbox', { name: /Email/ }), 'ana.admin@scaikey.test');
  await user.type(passwordInput(dialog), password);
  return dialog;
}

describe('CreateAdminDialog', () => {
  it('ticks the password rules as the admin types, and sends nothing until all five hold', async () => {
    const fetch = mockFetch({ 'POST /api/admins': () => new Response(null, { status: 204 }) });
    const onCreated = vi.fn();
    const { user } = renderWithProviders(<CreateAdminDialog open onClose={vi.fn()} onCreated={onCreated} />);
    const dialog = await fill(user, 'weak');
    expect(within(dialog).getByText('1 of 5 password rules met')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create admin' }));
    expect(await within(dialog).findByText('The password does not meet every rule below')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();

    await user.type(passwordInput(dialog), 'Er1!');
    expect(within(dialog).getByText('5 of 5 password rules met')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create admin' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith({ email: 'ana.admin@scaikey.test', fullName: 'Ana Admin' }));
    const body = (await fetch.mock.calls[0]![0].json()) as Record<string, string>;
    expect(body).toEqual({ firstName: 'Ana', lastName: 'Admin', email: 'ana.admin@scaikey.test', password: 'weakEr1!' });
  });

  it('Generate fills a strong password, shown so it can be read; Show/Hide toggles', async () => {
    mockFetch({});
    const { user } = renderWithProviders(<CreateAdminDialog open onClose={vi.fn()} onCreated={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Create admin' });
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    const field = passwordInput(dialog);
    expect(field).toHaveAttribute('type', 'text');
    expect((field as HTMLInputElement).value).toHaveLength(20);
    expect(within(dialog).getByText('5 of 5 password rules met')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Hide password' }));
    expect(field).toHaveAttribute('type', 'password');
  });

  it.each([
    ['Email already exists', /Email/],
    ['Password does not meet security requirements', 'password'],
  ])('puts the 400 "%s" at its field, focused, and keeps everything typed', async (detail, label) => {
    // Answered after the form has rendered its pending state, as a server does.
    mockFetch({ 'POST /api/admins': () => new Promise((resolve) => setTimeout(() => resolve(jsonResponse(400, { detail })), 50)) });
    const { user } = renderWithProviders(<CreateAdminDialog open onClose={vi.fn()} onCreated={vi.fn()} />);
    const dialog = await fill(user);
    await user.click(within(dialog).getByRole('button', { name: 'Create admin' }));
    const field = label === 'password' ? passwordInput(dialog) : within(dialog).getByLabelText(label);
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining(detail)));
    // The focus is taken to the field at fault, so Escape, typing or a screen reader start there.
    expect(field).toHaveFocus();
    expect(within(dialog).getByRole('textbox', { name: /First name/ })).toHaveValue('Ana');
    expect(within(dialog).getByRole('textbox', { name: /Email/ })).toHaveValue('ana.admin@scaikey.test');
  });

  it('puts any other failure above the actions, nothing lost', async () => {
    mockFetch({ 'POST /api/admins': jsonResponse(500, { detail: 'Database unavailable' }) });
    const { user } = renderWithProviders(<CreateAdminDialog open onClose={vi.fn()} onCreated={vi.fn()} />);
    const dialog = await fill(user);
    await user.click(within(dialog).getByRole('button', { name: 'Create admin' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Database unavailable');
    expect(within(dialog).getByRole('textbox', { name: /Last name/ })).toHaveValue('Admin');
  });
});
