import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { anaLima, listPage } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { PartnerPicker } from './partner-picker';
import { UserPicker } from './user-picker';

const ana = anaLima;
const bo = { ...ana, id: 'usr_bo', email: 'bo@acme.example', first_name: 'Bo', last_name: 'Berg' };
const page = listPage;

function UserHarness({ initial = null, onChange }: { initial?: string | null; onChange?: (id: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <UserPicker
        label="User"
        value={value}
        onChange={(id) => {
          setValue(id);
          onChange?.(id);
        }}
        helperText="Search by name or email"
      />
      <p>chosen: {value ?? 'none'}</p>
    </>
  );
}

// MUI's first renders are slow on a busy machine.
describe('UserPicker', { timeout: 20_000 }, () => {
  it('searches the server as the admin types and reports the chosen id, without fetching the chosen user again', async () => {
    const searches: string[] = [];
    const fetchMock = mockFetch({
      'GET /api/v1/admin/users/': (request) => {
        const search = new URL(request.url).searchParams.get('search') ?? '';
        searches.push(search);
        return jsonResponse(200, page(search ? [ana].filter((u) => u.email.includes(search.toLowerCase())) : [ana, bo]));
      },
    });
    const onChange = vi.fn();
    const { user } = renderWithProviders(<UserHarness onChange={onChange} />);

    const input = screen.getByRole('combobox', { name: 'User' });
    expect(input).toHaveAccessibleDescription('Search by name or email');
    await user.click(input);
    const listbox = await screen.findByRole('listbox');
    expect(await within(listbox).findByRole('option', { name: /Bo Berg/ })).toHaveTextContent('bo@acme.example');

    await user.type(input, 'ana');
    await waitFor(() => expect(searches.at(-1)).toBe('ana'));
    await waitFor(() => expect(screen.queryByRole('option', { name: /Bo Berg/ })).not.toBeInTheDocument());
    await user.click(screen.getByRole('option', { name: /Ana Lima/ }));

    expect(onChange).toHaveBeenCalledWith('usr_ana');
    expect(screen.getByText('chosen: usr_ana')).toBeInTheDocument();
    expect(input).toHaveValue('Ana Lima');
    expect(fetchMock.mock.calls.some(([request]) => request.url.includes('/users/usr_ana'))).toBe(false);
  });

  it('lists two people who share a name as two options, and a new search replaces them all', async () => {
    const twin = { ...ana, id: 'usr_ana2', email: 'ana.lima@globex.example' };
    mockFetch({
      'GET /api/v1/admin/users/': (request) => {
        const search = new URL(request.url).searchParams.get('search') ?? '';
        return jsonResponse(200, page(search === 'bo' ? [bo] : [ana, twin]));
      },
    });
    const duplicateKeys = vi.spyOn(console, 'error');
    const { user } = renderWithProviders(<UserHarness />);
    const input = screen.getByRole('combobox', { name: 'User' });
    await user.click(input);
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option', { name: /Ana Lima/ })).toHaveLength(2));
    expect(within(listbox).getByRole('option', { name: /globex/ })).toBeInTheDocument();
    await user.type(input, 'bo');
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Bo Bergbo@acme.example']));
    expect(duplicateKeys.mock.calls.filter(([message]) => String(message).includes('same key'))).toEqual([]);
    duplicateKeys.mockRestore();
  });

  it('shows the name of a value it was given as an id', async () => {
    mockFetch({ 'GET /api/v1/admin/users/usr_ana': jsonResponse(200, ana) });
    renderWithProviders(<UserHarness initial="usr_ana" />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'User' })).toHaveValue('Ana Lima'));
  });

  it('says so when the given id does not exist', async () => {
    mockFetch({ 'GET /api/v1/admin/users/usr_gone': jsonResponse(404, { detail: 'User not found' }) });
    renderWithProviders(<UserHarness initial="usr_gone" />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'User' })).toHaveValue('Unknown user (usr_gone)'));
  });

  it('is cleared by emptying the box', async () => {
    mockFetch({ 'GET /api/v1/admin/users/usr_ana': jsonResponse(200, ana), 'GET /api/v1/admin/users/': jsonResponse(200, page([ana])) });
    const { user } = renderWithProviders(<UserHarness initial="usr_ana" />);
    const input = screen.getByRole('combobox', { name: 'User' });
    await waitFor(() => expect(input).toHaveValue('Ana Lima'));
    await user.clear(input);
    expect(screen.getByText('chosen: none')).toBeInTheDocument();
  });
});

describe('PartnerPicker', { timeout: 20_000 }, () => {
  it('shows each partner with its slug, marks the field required and shows an error', async () => {
    mockFetch({
      'GET /api/v1/admin/partners/': jsonResponse(
        200,
        page([{ id: 'prt_nw', name: 'Northwind Partners', slug: 'northwind', status: 'ACTIVE', contact_email: null, max_tenants: null, max_users_per_tenant: null, max_applications_per_tenant: null }]),
      ),
    });
    const { user } = renderWithProviders(
      <PartnerPicker label="Partner" value={null} onChange={() => undefined} required error helperText="Choose a partner" />,
    );
    const input = screen.getByRole('combobox', { name: /Partner/ });
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Choose a partner');
    await user.click(input);
    expect(await screen.findByRole('option', { name: /Northwind Partners/ })).toHaveTextContent('northwind');
  });
});
