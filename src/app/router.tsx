import { lazy, type ComponentType } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths';
import { trackNavigation } from '@/lib/navigation/app-router';
import { RootLayout } from './layout/root-layout';
import { screens, type Screen } from './screens';

/**
 * A screen's component, rendered once its code has loaded (the code may already be on its way;
 * while it downloads, the app bar's progress bar shows). Code that is already there is handed to
 * React at once: React.lazy suspends on any promise, even a settled one, which would flash the
 * loading indicator for a frame on first render.
 */
function lazyScreen(screen: Screen) {
  const Component = lazy(() => {
    const ready = screen.loaded();
    if (ready) {
      const settled = { then: (resolve: (module: { default: ComponentType }) => void) => resolve({ default: ready }) };
      return settled as Promise<{ default: ComponentType }>;
    }
    return trackNavigation(screen.load()).then((component) => ({ default: component }));
  });
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
