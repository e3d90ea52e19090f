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
    // The filter bar and the empty state both offer it; the empty state's comes last.
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    expect(clear).toHaveLength(2);
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
});
