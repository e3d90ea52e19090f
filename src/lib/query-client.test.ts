import { ApiError } from './api-error';
import { getNotifications } from './notifications';
import { createQueryClient, shouldRetry } from './query-client';

describe('query client defaults', () => {
  it('never retries a 4xx, retries 5xx and network failures twice', () => {
    expect(shouldRetry(0, new ApiError(404))).toBe(false);
    expect(shouldRetry(0, new ApiError(422, []))).toBe(false);
    expect(shouldRetry(0, new ApiError(503))).toBe(true);
    expect(shouldRetry(1, ApiError.network(new TypeError('x')))).toBe(true);
    expect(shouldRetry(2, new ApiError(503))).toBe(false);
  });

  it('keeps data fresh for 30 seconds', () => {
    expect(createQueryClient().getDefaultOptions().queries?.staleTime).toBe(30_000);
  });

  it('shows no snackbar when a first load fails (the screen shows it in place)', async () => {
    const client = createQueryClient({ queries: { retry: false } });
    await client.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(new ApiError(500, 'boom')) }).catch(() => undefined);
    expect(getNotifications()).toEqual([]);
  });

  it('shows a snackbar when a background refetch of loaded data fails', async () => {
    const client = createQueryClient({ queries: { retry: false } });
    client.setQueryData(['tenants', 'list'], ['Acme']);
    await client
      .fetchQuery({ queryKey: ['tenants', 'list'], queryFn: () => Promise.reject(new ApiError(502)), staleTime: 0 })
      .catch(() => undefined);
    expect(getNotifications()).toEqual([
      expect.objectContaining({ severity: 'error', message: 'Could not refresh the data: The ScaiKey API answered with HTTP 502.' }),
    ]);
  });

  it('shows a snackbar for a mutation error only when nobody handles it', async () => {
    const client = createQueryClient();
    const fail = () => Promise.reject(new ApiError(409, 'That slug is taken'));
    const run = (options: object) => client.getMutationCache().build(client, { mutationFn: fail, ...options }).execute(undefined).catch(() => undefined);

    await run({ onError: () => undefined });
    await run({ meta: { errorShownInline: true } });
    expect(getNotifications()).toEqual([]);

    await run({});
    expect(getNotifications()).toEqual([expect.objectContaining({ severity: 'error', message: 'That slug is taken' })]);
  });
});
