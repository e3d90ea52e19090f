import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { deferred } from '@/testing/deferred';
import { QUIET_MS, useAfterFirstData } from './use-after-first-data';

function wrapperFor(queryClient: ReturnType<typeof createTestQueryClient>) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

describe('useAfterFirstData', () => {
  it("waits while the first requests are out, and for the ones they start, then stays open", async () => {
    const queryClient = createTestQueryClient();
    const list = deferred<string[]>();
    const names = deferred<string>();
    void queryClient.prefetchQuery({ queryKey: ['list'], queryFn: () => list.promise });
    const { result } = renderHook(() => useAfterFirstData(), { wrapper: wrapperFor(queryClient) });
    expect(result.current).toBe(false);

    // The list answers and its names are asked for at once: still not quiet.
    list.resolve(['usr_1']);
    await list.promise;
    void queryClient.prefetchQuery({ queryKey: ['names'], queryFn: () => names.promise });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 2));
    expect(result.current).toBe(false);

    names.resolve('Ana Lima');
    await waitFor(() => expect(result.current).toBe(true));

    // A later screen on the same client does not wait, whatever is fetching then.
    void queryClient.prefetchQuery({ queryKey: ['later'], queryFn: () => new Promise(() => undefined) });
    const later = renderHook(() => useAfterFirstData(), { wrapper: wrapperFor(queryClient) });
    expect(later.result.current).toBe(true);
  });

  it('opens at once (after a quiet moment) when nothing is fetching', async () => {
    const { result } = renderHook(() => useAfterFirstData(), { wrapper: wrapperFor(createTestQueryClient()) });
    await waitFor(() => expect(result.current).toBe(true));
  });
});
