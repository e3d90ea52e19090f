import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/query-client';

/** A fresh QueryClient per test: no retries, otherwise the app's defaults. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({ queries: { retry: false }, mutations: { retry: false } });
}

export interface RenderWithProvidersOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The URL the memory router starts at. */
  route?: string;
  queryClient?: QueryClient;
}

/** Renders a component inside the app's providers and a memory router (any path renders it). */
export function renderWithProviders(ui: ReactElement, options: RenderWithProvidersOptions = {}) {
  return renderRoutes([{ path: '*', element: ui }], options);
}

/** Renders a route tree (e.g. the app's `routes`) inside the app's providers, starting at `route`. */
export function renderRoutes(
  routes: RouteObject[],
  { route = '/', queryClient = createTestQueryClient(), ...renderOptions }: RenderWithProvidersOptions = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
    renderOptions,
  );
  return { ...result, user, router, queryClient };
}
