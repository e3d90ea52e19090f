/**
 * The console's screens: the URL pattern of each and how to load its code. Framework-free and
 * tiny, because the bootstrap (the entry chunk, before React) uses it too: as soon as the admin is
 * known to be signed in, it starts downloading the screen for the current URL together with the
 * signed-in shell, instead of after it. The router (router.tsx) builds its routes from this table.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { paths } from '@/config/paths';
import { once } from '@/utils/once';

export interface ScreenPrefetchArgs {
  queryClient: QueryClient;
  /** The URL's path parameters (e.g. tenantId), decoded. */
  params: Record<string, string>;
  searchParams: URLSearchParams;
}

export type ScreenPrefetch = (args: ScreenPrefetchArgs) => void;

export interface Screen {
  path: string;
  /** Downloads the screen's code once; later calls share the download (a failed one is retried). */
  load: () => Promise<ComponentType>;
  /** The screen's component if its code has already loaded. */
  loaded: () => ComponentType | undefined;
  /**
   * Downloads the screen's first requests (a small chunk of its own, apart from the screen's UI
   * code) and starts them, with the same query keys its components use: they run alongside
   * /auth/me instead of after the access gate has opened, and before the UI code has even loaded.
   */
  loadPrefetch?: () => Promise<ScreenPrefetch>;
}

function screen(path: string, load: () => Promise<ComponentType>, loadPrefetch?: () => Promise<ScreenPrefetch>): Screen {
  const code = once(load);
  return { path, load: code.get, loaded: code.value, ...(loadPrefetch ? { loadPrefetch: once(loadPrefetch).get } : {}) };
}

const roleAssignmentsPrefetch = () => import('@/features/role-assignments/api/prefetch');
const tenantsPrefetch = () => import('@/features/tenants/api/prefetch');

export const screens = {
  roleAssignments: screen(
    paths.roleAssignments.path,
    () => import('./routes/role-assignments/list').then((m) => m.RoleAssignmentsListRoute),
    () => roleAssignmentsPrefetch().then((m) => (a) => void m.prefetchRoleAssignmentsList(a.queryClient, a.searchParams)),
  ),
  roleAssignment: screen(
    paths.roleAssignment.path,
    () => import('./routes/role-assignments/detail').then((m) => m.RoleAssignmentDetailRoute),
    () => roleAssignmentsPrefetch().then((m) => (a) => void m.prefetchRoleAssignment(a.queryClient, a.params.assignmentId ?? '')),
  ),
  userRoles: screen(
    paths.userRoles.path,
    () => import('./routes/role-assignments/user-roles').then((m) => m.UserRolesRoute),
    () => roleAssignmentsPrefetch().then((m) => (a) => void m.prefetchUserRoles(a.queryClient, a.params.userId ?? '')),
  ),
  tenants: screen(
    paths.tenants.path,
    () => import('./routes/tenants/list').then((m) => m.TenantsListRoute),
    () => tenantsPrefetch().then((m) => (a) => void m.prefetchTenantsList(a.queryClient, a.searchParams)),
  ),
  tenantNew: screen(paths.tenantNew.path, () => import('./routes/tenants/create').then((m) => m.CreateTenantRoute)),
  tenant: screen(
    paths.tenant.path,
    () => import('./routes/tenants/detail').then((m) => m.TenantDetailRoute),
    () => tenantsPrefetch().then((m) => (a) => void m.prefetchTenant(a.queryClient, a.params.tenantId ?? '')),
  ),
  security: screen(
    paths.security.path,
    () => import('./routes/security/overview').then((m) => m.SecurityOverviewRoute),
    () => import('@/features/security/api/prefetch').then((m) => (a) => m.prefetchSecurityOverview(a.queryClient)),
  ),
  admins: screen(paths.admins.path, () => import('./routes/admins/list').then((m) => m.AdminsListRoute)),
  admin: screen(paths.admin.path, () => import('./routes/admins/detail').then((m) => m.AdminDetailRoute)),
  audit: screen(paths.audit.path, () => import('./routes/audit/list').then((m) => m.AuditLogRoute)),
  auditEntry: screen(paths.auditEntry.path, () => import('./routes/audit/detail').then((m) => m.AuditEntryRoute)),
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

/**
 * Starts downloading the code of the screen at `pathname` (relative to the basename) and of its
 * first requests. Never rejects: a failed download is left for the screen's error boundary.
 */
export function preloadScreen(pathname: string): void {
  const match = screenAt(pathname);
  match?.screen.loadPrefetch?.().catch(() => undefined);
  match?.screen.load().catch(() => undefined);
}

/** Starts downloading the chunk of the first requests of the screen at `pathname`. Never rejects. */
export function preloadScreenPrefetch(pathname: string): void {
  screenAt(pathname)?.screen.loadPrefetch?.().catch(() => undefined);
}

/**
 * Starts the first requests of the screen at `pathname` as soon as their small chunk is there,
 * with `alongside` (requests the app needs whatever the screen, i.e. /auth/me) in the same tick,
 * so they travel side by side. Resolves once they are sent; never rejects.
 */
export async function startScreenRequests(
  pathname: string,
  search: string,
  queryClient: QueryClient,
  alongside: () => void = () => undefined,
): Promise<void> {
  const match = screenAt(pathname);
  const args = { queryClient, params: match?.params ?? {}, searchParams: new URLSearchParams(search) };
  const run = await match?.screen.loadPrefetch?.().catch(() => undefined);
  alongside();
  run?.(args);
}

/** Resolves once the code of the screen at `pathname` has loaded, so that it renders at once. Never rejects. */
export async function screenCodeLoaded(pathname: string): Promise<void> {
  await screenAt(pathname)?.screen.load().catch(() => undefined);
}
