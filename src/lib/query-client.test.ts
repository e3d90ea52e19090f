import { ApiError } from './api-error';
import { getNotifications } from './notifications';
import { keepPreviousData, QueryObserver } from '@tanstack/react-query';
import { AUDIT_QUERY_KEY, CACHE_LIMITS, createQueryClient, shouldRetry } from './query-client';

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

  it('marks every audit query stale after a write, answered or refused (refused attempts are logged too)', async () => {
    const client = createQueryClient();
    const audit = [
      [...AUDIT_QUERY_KEY, 'history', 'tnt_1'],
      [...AUDIT_QUERY_KEY, 'list', { page: 1 }],
    ];
    const seed = () => {
      for (const key of [...audit, ['tenants', 'detail', 'tnt_1']]) client.setQueryData(key, 'fresh');
    };
    const isStale = (key: readonly unknown[]) => client.getQueryCache().find({ queryKey: key })?.state.isInvalidated;
    const write = (mutationFn: () => Promise<unknown>) =>
      client.getMutationCache().build(client, { mutationFn, onError: () => undefined }).execute(undefined).catch(() => undefined);

    seed();
    await write(() => Promise.resolve('saved'));
    expect(audit.map(isStale)).toEqual([true, true]);
    expect(isStale(['tenants', 'detail', 'tnt_1'])).toBe(false);

    seed();
    await write(() => Promise.reject(new ApiError(409, 'That slug is taken')));
    expect(audit.map(isStale)).toEqual([true, true]);
  });
});

describe('query cache limits', () => {
  it('keeps at most CACHE_LIMITS.listPages off-screen list pages, dropping the oldest first', async () => {
    const client = createQueryClient();
    const cache = client.getQueryCache();
    const pages = CACHE_LIMITS.listPages + 5;
    for (let page = 1; page <= pages; page++) {
      const observer = new QueryObserver(client, { queryKey: ['tenants', 'list', { page }], queryFn: async () => ({ page }) });
      const unsubscribe = observer.subscribe(() => undefined);
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ page }));
      unsubscribe();
    }
    // Trimmed just after the last page left the screen.
    await vi.waitFor(() => expect(cache.findAll({ queryKey: ['tenants', 'list'] })).toHaveLength(CACHE_LIMITS.listPages));
    const kept = cache.findAll({ queryKey: ['tenants', 'list'] }).map((q) => (q.queryKey[2] as { page: number }).page);
    expect(Math.min(...kept)).toBe(pages - CACHE_LIMITS.listPages + 1);
  });

  it('never drops what is on screen, and leaves other queries alone', async () => {
    const client = createQueryClient();
    client.setQueryData(['tenants', 'detail', 'tnt_1'], { id: 'tnt_1' });
    const onScreen = new QueryObserver(client, { queryKey: ['tenants', 'list', { page: 0 }], queryFn: async () => 'shown' });
    const stop = onScreen.subscribe(() => undefined);
    for (let page = 1; page <= CACHE_LIMITS.listPages + 3; page++) {
      const observer = new QueryObserver(client, { queryKey: ['tenants', 'list', { page }], queryFn: async () => page });
      const unsubscribe = observer.subscribe(() => undefined);
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(page));
      unsubscribe();
    }
    expect(client.getQueryData(['tenants', 'list', { page: 0 }])).toBe('shown');
    expect(client.getQueryData(['tenants', 'detail', 'tnt_1'])).toEqual({ id: 'tnt_1' });
    stop();
  });
});

/** A list on screen: one observer on page 1 of the tenants list, and the pages loaded so far. */
function listOnScreen(options: { placeholderData?: typeof keepPreviousData; staleTime?: number }) {
  const client = createQueryClient();
  const loads: number[] = [];
  const pageQuery = (page: number) => ({
    queryKey: ['tenants', 'list', { page }],
    queryFn: async () => {
      loads.push(page);
      return { page };
    },
    ...options,
  });
  const observer = new QueryObserver(client, pageQuery(1));
  const unsubscribe = observer.subscribe(() => undefined);
  return { client, loads, pageQuery, observer, unsubscribe };
}

describe('query cache limits while paging', () => {
  it('one observer moving page by page (as a list does) loads each page once', async () => {
    const { client, loads, pageQuery, observer, unsubscribe } = listOnScreen({ placeholderData: keepPreviousData });
    const pages = CACHE_LIMITS.listPages + 10;
    // What useQuery does on each render: an optimistic result (which builds the query if the cache
    // has none), then the options in an effect.
    const render = (page: number) => {
      const options = client.defaultQueryOptions(pageQuery(page));
      observer.getOptimisticResult(options);
      observer.setOptions(options);
    };
    for (let page = 1; page <= pages; page++) {
      render(page);
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ page }));
      expect(observer.getCurrentResult().isPlaceholderData).toBe(false);
      render(page);
      render(page);
    }
    unsubscribe();
    expect(loads).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(client.getQueryCache().findAll({ queryKey: ['tenants', 'list'] }).length).toBeLessThanOrEqual(CACHE_LIMITS.listPages + 1);
  });
});

describe('query cache limits when going back', () => {
  it('never drops the page an observer is moving to, however long ago it was shown', async () => {
    const { client, loads, pageQuery, observer, unsubscribe } = listOnScreen({ staleTime: Infinity });
    for (let page = 1; page <= CACHE_LIMITS.listPages + 1; page++) {
      observer.setOptions(pageQuery(page));
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ page }));
    }
    // Back to page 1 (e.g. "Clear filters"): the oldest off-screen page until the moment it is shown.
    observer.setOptions(pageQuery(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.getQueryCache().find({ queryKey: ['tenants', 'list', { page: 1 }] })?.getObserversCount()).toBe(1);
    // So it still hears about changes, e.g. after a tenant is created.
    await client.invalidateQueries({ queryKey: ['tenants', 'list'] });
    expect(loads.filter((page) => page === 1)).toHaveLength(2);
    unsubscribe();
  });
});
