import { lazy } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths';
import { RootLayout } from './layout/root-layout';
import { screens, type Screen } from './screens';

/** A screen's component, rendered once its code has loaded (the code may already be on its way). */
function lazyScreen(screen: Screen) {
  const Component = lazy(() => screen.load().then((component) => ({ default: component })));
  return <Component />;
}

/** The route tree: the root layout (access gate, shell, a screen's error boundary) around every screen. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <Navigate to={paths.roleAssignments.to()} replace /> },
      ...Object.values(screens).map((screen) => ({ path: screen.path, element: lazyScreen(screen) })),
    ],
  },
];

/** Renders the route matching the current location (inside an <AppRouter>). */
export function AppRoutes({ tree = routes }: { tree?: RouteObject[] }) {
  return useRoutes(tree);
}
