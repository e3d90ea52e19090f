import { answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { partnerLookups } from '@/lib/lookups/queries';
import { tenantQueries } from './queries';
import { prefetchTenant, prefetchTenantsList } from './prefetch';

const northwind = { id: 'prt_nw', name: 'Northwind Partners', slug: 'northwind', status: 'ACTIVE' };
const tenant = { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme', partner_id: 'prt_nw' };

describe('tenant prefetches', () => {
  it('a tenant page: the tenant, then its partner, under the keys the page reads', async () => {
    mockFetch({
      'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, tenant),
      'GET /api/v1/admin/partners/prt_nw': jsonResponse(200, northwind),
    });
    const queryClient = createTestQueryClient();
    await prefetchTenant(queryClient, 'tnt_acme');
    await vi.waitFor(() => expect(queryClient.getQueryData(partnerLookups.detail('prt_nw').queryKey)).toEqual(northwind));
    expect(queryClient.getQueryData(tenantQueries.detail('tnt_acme').queryKey)).toEqual(tenant);
  });

  it('the list: the page the URL names (bad values fall back), each partner once', async () => {
    const seen: string[] = [];
    mockFetch({
      'GET /api/v1/admin/tenants/': (request) => {
        seen.push(new URL(request.url).search);
        return jsonResponse(200, { items: [tenant, { ...tenant, id: 'tnt_2' }], total: 2, page: 1, per_page: 20, pages: 1 });
      },
      'GET /api/v1/admin/partners/prt_nw': () => {
        seen.push('partner');
        return jsonResponse(200, northwind);
      },
    });
    const queryClient = createTestQueryClient();
    await prefetchTenantsList(queryClient, new URLSearchParams('search=acme&per_page=13'));
    await vi.waitFor(() => expect(seen).toEqual(['?page=1&per_page=20&search=acme', 'partner']));
  });

  it("the list: the partners' first page, asked beside the tenants, names them all with no look-up after", async () => {
    const seen: string[] = [];
    const globex = { ...tenant, id: 'tnt_globex', partner_id: 'prt_sk' };
    const sakura = { ...northwind, id: 'prt_sk', name: 'Sakura' };
    let answerTenants: () => void = () => undefined;
    const tenantsAnswered = new Promise<void>((resolve) => {
      answerTenants = resolve;
    });
    mockFetch({
      'GET /api/v1/admin/tenants/': async () => {
        await tenantsAnswered;
        return jsonResponse(200, { items: [tenant, globex, { ...tenant, id: 'tnt_3', partner_id: null }], total: 3 });
      },
      'GET /api/v1/admin/partners/': answersIds([northwind, sakura], seen),
    });
    const queryClient = createTestQueryClient();
    const done = prefetchTenantsList(queryClient, new URLSearchParams());
    // Sent while the tenants are still on their way.
    await vi.waitFor(() => expect(seen).toEqual(['per_page=20']));
    answerTenants();
    await done;
    expect(queryClient.getQueryData(partnerLookups.detail('prt_sk').queryKey)).toEqual(sakura);
    expect(queryClient.getQueryData(partnerLookups.detail('prt_nw').queryKey)).toEqual(northwind);
    expect(seen).toEqual(['per_page=20']);
  });

  it('the list: partners not on their first page are looked up together, in one request', async () => {
    const seen: string[] = [];
    const globex = { ...tenant, id: 'tnt_globex', partner_id: 'prt_sk' };
    const umbrella = { ...tenant, id: 'tnt_umbrella', partner_id: 'prt_um' };
    const sakura = { ...northwind, id: 'prt_sk', name: 'Sakura' };
    const umbrellaPartner = { ...northwind, id: 'prt_um', name: 'Umbrella' };
    mockFetch({
      'GET /api/v1/admin/tenants/': jsonResponse(200, { items: [tenant, globex, umbrella], total: 3 }),
      'GET /api/v1/admin/partners/': (request) => {
        const ids = new URL(request.url).searchParams.get('ids');
        // The first page holds only Northwind (as if there were more partners than a page).
        if (!ids) {
          seen.push('first page');
          return jsonResponse(200, { items: [northwind], total: 30, page: 1, per_page: 20, pages: 2 });
        }
        return answersIds([northwind, sakura, umbrellaPartner], seen)(request);
      },
    });
    const queryClient = createTestQueryClient();
    await prefetchTenantsList(queryClient, new URLSearchParams());
    await vi.waitFor(() => expect(queryClient.getQueryData(partnerLookups.detail('prt_um').queryKey)).toEqual(umbrellaPartner));
    expect(queryClient.getQueryData(partnerLookups.detail('prt_sk').queryKey)).toEqual(sakura);
    expect(seen).toEqual(['first page', 'per_page=100&ids=prt_sk%2Cprt_um']);
  });
});
