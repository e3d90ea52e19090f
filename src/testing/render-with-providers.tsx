import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { AppRouter } from '@/lib/navigation/app-router';
import { createQueryClient } from '@/lib/query-client';
import { createTestHistory } from './test-history';

/** A fresh QueryClient per test: no retries, otherwise the app's defaults. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({ queries: { retry: false }, mutations: { retry: false } });
}

export interface RenderWithProvidersOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The URL the in-memory history starts at. */
  route?: string;
  queryClient?: QueryClient;
}

/** Renders a component inside the app's providers and router (any path renders it). */
export function renderWithProviders(ui: ReactElement, options: RenderWithProvidersOptions = {}) {
  return renderRoutes([{ path: '*', element: ui }], options);
}

/**
 * Renders a route tree (e.g. the app's `routes`) inside the app's providers and router, on an
 * in-memory history starting at `route`. `history.location` is where the app is now.
 */
export function renderRoutes(
  routes: RouteObject[],
  { route = '/', queryClient = createTestQueryClient(), ...renderOptions }: RenderWithProvidersOptions = {},
) {
  const history = createTestHistory(route);
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <AppRouter history={history}>
        <AppRoutes tree={routes} />
      </AppRouter>
    </AppProvider>,
    renderOptions,
  );
  return { ...result, user, history, queryClient };
}
