/**
 * The palette's own entries: the console's screens and its actions. "Audit log of this …" is
 * offered only on a page about one resource, and opens the audit log filtered to it, exactly as
 * that page's History panel links to it.
 */
import { matchPath } from 'react-router-dom';
import { paths } from '@/config/paths';
import type { PaletteItem } from './palette-items';

export const SCREENS: readonly PaletteItem[] = [
  {
    key: 'screen:role-assignments',
    kind: 'screen',
    label: 'Role assignments',
    detail: 'Who holds which admin role',
    keywords: 'roles super admin partner tenant expiring',
    run: { to: paths.roleAssignments.to() },
  },
  { key: 'screen:tenants', kind: 'screen', label: 'Tenants', detail: 'Every tenant and its settings', run: { to: paths.tenants.to() } },
  {
    key: 'screen:security',
    kind: 'screen',
    label: 'Security overview',
    detail: 'MFA, passwords and sessions across every tenant',
    keywords: 'mfa password session timeout posture baseline policy preset',
    run: { to: paths.security.to() },
  },
  { key: 'screen:admins', kind: 'screen', label: 'Admins', detail: 'Admin accounts', keywords: 'accounts people', run: { to: paths.admins.to() } },
  {
    key: 'screen:audit',
    kind: 'screen',
    label: 'Audit log',
    detail: 'Who changed what, and when',
    keywords: 'history events changes',
    run: { to: paths.audit.to() },
  },
];

const BASE_ACTIONS: readonly PaletteItem[] = [
  { key: 'action:create-tenant', kind: 'action', label: 'Create tenant', keywords: 'new add', run: { to: paths.tenantNew.to() } },
  { key: 'action:assign-role', kind: 'action', label: 'Assign role', keywords: 'grant new add', run: { action: 'assign-role' } },
  { key: 'action:create-admin', kind: 'action', label: 'Create admin', keywords: 'new add account', run: { action: 'create-admin' } },
];

/** The resource the page at `pathname` is about, as the audit log names it. */
export interface PageResource {
  id: string;
  /** "tenant", "role assignment", "admin account", "user". */
  noun: string;
}

/** Checked in this order: the static "/tenants/new" is not a tenant. */
const RESOURCE_PAGES: ReadonlyArray<{ pattern: string; param: string; noun: string }> = [
  { pattern: paths.tenantNew.path, param: '', noun: '' },
  { pattern: paths.tenant.path, param: 'tenantId', noun: 'tenant' },
  { pattern: paths.roleAssignment.path, param: 'assignmentId', noun: 'role assignment' },
  { pattern: paths.admin.path, param: 'adminId', noun: 'admin account' },
  { pattern: paths.userRoles.path, param: 'userId', noun: 'user' },
];

export function pageResource(pathname: string): PageResource | null {
  for (const page of RESOURCE_PAGES) {
    const match = matchPath(page.pattern, pathname);
    if (!match) continue;
    const id = match.params[page.param];
    return id ? { id, noun: page.noun } : null;
  }
  return null;
}

/** The actions, with "Audit log of this …" when the page at `pathname` is about one resource. */
export function actionsFor(pathname: string): PaletteItem[] {
  const resource = pageResource(pathname);
  if (!resource) return [...BASE_ACTIONS];
  return [
    ...BASE_ACTIONS,
    {
      key: `action:audit-of:${resource.id}`,
      kind: 'action',
      label: `Audit log of this ${resource.noun}`,
      detail: 'Its full history',
      keywords: 'history changes',
      run: { to: paths.audit.to({ resource: resource.id }) },
    },
  ];
}
