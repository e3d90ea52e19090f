/**
 * The console's screens: the URL pattern of each and how to load its code. Framework-free and
 * tiny, because the bootstrap (the entry chunk, before React) uses it too: as soon as the admin is
 * known to be signed in, it starts downloading the screen for the current URL together with the
 * signed-in shell, instead of after it. The router (router.tsx) builds its routes from this table.
 */
import type { ComponentType } from 'react';
import { paths } from '@/config/paths';

export interface Screen {
  path: string;
  /** Downloads the screen's code once; later calls share the download (a failed one is retried). */
  load: () => Promise<ComponentType>;
}

/** Calls `importer` once; later calls share its promise, unless it failed (then it tries again). */
function once<T>(importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= importer().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

function screen(path: string, load: () => Promise<ComponentType>): Screen {
  return { path, load: once(load) };
}

export const screens = {
  roleAssignments: screen(
    paths.roleAssignments.path,
    () => import('./routes/role-assignments/list').then((m) => m.RoleAssignmentsListRoute)
  ),
  roleAssignment: screen(
    paths.roleAssignment.path,
    () => import('./routes/role-assignments/detail').then((m) => m.RoleAssignmentDetailRoute)
  ),
  userRoles: screen(
    paths.userRoles.path,
    () => import('./routes/role-assignments/user-roles').then((m) => m.UserRolesRoute)
  ),
  tenants: screen(
    paths.tenants.path,
    () => import('./routes/tenants/list').then((m) => m.TenantsListRoute)
  ),
  tenantNew: screen(paths.tenantNew.path, () => import('./routes/tenants/create').then((m) => m.CreateTenantRoute)),
  tenant: screen(
    paths.tenant.path,
    () => import('./routes/tenants/detail').then((m) => m.TenantDetailRoute)
  ),
  notFound: screen('*', () => import('./routes/not-found').then((m) => m.NotFoundRoute)),
} as const;

/** Static segments rank above parameters, as in react-router: "/tenants/new" is not a tenant id. */
const ORDERED: Screen[] = Object.values(screens).sort((a, b) => rank(b.path) - rank(a.path));

function rank(path: string): number {
  if (path === '*') return -1;
  return path
    .split('/')
    .filter(Boolean)
    .reduce((score, segment) => score + (segment.startsWith(':') ? 3 : 10), 0);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The screen for a path relative to the router's basename (leading "/"), with its parameters.
 * Matches like the router: whole segments, case-insensitive, a trailing slash ignored.
 */
export function matchScreen(pathname: string): { screen: Screen; params: Record<string, string> } | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const candidate of ORDERED) {
    if (candidate.path === '*') return { screen: candidate, params: {} };
    const pattern = candidate.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decode(parts[i]!);
        return true;
      }
      return segment.toLowerCase() === parts[i]!.toLowerCase();
    });
    if (matched) return { screen: candidate, params };
  }
  return null;
}

/** The screen for a path relative to the basename; the home page redirects to the role assignments list. */
function screenAt(pathname: string) {
  return pathname.replace(/\/+$/, '') === '' ? { screen: screens.roleAssignments, params: {} } : matchScreen(pathname);
}

/** Starts downloading the code of the screen at `pathname` (relative to the basename). Never rejects. */
export function preloadScreen(pathname: string): void {
  screenAt(pathname)?.screen.load().catch(() => undefined);
}

/**
 * Resolves once the code of the screen at `pathname` has loaded, so that it renders at once.
 * Never rejects: a failed download is left for the screen's error boundary.
 */
export async function prepareScreen(pathname: string): Promise<void> {
  await screenAt(pathname)?.screen.load().catch(() => undefined);
}
