import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { answersIds, anaLima, listPage } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { userLookups, type UserRecord } from './queries';

const user = (id: string): UserRecord => ({ ...anaLima, id, email: `${id}@x.test` });

/** Asks for these users' names in one tick, as a page's rows do, and waits for every answer. */
function lookUp(queryClient: QueryClient, ids: readonly string[]) {
  return Promise.allSettled(ids.map((id) => queryClient.fetchQuery(userLookups.detail(id))));
}

const found = (results: PromiseSettledResult<UserRecord>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? r.value.id : r.reason instanceof ApiError ? r.reason.status : 'error'));

describe('look-ups by several ids', () => {
  it('asks once per 100 ids, each id once, and reports an absent id as a 404', async () => {
    const seen: string[] = [];
    const records = Array.from({ length: 150 }, (_, i) => user(`usr_${i}`));
    mockFetch({ 'GET /api/v1/admin/users/': answersIds(records, seen) });
    const ids = [...records.map((r) => r.id), 'usr_0', 'usr_gone'];

    const results = await lookUp(createTestQueryClient(), ids);

    expect(seen.map((q) => new URLSearchParams(q).get('ids')!.split(',').length)).toEqual([100, 51]);
    expect(found(results)).toEqual([...records.map((r) => r.id), 'usr_0', 404]);
  });

  it('asks for a lone id with its own GET', async () => {
    const fetchMock = mockFetch({ 'GET /api/v1/admin/users/usr_ana': jsonResponse(200, anaLima) });
    expect(found(await lookUp(createTestQueryClient(), ['usr_ana']))).toEqual(['usr_ana']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks on their own for the ids an incomplete answer left out, instead of calling them missing', async () => {
    const seen: string[] = [];
    mockFetch({
      // Only what was asked for, but "page 1 of more": absence proves nothing.
      'GET /api/v1/admin/users/': () => jsonResponse(200, { ...listPage([user('usr_a')]), total: 3, pages: 2 }),
      'GET /api/v1/admin/users/usr_b': () => {
        seen.push('usr_b');
        return jsonResponse(200, user('usr_b'));
      },
    });
    expect(found(await lookUp(createTestQueryClient(), ['usr_a', 'usr_b']))).toEqual(['usr_a', 'usr_b']);
    expect(seen).toEqual(['usr_b']);
  });

  it('falls back to one GET per id when the server refuses the parameter, and remembers it', async () => {
    const seen: string[] = [];
    mockFetch({
      'GET /api/v1/admin/users/': (request) => {
        seen.push('list');
        return new URL(request.url).searchParams.has('ids')
          ? jsonResponse(422, { detail: [{ loc: ['query', 'ids'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }] })
          : jsonResponse(200, listPage([]));
      },
      'GET /api/v1/admin/users/usr_a': () => (seen.push('one'), jsonResponse(200, user('usr_a'))),
      'GET /api/v1/admin/users/usr_b': () => (seen.push('one'), jsonResponse(200, user('usr_b'))),
      'GET /api/v1/admin/users/usr_c': () => (seen.push('one'), jsonResponse(404, { detail: 'User not found' })),
    });
    const queryClient = createTestQueryClient();
    expect(found(await lookUp(queryClient, ['usr_a', 'usr_b']))).toEqual(['usr_a', 'usr_b']);
    expect(seen).toEqual(['list', 'one', 'one']);

    queryClient.clear();
    expect(found(await lookUp(queryClient, ['usr_a', 'usr_c']))).toEqual(['usr_a', 404]);
    expect(seen).toEqual(['list', 'one', 'one', 'one', 'one']);

    // Another session (QueryClient) starts trusting the server again.
    seen.length = 0;
    await lookUp(createTestQueryClient(), ['usr_a', 'usr_b']);
    expect(seen[0]).toBe('list');
  });

  it('gives every id the error of a refused batch (403), without asking each one', async () => {
    const fetchMock = mockFetch({ 'GET /api/v1/admin/users/': jsonResponse(403, { detail: 'Only Super Admins can view users' }) });
    expect(found(await lookUp(createTestQueryClient(), ['usr_a', 'usr_b']))).toEqual([403, 403]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('fails every id, and never hangs, when the answer is no list at all', async () => {
    mockFetch({ 'GET /api/v1/admin/users/': jsonResponse(200, { message: 'hello' }) });
    expect(found(await lookUp(createTestQueryClient(), ['usr_a', 'usr_b']))).toEqual(['error', 'error']);
  });
});
