import { matchRoutes } from 'react-router-dom';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { routes } from './router';
import { matchScreen, screenCodeLoaded, screens, startScreenRequests } from './screens';

describe('matchScreen', () => {
  // The bootstrap picks the screen to download with matchScreen, the router renders with
  // react-router's matching: they must agree, or the wrong code downloads first.
  it.each([
    '/role-assignments',
    '/role-assignments/',
    '/Role-Assignments',
    '/role-assignments/adr_1',
    '/users/usr_1/roles',
    '/tenants',
    '/tenants/new',
    '/tenants/tnt_1',
    '/tenants/tnt%20odd',
    '/tenants/tnt_1/extra',
    '/audit',
    '/audit/aud_1',
    '/nowhere',
  ])('finds the screen the router renders for %s', (pathname) => {
    const leaf = matchRoutes(routes, pathname)?.at(-1);
    const match = matchScreen(pathname);
    const routeFor = Object.values(screens).find((s) => s === match?.screen);
    expect(routeFor?.path).toBe(leaf?.route.path);
    expect(match?.params).toEqual(Object.fromEntries(Object.entries(leaf?.params ?? {}).filter(([key]) => key !== '*')));
  });

  it('decodes parameters like the router', () => {
    expect(matchScreen('/tenants/tnt%20odd')?.params).toEqual({ tenantId: 'tnt odd' });
  });
});

describe('startScreenRequests and screenCodeLoaded', () => {
  it("starts the screen's requests with its parameters; the code is awaited apart", async () => {
    const queryClient = createTestQueryClient();
    const prefetch = vi.fn();
    const load = vi.spyOn(screens.tenant, 'load').mockResolvedValue(() => null);
    const loadPrefetch = vi.spyOn(screens.tenant, 'loadPrefetch').mockResolvedValue(prefetch);
    try {
      await startScreenRequests('/tenants/tnt_1', '?tab=security', queryClient);
      // Sent, and the screen's code not asked for: the bootstrap imports it after.
      expect(prefetch).toHaveBeenCalledTimes(1);
      expect(load).not.toHaveBeenCalled();
      await screenCodeLoaded('/tenants/tnt_1');
      expect(load).toHaveBeenCalled();
      await vi.waitFor(() => expect(prefetch).toHaveBeenCalledTimes(1));
      const [args] = prefetch.mock.calls[0]!;
      expect(args.queryClient).toBe(queryClient);
      expect(args.params).toEqual({ tenantId: 'tnt_1' });
      expect(args.searchParams.get('tab')).toBe('security');
    } finally {
      load.mockRestore();
      loadPrefetch.mockRestore();
    }
  });

  it('never fails: a screen whose code cannot load is left for its error boundary', async () => {
    const load = vi.spyOn(screens.tenants, 'load').mockRejectedValue(new Error('Failed to fetch dynamically imported module'));
    const loadPrefetch = vi.spyOn(screens.tenants, 'loadPrefetch').mockRejectedValue(new Error('offline'));
    try {
      await expect(startScreenRequests('/tenants', '', createTestQueryClient())).resolves.toBeUndefined();
      await expect(screenCodeLoaded('/tenants')).resolves.toBeUndefined();
    } finally {
      load.mockRestore();
      loadPrefetch.mockRestore();
    }
  });
});

describe('startScreenRequests alongside', () => {
  it('sends what the app always needs in the same tick as the screen requests, even without any', async () => {
    const order: string[] = [];
    const load = vi.spyOn(screens.tenants, 'load').mockResolvedValue(() => null);
    const loadPrefetch = vi.spyOn(screens.tenants, 'loadPrefetch').mockResolvedValue(() => order.push('tenants'));
    try {
      await startScreenRequests('/tenants', '', createTestQueryClient(), () => order.push('me'));
      await vi.waitFor(() => expect(order).toEqual(['me', 'tenants']));
      // The create form asks for nothing first: /auth/me goes on its own.
      const loadCreate = vi.spyOn(screens.tenantNew, 'load').mockResolvedValue(() => null);
      await startScreenRequests('/tenants/new', '', createTestQueryClient(), () => order.push('me again'));
      await vi.waitFor(() => expect(order).toEqual(['me', 'tenants', 'me again']));
      loadCreate.mockRestore();
    } finally {
      load.mockRestore();
      loadPrefetch.mockRestore();
    }
  });
});
