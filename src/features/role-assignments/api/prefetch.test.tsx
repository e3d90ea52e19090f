import { screen } from '@testing-library/react';
import { anaLima } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient, renderWithProviders } from '@/testing/render-with-providers';
import { RoleAssignmentsList } from '../components/role-assignments-list';
import { anaTenantAdmin } from '../test-fixtures';
import { prefetchRoleAssignmentsList } from './prefetch';

const acme = { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' };

describe('prefetchRoleAssignmentsList', () => {
  it('asks for the page the URL names, then for every name on it, and the list then asks for nothing again', async () => {
    const isCount = (path: string) => path.includes('per_page=1&');
    const requests: string[] = [];
    const log = (response: Response) => (request: Request) => {
      const url = new URL(request.url);
      requests.push(`${url.pathname}${url.search}`);
      return response.clone();
    };
    mockFetch({
      'GET /api/v1/admin/admin-roles/': log(jsonResponse(200, { items: [anaTenantAdmin], total: 1, page: 2, per_page: 50, pages: 2 })),
      'GET /api/v1/admin/users/usr_ana': log(jsonResponse(200, anaLima)),
      'GET /api/v1/admin/tenants/tnt_acme': log(jsonResponse(200, acme)),
    });
    const queryClient = createTestQueryClient();

    await prefetchRoleAssignmentsList(queryClient, new URLSearchParams('role=TENANT_ADMIN&page=2&per_page=50&junk=1'));
    // The page and its names; the quick filter's counts are the list's to ask for, once these are in.
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    expect(requests.filter(isCount)).toHaveLength(0);
    expect(requests).toEqual([
      '/api/v1/admin/admin-roles/?page=2&per_page=50&role=TENANT_ADMIN',
      '/api/v1/admin/users/usr_ana',
      '/api/v1/admin/tenants/tnt_acme',
    ]);

    renderWithProviders(<RoleAssignmentsList />, { route: '/role-assignments?role=TENANT_ADMIN&page=2&per_page=50&junk=1', queryClient });
    expect(await screen.findByRole('link', { name: 'Acme Corporation' })).toBeInTheDocument();
    expect(screen.getByText('Ana Lima')).toBeInTheDocument();
    // Nothing asked for again; then, the rows and names in, the three counts.
    await vi.waitFor(() => expect(requests.filter(isCount)).toHaveLength(3));
    expect(requests).toHaveLength(6);
  });

  it('leaves a failed page in the cache for the list to show, and asks for no names', async () => {
    const fetchMock = mockFetch({ 'GET /api/v1/admin/admin-roles/': jsonResponse(503, { detail: 'Maintenance' }) });
    const queryClient = createTestQueryClient();
    await expect(prefetchRoleAssignmentsList(queryClient, new URLSearchParams())).resolves.toBeUndefined();
    // The page alone.
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
