/**
 * Every in-app link is built here, so a URL shared by one admin reproduces the view for another.
 * `path` is the route pattern (for the router), `to()` builds a link (relative to the router's
 * basename, i.e. to the <base href>).
 */
export const paths = {
  home: {
    path: '/',
    to: () => '/',
  },
  roleAssignments: {
    path: '/role-assignments',
    to: () => '/role-assignments',
  },
  roleAssignment: {
    path: '/role-assignments/:assignmentId',
    to: (assignmentId: string) => `/role-assignments/${encodeURIComponent(assignmentId)}`,
  },
  userRoles: {
    path: '/users/:userId/roles',
    to: (userId: string) => `/users/${encodeURIComponent(userId)}/roles`,
  },
  /** The tenants list; `filters` as its URL holds them (e.g. the security overview's `mfa_required=false`). */
  tenants: {
    path: '/tenants',
    to: (filters?: Record<string, string | number | undefined>) => withSearch('/tenants', filters),
  },
  tenantNew: {
    path: '/tenants/new',
    to: () => '/tenants/new',
  },
  tenant: {
    path: '/tenants/:tenantId',
    to: (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}`,
  },
  admins: {
    path: '/admins',
    to: () => '/admins',
  },
  admin: {
    path: '/admins/:adminId',
    to: (adminId: string) => `/admins/${encodeURIComponent(adminId)}`,
  },
  /** The audit log; `resource` narrows it to one resource's entries (a History panel's "View full history"). */
  audit: {
    path: '/audit',
    to: (filters?: { resource?: string }) => withSearch('/audit', filters),
  },
  /** The fleet's security settings; `baseline` is the preset the tenants are held against. */
  security: {
    path: '/security',
    to: (search?: { baseline?: string }) => withSearch('/security', search),
  },
  auditEntry: {
    path: '/audit/:eventId',
    to: (eventId: string) => `/audit/${encodeURIComponent(eventId)}`,
  },
} as const;

/** A `to` with optional search params, dropping empty values. */
export function withSearch(pathname: string, search?: Record<string, string | number | boolean | null | undefined>): string {
  if (!search) return pathname;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
