import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { adminQueries } from './queries';

const account = (n: number) => ({ id: `a-${n}`, email: `admin${n}@scaikey.test`, fullName: `Admin ${n}`, createdAt: '2026-01-01T00:00:00Z' });

describe('adminQueries.every', () => {
  it('reads every page of 100 (the API has no search), each account once', async () => {
    const pages: string[] = [];
    mockFetch({
      'GET /api/admins/page/1': (request) => {
        pages.push(new URL(request.url).pathname + new URL(request.url).search);
        return jsonResponse(200, { items: [account(1), account(2)], totalCount: 5, page: 1, pageSize: 100, totalPages: 3 });
      },
      // An account created meanwhile pushed Admin 2 onto the next page too.
      'GET /api/admins/page/2': () => jsonResponse(200, { items: [account(2), account(3)], totalCount: 5, page: 2, pageSize: 100, totalPages: 3 }),
      'GET /api/admins/page/3': () => jsonResponse(200, { items: [account(4)], totalCount: 5, page: 3, pageSize: 100, totalPages: 3 }),
    });
    const all = await createTestQueryClient().fetchQuery(adminQueries.every());
    expect(all.map((a) => a.fullName)).toEqual(['Admin 1', 'Admin 2', 'Admin 3', 'Admin 4']);
    expect(pages).toEqual(['/api/admins/page/1?pageSize=100']);
  });

  it('one page: one request', async () => {
    const fetchMock = mockFetch({
      'GET /api/admins/page/1': () => jsonResponse(200, { items: [account(1)], totalCount: 1, page: 1, pageSize: 100, totalPages: 1 }),
    });
    expect(await createTestQueryClient().fetchQuery(adminQueries.every())).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
