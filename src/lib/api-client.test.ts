import { ApiError, unwrap } from './api-error';
import { createApiClient, type AuthPort } from './api-client';
import { jsonResponse } from '@/testing/mock-fetch';

const ME = '/api/v1/admin/auth/me';
const admin = { id: 'usr_1', email: 'root@scaikey.test', display_name: 'Rhea Root', role: 'SUPER_ADMIN', tenant_id: null, partner_id: null };

function fakeAuth(initialToken: string | null = 'old-token') {
  let token = initialToken ?? undefined;
  const auth = {
    getAccessToken: vi.fn(() => token),
    refreshAccessToken: vi.fn(async (): Promise<string | null> => null),
    signIn: vi.fn(async () => undefined),
    currentReturnTo: vi.fn(() => 'tenants?page=2#top'),
  } satisfies AuthPort;
  return {
    auth,
    /** Makes the next refresh succeed with this token (and the store then hold it). */
    refreshTo(next: string) {
      auth.refreshAccessToken.mockImplementation(async () => {
        token = next;
        return next;
      });
    },
  };
}

function bearer(request: Request): string | null {
  return request.headers.get('Authorization');
}

describe('api client', () => {
  it('sends the access token as a Bearer header', async () => {
    const { auth } = fakeAuth('abc');
    const fetchMock = vi.fn(async (_request: Request) => jsonResponse(200, admin));
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(result.data).toEqual(admin);
    const request = fetchMock.mock.calls[0]![0];
    expect(request.url).toBe('http://api.test/api/v1/admin/auth/me');
    expect(bearer(request)).toBe('Bearer abc');
  });

  it('on a 401 refreshes once and retries the request once with the new token', async () => {
    const { auth, refreshTo } = fakeAuth('old-token');
    refreshTo('new-token');
    const fetchMock = vi.fn(async (request: Request) =>
      bearer(request) === 'Bearer new-token' ? jsonResponse(200, admin) : jsonResponse(401, { detail: 'Token expired' }),
    );
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(result.data).toEqual(admin);
    expect(auth.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls.map(([request]) => bearer(request))).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(auth.signIn).not.toHaveBeenCalled();
  });

  it('retries a request with a body with the same body', async () => {
    const { auth, refreshTo } = fakeAuth();
    refreshTo('new-token');
    const bodies: unknown[] = [];
    const fetchMock = vi.fn(async (request: Request) => {
      bodies.push(await request.json());
      return bearer(request) === 'Bearer new-token' ? jsonResponse(201, { id: 'adr_1' }) : jsonResponse(401);
    });
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.POST('/api/v1/admin/admin-roles/', { body: { user_id: 'usr_2', role: 'SUPER_ADMIN' } });

    expect(result.response.status).toBe(201);
    expect(bodies).toEqual([
      { user_id: 'usr_2', role: 'SUPER_ADMIN' },
      { user_id: 'usr_2', role: 'SUPER_ADMIN' },
    ]);
  });

  it('lets requests that hit 401 together wait on the same refresh, then retries each', async () => {
    const { auth } = fakeAuth('old-token');
    let release: (token: string) => void = () => undefined;
    // The auth module dedupes; the client must not call refresh more than once per 401 either.
    let refreshes = 0;
    let shared: Promise<string | null> | null = null;
    const dedupedRefresh = () => {
      refreshes += 1;
      shared ??= new Promise<string>((resolve) => (release = resolve));
      return shared;
    };
    auth.refreshAccessToken.mockImplementation(dedupedRefresh);
    const fetchMock = vi.fn(async (request: Request) =>
      bearer(request) === 'Bearer new-token' ? jsonResponse(200, admin) : jsonResponse(401),
    );
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const both = Promise.all([client.GET(ME), client.GET(ME)]);
    await vi.waitFor(() => expect(refreshes).toBe(2));
    release('new-token');
    const [first, second] = await both;

    expect(first.data).toEqual(admin);
    expect(second.data).toEqual(admin);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('skips the refresh when another request already renewed the token', async () => {
    const { auth } = fakeAuth('old-token');
    const fetchMock = vi.fn(async (request: Request) => {
      if (bearer(request) === 'Bearer old-token') {
        auth.getAccessToken.mockReturnValue('renewed-meanwhile');
        return jsonResponse(401);
      }
      return jsonResponse(200, admin);
    });
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(result.data).toEqual(admin);
    expect(auth.refreshAccessToken).not.toHaveBeenCalled();
    expect(bearer(fetchMock.mock.calls[1]![0])).toBe('Bearer renewed-meanwhile');
  });

  it('sends the browser to sign in, returning to the exact URL, when the refresh fails', async () => {
    const { auth } = fakeAuth();
    const fetchMock = vi.fn(async () => jsonResponse(401, { detail: 'Token expired' }));
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ status: 401, message: 'Token expired' }));
    await vi.waitFor(() => expect(auth.signIn).toHaveBeenCalledWith('tenants?page=2#top'));
  });

  it('retries only once: a second 401 after a refresh sends the browser to sign in', async () => {
    const { auth, refreshTo } = fakeAuth();
    refreshTo('new-token');
    const fetchMock = vi.fn(async () => jsonResponse(401));
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(result.response.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(auth.refreshAccessToken).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(auth.signIn).toHaveBeenCalledTimes(1));
  });

  it('leaves other errors alone', async () => {
    const { auth } = fakeAuth();
    const fetchMock = vi.fn(async () => jsonResponse(403, { detail: 'Only Super Admins can do this' }));
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const result = await client.GET(ME);

    expect(() => unwrap(result)).toThrow(expect.objectContaining({ status: 403 }));
    expect(auth.refreshAccessToken).not.toHaveBeenCalled();
    expect(auth.signIn).not.toHaveBeenCalled();
  });

  it('turns a network failure into ApiError with status 0', async () => {
    const { auth } = fakeAuth();
    const client = createApiClient({
      baseUrl: 'http://api.test',
      auth,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });

    const failure = await client.GET(ME).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 0, message: 'Could not reach the ScaiKey API. Check your connection and try again.' });
  });

  it('turns a success answer that is not JSON (a proxy page) into a clear ApiError', async () => {
    const { auth } = fakeAuth();
    const fetchMock = vi.fn(
      async () => new Response('<!doctype html><h1>Sign in to the VPN</h1>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });

    const failure = await client.GET(ME).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 502 });
    expect((failure as ApiError).message).toMatch(/answered HTTP 200 with text\/html instead of JSON/);
  });

  it('accepts JSON with a vendor media type and answers without a body', async () => {
    const { auth } = fakeAuth();
    const client = createApiClient({
      baseUrl: 'http://api.test',
      auth,
      fetch: async (request: Request) =>
        request.method === 'DELETE'
          ? new Response(null, { status: 204 })
          : new Response(JSON.stringify(admin), { status: 200, headers: { 'content-type': 'application/problem+json' } }),
    });

    expect((await client.GET(ME)).data).toEqual(admin);
    const deleted = await client.DELETE('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: 't1' } } });
    expect(deleted.response.status).toBe(204);
  });

  it('lets a cancelled request stay an AbortError', async () => {
    const { auth } = fakeAuth();
    const client = createApiClient({
      baseUrl: 'http://api.test',
      auth,
      fetch: async () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      },
    });

    await expect(client.GET(ME)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('sends no Authorization header without a token', async () => {
    const { auth } = fakeAuth(null);
    const fetchMock = vi.fn(async (_request: Request) => jsonResponse(200, admin));
    const client = createApiClient({ baseUrl: 'http://api.test', auth, fetch: fetchMock });
    await client.GET(ME);
    expect(bearer(fetchMock.mock.calls[0]![0])).toBeNull();
  });
});
