import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { prefetchSecurityOverview } from './prefetch';
import { securityQueries } from './queries';

describe('prefetchSecurityOverview', () => {
  it("asks for the summary once, under the key the overview reads", async () => {
    const summary = {
      total: 1,
      mfa: { required: 1, not_required: 0, methods: { totp: 1, sms: 0, email: 0, webauthn: 0 } },
      password_min_length: [{ min: 15, max: null, count: 1 }],
      session_timeout: [{ min: null, max: 15, count: 1 }],
      password_expiry: { on: 0, off: 1 },
    };
    const fetchMock = mockFetch({ 'GET /api/v1/admin/tenants/security-summary': jsonResponse(200, summary) });
    const queryClient = createTestQueryClient();

    prefetchSecurityOverview(queryClient);
    await vi.waitFor(() => expect(queryClient.getQueryData(securityQueries.summary().queryKey)).toEqual({ available: true, data: summary }));
    // The overview's own read is then answered from the cache.
    await queryClient.fetchQuery({ ...securityQueries.summary(), staleTime: 30_000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
