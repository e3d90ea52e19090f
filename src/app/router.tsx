import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { PageLoading } from '@/components/feedback/page-loading';
import { paths } from '@/config/paths';
import { routerBasename } from '@/lib/base-url';
import { RootLayout } from './layout/root-layout';
import { RouteError } from './routes/route-error';

/**
 * The route tree. The root layout holds the access gate and the shell; its one child catches
 * errors inside the shell (navigation stays usable), the root's own errorElement catches errors of
 * the shell itself. Screens are lazy-loaded, one chunk each.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    element: <RootLayout />,
    errorElement: <RouteError standalone />,
    hydrateFallbackElement: <PageLoading fullScreen />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to={paths.roleAssignments.to()} replace /> },
          {
            path: paths.roleAssignments.path,
            lazy: () => import('./routes/role-assignments/list').then((m) => ({ Component: m.RoleAssignmentsListRoute })),
          },
          {
            path: paths.roleAssignment.path,
            lazy: () => import('./routes/role-assignments/detail').then((m) => ({ Component: m.RoleAssignmentDetailRoute })),
          },
          {
            path: paths.userRoles.path,
            lazy: () => import('./routes/role-assignments/user-roles').then((m) => ({ Component: m.UserRolesRoute })),
          },
          {
            path: paths.tenants.path,
            lazy: () => import('./routes/tenants/list').then((m) => ({ Component: m.TenantsListRoute })),
          },
          {
            path: paths.tenantNew.path,
            lazy: () => import('./routes/tenants/create').then((m) => ({ Component: m.CreateTenantRoute })),
          },
          {
            path: paths.tenant.path,
            lazy: () => import('./routes/tenants/detail').then((m) => ({ Component: m.TenantDetailRoute })),
          },
          {
            path: '*',
            lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })),
          },
        ],
      },
    ],
  },
];

export function createAppRouter(basename: string = routerBasename()) {
  return createBrowserRouter(routes, { basename });
}
