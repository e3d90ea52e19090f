import { act, screen, waitFor, within } from '@testing-library/react';
import { anaLima } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { anaTenantAdmin } from '../test-fixtures';
import { RoleAssignmentsList } from './role-assignments-list';

const bo = { ...anaLima, id: 'usr_bo', email: 'bo@acme.example', first_name: 'Bo', last_name: 'Berg' };
const acme = { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' };

function envelope(items: unknown[], page: number) {
  return { items, total: 45, page, per_page: 20, pages: 3 };
}

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const soon = { ...anaTenantAdmin, id: 'adr_soon', expires_at: inDays(3) };
const expired = { ...anaTenantAdmin, id: 'adr_old', is_active: true, expires_at: inDays(-2) };

/** A server that knows the expiry filters: each count and page as asked. */
function honestServer(seen: URLSearchParams[]) {
  return (request: Request) => {
    const params = new URL(request.url).searchParams;
    seen.push(params);
    const rows = [soon, expired, anaTenantAdmin].filter((r) => {
      const after = params.get('expires_after');
      const before = params.get('expires_before');
      if (after && r.expires_at !== null && r.expires_at <= after) return false;
      if (before && (r.expires_at === null || r.expires_at > before)) return false;
      return true;
    });
    const perPage = Number(params.get('per_page'));
    return jsonResponse(200, { items: rows.slice(0, perPage), total: rows.length, page: 1, per_page: perPage, pages: 1 });
  };
}

describe('RoleAssignmentsList', { timeout: 30_000 }, () => {
  it('asks for what the URL says, and keeps the previous page on screen while the next one loads', async () => {
    const queries: string[] = [];
    let releaseSecondPage: () => void = () => undefined;
    const secondPage = new Promise<void>((resolve) => {
      releaseSecondPage = resolve;
    });
    mockFetch({
      'GET /api/v1/admin/admin-roles/': async (request) => {
        const params = new URL(request.url).searchParams;
        // The quick filter's counts ask for one row each.
        if (params.get('per_page') === '1') return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 1, pages: 0 });
        queries.push(params.toString());
        if (params.get('page') === '3') {
          await secondPage;
          return jsonResponse(200, envelope([{ ...anaTenantAdmin, id: 'adr_9', user_id: 'usr_bo' }], 3));
        }
        return jsonResponse(200, envelope([anaTenantAdmin], 2));
      },
      'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima),
      'GET /api/v1/admin/users/usr_bo': jsonResponse(200, bo),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, acme),
    });
    const { user, history } = renderWithProviders(<RoleAssignmentsList />, {
      route: '/role-assignments?role=TENANT_ADMIN&status=inactive&page=2&per_page=7',
    });

    const table = await screen.findByRole('table', { name: 'Role assignments' });
    const anaRow = await within(table).findByRole('row', { name: /Ana Lima/ });
    expect(anaRow).toHaveTextContent('Acme Corporation');
    expect(anaRow).toHaveTextContent('Tenant Admin');
    // per_page=7 is not an allowed size: the default (20) is used.
    expect(queries[0]).toBe('page=2&per_page=20&role=TENANT_ADMIN&is_active=false');

    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(history.location.search).toContain('page=3'));
    // The next page is on its way: the previous rows stay, marked busy.
    expect(within(table).getByRole('row', { name: /Ana Lima/ })).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-busy', 'true');

    await act(async () => releaseSecondPage());
    expect(await within(table).findByRole('row', { name: /Bo Berg/ })).toBeInTheDocument();
    expect(within(table).queryByRole('row', { name: /Ana Lima/ })).not.toBeInTheDocument();
  });

  it('says when nothing matches and clears the filters on request', async () => {
    mockFetch({
      'GET /api/v1/admin/admin-roles/': (request) =>
        new URL(request.url).searchParams.has('role')
          ? jsonResponse(200, { items: [], total: 0, page: 1, per_page: 20, pages: 1 })
          : jsonResponse(200, envelope([anaTenantAdmin], 1)),
      'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, acme),
    });
    const { user, history } = renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments?role=SUPER_ADMIN' });
    expect(await screen.findByRole('heading', { name: 'No role assignments match these filters' })).toBeInTheDocument();
    // The filter bar (once its chunk is there) and the empty state both offer it; the empty state's comes last.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Clear filters' })).toHaveLength(2));
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clear[1]!);
    expect(await screen.findByRole('row', { name: /Ana Lima/ })).toBeInTheDocument();
    expect(history.location.search).toBe('');
  });

  it('shows a failed load in place with Retry', async () => {
    let fail = true;
    mockFetch({
      'GET /api/v1/admin/admin-roles/': () =>
        fail ? jsonResponse(403, { detail: 'Only Super Admins can manage admin roles' }) : jsonResponse(200, envelope([anaTenantAdmin], 1)),
      'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, acme),
    });
    const { user } = renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only Super Admins can manage admin roles');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /Ana Lima/ })).toBeInTheDocument();
  });

  describe('by expiry', () => {
    const names = {
      'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, acme),
    };

    it('offers each quick filter with its count, puts it in the URL, and asks for its window', async () => {
      const seen: URLSearchParams[] = [];
      mockFetch({ 'GET /api/v1/admin/admin-roles/': honestServer(seen), ...names });
      const { user, history } = renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments' });
      const quick = await screen.findByRole('group', { name: 'Quick filter by expiry' });
      expect(await within(quick).findByRole('button', { name: 'Expiring within 7 days (1)' })).toBeInTheDocument();
      expect(within(quick).getByRole('button', { name: 'Within 30 days (1)' })).toBeInTheDocument();
      expect(within(quick).getByRole('button', { name: 'Expired (1)' })).toBeInTheDocument();

      seen.length = 0;
      await user.click(within(quick).getByRole('button', { name: 'Expiring within 7 days (1)' }));
      await waitFor(() => expect(history.location.search).toBe('?expiring=7d'));
      const rows = await screen.findAllByRole('row', { name: /Ana Lima/ });
      expect(rows).toHaveLength(1);
      const asked = seen.find((p) => p.get('per_page') === '20')!;
      expect(asked.get('is_active')).toBe('true');
      const window = Date.parse(asked.get('expires_before')!) - Date.parse(asked.get('expires_after')!);
      expect(window).toBe(7 * DAY);
    });

    it('opens an old shared link (status=active) as In force', async () => {
      const seen: URLSearchParams[] = [];
      mockFetch({ 'GET /api/v1/admin/admin-roles/': honestServer(seen), ...names });
      renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments?status=active' });
      expect(await screen.findAllByRole('row', { name: /Ana Lima/ })).toHaveLength(2);
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('In force');
      const asked = seen.find((p) => p.get('per_page') === '20')!;
      expect(asked.get('is_active')).toBe('true');
      expect(asked.has('expires_after')).toBe(true);
      expect(asked.has('expires_before')).toBe(false);
    });

    it('against a server that ignores the expiry filters, says so instead of showing its rows', async () => {
      // Every answer unfiltered, as a server that does not know expires_after/expires_before.
      mockFetch({
        'GET /api/v1/admin/admin-roles/': (request) => {
          const perPage = Number(new URL(request.url).searchParams.get('per_page'));
          return jsonResponse(200, { items: [anaTenantAdmin, soon, expired].slice(0, perPage), total: 3, page: 1, per_page: perPage, pages: 1 });
        },
        ...names,
      });
      renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments?expiring=7d' });
      expect(await screen.findByRole('alert')).toHaveTextContent('Filtering by expiry is not available on this server.');
      expect(screen.queryByRole('table', { name: 'Role assignments' })).not.toBeInTheDocument();
      const quick = screen.getByRole('group', { name: 'Quick filter by expiry' });
      await waitFor(() => expect(within(quick).getByRole('button', { name: 'Expired' })).toBeDisabled());
    });
  });
});
