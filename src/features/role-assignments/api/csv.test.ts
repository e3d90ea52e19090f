import { anaLima, answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { anaTenantAdmin } from '../test-fixtures';
import { EXPIRY_FILTER_IGNORED } from './bulk';
import { assignmentCsvPages, namedRows } from './csv';
import { listFiltersSchema } from '../list-filters';
import type { RoleAssignment } from './queries';

const bo = { ...anaLima, id: 'usr_bo', email: 'bo@northwind.example', first_name: 'Bo', last_name: 'Berg' };
const tenants = [
  { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme', partner_id: 'prt_nw' },
  { id: 'tnt_solo', name: 'Solo Ltd', slug: 'solo', partner_id: null },
];
const partners = [{ id: 'prt_nw', name: 'Northwind' }];

const page: RoleAssignment[] = [
  anaTenantAdmin,
  { ...anaTenantAdmin, id: 'adr_2', user_id: 'usr_bo', role: 'PARTNER_ADMIN', tenant_id: null, partner_id: 'prt_nw', is_active: false },
  { ...anaTenantAdmin, id: 'adr_3', user_id: 'usr_bo', role: 'SUPER_ADMIN', tenant_id: null, expires_at: '2020-01-01T00:00:00Z' },
  { ...anaTenantAdmin, id: 'adr_4', user_id: 'usr_gone', tenant_id: 'tnt_solo' },
];

describe('namedRows', () => {
  it('names the user, email, tenant and partner (a tenant’s own), one look-up request per kind', async () => {
    const seen: string[] = [];
    const log = (kind: string, answer: (request: Request) => Response) => (request: Request) => {
      seen.push(`${kind}?${new URL(request.url).searchParams.toString()}`);
      return answer(request);
    };
    mockFetch({
      'GET /api/v1/admin/users/': log('users', answersIds([anaLima, bo])),
      'GET /api/v1/admin/tenants/': log('tenants', answersIds(tenants)),
      'GET /api/v1/admin/partners/prt_nw': log('partners', () => jsonResponse(200, partners[0])),
    });
    const rows = await namedRows(createTestQueryClient(), page, new Date('2026-06-01T00:00:00Z'));
    expect(rows).toEqual([
      { user: 'Ana Lima', email: 'ana.lima@acme.example', role: 'Tenant Admin', tenant: 'Acme Corporation', partner: 'Northwind', status: 'Active', expires: '', created: '2026-01-01T00:00:00Z' },
      { user: 'Bo Berg', email: 'bo@northwind.example', role: 'Partner Admin', tenant: '', partner: 'Northwind', status: 'Inactive', expires: '', created: '2026-01-01T00:00:00Z' },
      { user: 'Bo Berg', email: 'bo@northwind.example', role: 'Super Admin', tenant: '', partner: '', status: 'Expired', expires: '2020-01-01T00:00:00Z', created: '2026-01-01T00:00:00Z' },
      { user: 'Deleted user (usr_gone)', email: '', role: 'Tenant Admin', tenant: 'Solo Ltd', partner: '', status: 'Active', expires: '', created: '2026-01-01T00:00:00Z' },
    ]);
    expect(seen.filter((s) => s.startsWith('users'))).toHaveLength(1);
    expect(seen.filter((s) => s.startsWith('tenants'))).toHaveLength(1);
    expect(seen.filter((s) => s.startsWith('partners'))).toHaveLength(1);
  });

  it('fails the page when a look-up fails (not a missing record): the export offers Retry', async () => {
    mockFetch({
      'GET /api/v1/admin/users/usr_ana': jsonResponse(503, { detail: 'Service unavailable' }),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, tenants[0]),
      'GET /api/v1/admin/partners/prt_nw': jsonResponse(200, partners[0]),
    });
    await expect(namedRows(createTestQueryClient(), [anaTenantAdmin])).rejects.toThrow('Service unavailable');
  });
});

describe('assignmentCsvPages', () => {
  it('asks every page with the filters and one expiry window; a page the server did not filter fails', async () => {
    const asked: URLSearchParams[] = [];
    let ignore = false;
    mockFetch({
      'GET /api/v1/admin/admin-roles/': (request) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const items = [{ ...anaTenantAdmin, expires_at: ignore ? '2000-01-01T00:00:00Z' : new Date(Date.now() + 10 * 86_400_000).toISOString() }];
        return jsonResponse(200, { items, total: 150, page: Number(params.get('page')), per_page: 100, pages: 2 });
      },
      'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima),
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, tenants[0]),
      'GET /api/v1/admin/partners/prt_nw': jsonResponse(200, partners[0]),
    });
    const filters = listFiltersSchema.parse({ role: 'TENANT_ADMIN', expiring: '30d', page: '3' });
    const fetchPage = assignmentCsvPages(createTestQueryClient(), filters);
    const signal = new AbortController().signal;
    const first = await fetchPage(1, 100, signal);
    expect(first.total).toBe(150);
    expect(first.items[0]?.user).toBe('Ana Lima');
    await fetchPage(2, 100, signal);
    expect(asked.map((p) => [p.get('page'), p.get('per_page'), p.get('role'), p.get('is_active')])).toEqual([
      ['1', '100', 'TENANT_ADMIN', 'true'],
      ['2', '100', 'TENANT_ADMIN', 'true'],
    ]);
    // The same window for every page.
    expect(asked[1]?.get('expires_after')).toBe(asked[0]?.get('expires_after'));

    ignore = true;
    await expect(fetchPage(1, 100, signal)).rejects.toThrow(EXPIRY_FILTER_IGNORED);
  });
});
