import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { anaLima, listPage } from '@/testing/lookup-fixtures';
import { deferred } from '@/testing/deferred';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { PaletteActionId } from '../palette-items';
import { CommandPalette } from './command-palette';

const tenant = (id: string, name: string, slug: string) => ({
  id,
  name,
  slug,
  status: 'ACTIVE',
  contact_email: null,
  partner_id: null,
  settings: {},
  branding: {},
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});
const acme = tenant('tnt_acme', 'Acme Corporation', 'acme');
const globex = tenant('tnt_globex', 'Globex', 'globex');
const admins = [{ id: '6f1c0d3e-0000-4000-8000-000000000001', email: 'root@scaikey.test', fullName: 'Root Admin' }];

/** Answers /tenants and /users searches from these records, noting each term asked for. */
function searchServer(tenants = [acme, globex], users = [anaLima]) {
  const asked: { tenants: string[]; users: string[] } = { tenants: [], users: [] };
  const match = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
  const fetchMock = mockFetch({
    'GET /api/v1/admin/tenants/': (request) => {
      const term = new URL(request.url).searchParams.get('search') ?? '';
      asked.tenants.push(term);
      return jsonResponse(200, listPage(tenants.filter((t) => match(t.name, term) || match(t.slug, term))));
    },
    'GET /api/v1/admin/users/': (request) => {
      const term = new URL(request.url).searchParams.get('search') ?? '';
      asked.users.push(term);
      return jsonResponse(200, listPage(users.filter((u) => match(u.email, term) || match(`${u.first_name} ${u.last_name}`, term))));
    },
  });
  return { asked, fetchMock };
}

function Harness({ onAction = () => undefined }: { onAction?: (action: PaletteActionId) => void }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reopen
      </button>
      <CommandPalette open={open} onClose={() => setOpen(false)} onAction={onAction} admins={admins} ownerId="usr_root" />
    </>
  );
}

const combobox = () => screen.getByRole('combobox', { name: 'Search tenants, users, admins, screens and actions' });
const listbox = () => screen.getByRole('listbox', { name: 'Results' });
const activeOption = () => {
  const id = combobox().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

/** Once the dialog has gone (the page behind it is inert until then), opens it again. */
async function reopen(user: { click: (element: Element) => Promise<void> }) {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await user.click(screen.getByRole('button', { name: 'Reopen' }));
  await waitFor(() => expect(combobox()).toHaveFocus());
}

/** "globex" typed (or pasted) and Enter at once, while the tenants' answer is held: nothing on the list matches yet. */
async function enterBeforeTheAnswers() {
  const held = deferred<Response>();
  mockFetch({
    'GET /api/v1/admin/tenants/': () => held.promise,
    'GET /api/v1/admin/users/': () => jsonResponse(200, listPage([])),
  });
  const { user, history } = renderWithProviders(<Harness />);
  const before = history.location.pathname;
  await user.type(combobox(), 'globex{Enter}');
  return { held, user, history, before };
}

beforeEach(() => sessionStorage.clear());

// MUI's first renders are slow on a busy machine.
describe('CommandPalette', { timeout: 20_000 }, () => {
  it('is a combobox over a grouped listbox: arrows move (wrapping), the active option is announced by id', async () => {
    searchServer();
    const { user } = renderWithProviders(<Harness />);
    const input = combobox();
    await waitFor(() => expect(input).toHaveFocus());
    expect(input).toHaveAttribute('aria-controls', listbox().id);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('dialog', { name: 'Search the console' })).toBeInTheDocument();

    const groups = within(listbox()).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Screens',
      'Actions',
    ]);
    expect(activeOption()).toHaveTextContent('Role assignments');
    expect(activeOption()).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Tenants');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(activeOption()).toHaveTextContent('Create admin');
    expect(within(listbox()).getAllByRole('option', { selected: true })).toHaveLength(1);
  });

  it('finds a tenant by part of its name; Enter opens its page and it is a recent pick next time', async () => {
    const { asked } = searchServer();
    const { user, history } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'acme');
    const option = await within(listbox()).findByRole('option', { name: /Acme Corporation/ });
    expect(option).toHaveTextContent('acme');
    expect(activeOption()).toBe(option);
    // One search per term that stayed in the box, never one per key.
    expect(asked.tenants).toEqual(['acme']);
    expect(await screen.findByRole('status')).toHaveTextContent(/^2 results: 1 tenant, 1 user\.$/);

    await user.keyboard('{Enter}');
    expect(history.location.pathname).toBe('/tenants/tnt_acme');
    await reopen(user);
    const recent = within(await screen.findByRole('group', { name: 'Recent' })).getByRole('option');
    expect(recent).toHaveTextContent('Acme Corporation');
    expect(JSON.parse(sessionStorage.getItem('scaikey-console.palette-recents.usr_root')!)).toEqual([
      { key: 'tenant:tnt_acme', kind: 'tenant', label: 'Acme Corporation', detail: 'acme', run: { to: '/tenants/tnt_acme' } },
    ]);
  });

  it("finds a user by email and opens their roles; finds an admin account and opens its page", async () => {
    searchServer();
    const { user, history } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'ana.lima@acme');
    await within(await screen.findByRole('group', { name: 'Users' })).findByRole('option', { name: /Ana Lima/ });
    await user.keyboard('{Enter}');
    expect(history.location.pathname).toBe('/users/usr_ana/roles');

    await reopen(user);
    await user.type(combobox(), 'root@');
    const admin = within(screen.getByRole('group', { name: 'Admins' })).getByRole('option', { name: /Root Admin/ });
    await user.click(admin);
    expect(history.location.pathname).toBe(`/admins/${admins[0]!.id}`);
  });

  it('Enter pressed before the answers are in opens the best match once they are', async () => {
    const { held, history, before } = await enterBeforeTheAnswers();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(history.location.pathname).toBe(before);
    held.resolve(jsonResponse(200, listPage([globex])));
    await waitFor(() => expect(history.location.pathname).toBe('/tenants/tnt_globex'));
  });

  it('a waiting Enter is dropped by Escape: the answer arriving later opens nothing', async () => {
    const { held, user, history, before } = await enterBeforeTheAnswers();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    held.resolve(jsonResponse(200, listPage([globex])));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(history.location.pathname).toBe(before);
  });

  it('Security overview is one of the screens', async () => {
    searchServer();
    const { user, history } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'security');
    await user.click(await within(listbox()).findByRole('option', { name: /Security overview/ }));
    expect(history.location.pathname).toBe('/security');
  });

  it('never shows an older answer that arrives after a newer one', async () => {
    const held = deferred<Response>();
    const asked: string[] = [];
    mockFetch({
      'GET /api/v1/admin/tenants/': (request) => {
        const term = new URL(request.url).searchParams.get('search') ?? '';
        asked.push(term);
        // "glo" is answered last, with a tenant "glob" would never find in a newer search.
        return term === 'glo' ? held.promise : jsonResponse(200, listPage([tenant('tnt_new', 'Globe Trotters', 'globe-trotters')]));
      },
      'GET /api/v1/admin/users/': () => jsonResponse(200, listPage([])),
    });
    const { user } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'glo');
    await waitFor(() => expect(asked).toEqual(['glo']));
    await user.type(combobox(), 'b');
    await within(listbox()).findByRole('option', { name: /Globe Trotters/ });

    held.resolve(jsonResponse(200, listPage([tenant('tnt_old', 'Old Glory Ltd', 'old-glory'), tenant('tnt_glob', 'Globular Stale', 'stale')])));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(within(listbox()).queryByRole('option', { name: /Old Glory|Globular Stale/ })).not.toBeInTheDocument();
    expect(within(listbox()).getByRole('option', { name: /Globe Trotters/ })).toBeInTheDocument();
    expect(asked).toEqual(['glo', 'glob']);
  });

  it('searches the server only from 3 characters and says so', async () => {
    const { asked } = searchServer();
    const { user } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'te');
    expect(combobox()).toHaveAccessibleDescription(/Type 3 or more characters to search tenants and users/);
    expect(within(listbox()).getByRole('option', { name: /^Tenants/ })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(asked.tenants).toEqual([]);
  });

  it('hands "Assign role" to the host and offers the audit log of the page it is on', async () => {
    searchServer();
    const onAction = vi.fn();
    const { user, history } = renderWithProviders(<Harness onAction={onAction} />, { route: '/tenants/tnt_acme' });
    await user.type(combobox(), 'assign');
    await user.keyboard('{Enter}');
    expect(onAction).toHaveBeenCalledWith('assign-role');
    expect(history.location.pathname).toBe('/tenants/tnt_acme');

    await reopen(user);
    await user.type(combobox(), 'audit log of');
    await user.click(await within(listbox()).findByRole('option', { name: /Audit log of this tenant/ }));
    expect(`${history.location.pathname}${history.location.search}`).toBe('/audit?resource=tnt_acme');
  });

  it('says when nothing matches, and when the search failed', async () => {
    mockFetch({
      'GET /api/v1/admin/tenants/': () => jsonResponse(500, { detail: 'boom' }),
      'GET /api/v1/admin/users/': () => jsonResponse(200, listPage([])),
    });
    const { user } = renderWithProviders(<Harness />);
    await user.type(combobox(), 'zzzzz');
    expect(await screen.findByText('The search failed. Try again in a moment.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No results. The search of tenants and users failed.');
    expect(combobox()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Escape', async () => {
    searchServer();
    const { user } = renderWithProviders(<Harness />);
    await waitFor(() => expect(combobox()).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
