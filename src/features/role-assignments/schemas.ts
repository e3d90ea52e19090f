import * as z from 'zod/mini';
import { localDateTimeToIso } from '@/utils/dates';
import type { components } from '@/lib/api/schema';

type AdminRole = components['schemas']['AdminRole'];
type Assignment = components['schemas']['AdminRoleAssignment'];
type CreateBody = components['schemas']['AdminRoleAssignmentCreate'];

export const ROLE_LABELS: Record<AdminRole, string> = {
  SUPER_ADMIN: 'Super Admin',
  PARTNER_ADMIN: 'Partner Admin',
  TENANT_ADMIN: 'Tenant Admin',
};
export const ROLES = Object.keys(ROLE_LABELS) as AdminRole[];

/** Roles come from the server; an unknown value is shown as it comes. */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export type AssignmentStatus = 'active' | 'inactive' | 'expired';

/** Expired is derived from expires_at, whatever is_active says. */
export function assignmentStatus(a: Pick<Assignment, 'is_active' | 'expires_at'>, now: Date = new Date()): AssignmentStatus {
  if (a.expires_at && new Date(a.expires_at).getTime() <= now.getTime()) return 'expired';
  return a.is_active ? 'active' : 'inactive';
}

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  expired: 'Expired',
};

/**
 * A `datetime-local` value ("2026-12-01T09:30") is the admin's wall-clock time; an empty string
 * means "no expiry".
 */
const expiresAtField = (now: () => Date) =>
  z.string().check(
    z.refine((v) => v === '' || !Number.isNaN(new Date(v).getTime()), 'Enter a valid date and time'),
    z.refine((v) => {
      const t = new Date(v).getTime();
      return v === '' || Number.isNaN(t) || t > now().getTime();
    }, 'The expiry must be in the future'),
  );

/**
 * The assign-role form: a discriminated union on role, so each role carries exactly the scope
 * field it needs and nothing else reaches the request body.
 */
const assignRoleCommon = (now: () => Date) => ({
  user_id: z.string().check(z.minLength(1, 'Choose a user')),
  expires_at: expiresAtField(now),
});

/**
 * The fields every role shares. A union stops at its discriminator, so while no role is chosen the
 * form checks these too, and the admin sees every missing field at once.
 */
export function makeAssignRoleCommonSchema(now: () => Date = () => new Date()) {
  return z.object(assignRoleCommon(now));
}

export function makeAssignRoleSchema(now: () => Date = () => new Date()) {
  const common = assignRoleCommon(now);
  return z.discriminatedUnion(
    'role',
    [
      z.object({ role: z.literal('SUPER_ADMIN'), ...common }),
      z.object({ role: z.literal('PARTNER_ADMIN'), partner_id: z.string().check(z.minLength(1, 'Choose a partner')), ...common }),
      z.object({ role: z.literal('TENANT_ADMIN'), tenant_id: z.string().check(z.minLength(1, 'Choose a tenant')), ...common }),
    ],
    { error: 'Choose a role' },
  );
}

export type AssignRoleValues = z.output<ReturnType<typeof makeAssignRoleSchema>>;

/** What the form holds while the admin edits it: every field, whichever role is chosen. */
export interface AssignRoleFormState {
  user_id: string;
  role: AdminRole | '';
  partner_id: string;
  tenant_id: string;
  expires_at: string;
}

export const emptyAssignRoleForm: AssignRoleFormState = {
  user_id: '',
  role: '',
  partner_id: '',
  tenant_id: '',
  expires_at: '',
};

export function toCreateBody(values: AssignRoleValues): CreateBody {
  const body: CreateBody = { user_id: values.user_id, role: values.role };
  if (values.role === 'PARTNER_ADMIN') body.partner_id = values.partner_id;
  if (values.role === 'TENANT_ADMIN') body.tenant_id = values.tenant_id;
  if (values.expires_at) body.expires_at = localDateTimeToIso(values.expires_at);
  return body;
}

/** Setting or changing an expiry on an existing assignment: a date and time in the future. */
export function makeExpirySchema(now: () => Date = () => new Date()) {
  return z.object({
    expires_at: expiresAtField(now).check(z.refine((v) => v !== '', 'Enter a date and time')),
  });
}

export type ExpiryFormValues = z.output<ReturnType<typeof makeExpirySchema>>;

/** The signed-in admin's own Super Admin assignment: the API refuses to revoke or deactivate it. */
export function isOwnSuperAdmin(a: Pick<Assignment, 'role' | 'user_id'>, currentAdminId: string | undefined): boolean {
  return a.role === 'SUPER_ADMIN' && currentAdminId !== undefined && a.user_id === currentAdminId;
}

export const OWN_SUPER_ADMIN_REASON =
  'This is your own Super Admin role: you cannot revoke, deactivate or put an expiry on it yourself. Another Super Admin can.';
export const LAST_SUPER_ADMIN_REASON =
  'This is the only Super Admin role in force: revoking or deactivating it would leave nobody able to run ScaiKey. Assign Super Admin to someone else first.';
export const LAST_PERMANENT_SUPER_ADMIN_REASON =
  'This is the only Super Admin role in force without an expiry: once an expiry passed, nobody could run ScaiKey. Give another Super Admin an open-ended role first.';

/** The other Super Admin assignments in force, as far as the console could count them. */
export interface OtherSuperAdmins {
  inForce: number;
  withoutExpiry: number;
}

/** Why each protected action is refused for this assignment (null: allowed), as the API decides. */
export interface SuperAdminProtection {
  revokeOrDeactivate: string | null;
  setExpiry: string | null;
}

/**
 * The rules the API enforces (scaikey-api.md, "Security rules"), known in advance so the console
 * says why instead of offering an action that will be refused: your own Super Admin role cannot
 * be revoked, deactivated or given an expiry; nobody's may be if that leaves no Super Admin in
 * force (or none without an expiry). `others` undefined: not counted (yet), so only the first rule.
 */
export function superAdminProtection(
  a: Pick<Assignment, 'role' | 'user_id' | 'is_active' | 'expires_at'>,
  currentAdminId: string | undefined,
  others: OtherSuperAdmins | undefined,
  now: Date = new Date(),
): SuperAdminProtection {
  if (a.role !== 'SUPER_ADMIN') return { revokeOrDeactivate: null, setExpiry: null };
  if (isOwnSuperAdmin(a, currentAdminId)) return { revokeOrDeactivate: OWN_SUPER_ADMIN_REASON, setExpiry: OWN_SUPER_ADMIN_REASON };
  const inForce = a.is_active && (a.expires_at === null || Date.parse(a.expires_at) > now.getTime());
  if (!inForce || !others) return { revokeOrDeactivate: null, setExpiry: null };
  return {
    revokeOrDeactivate: others.inForce === 0 ? LAST_SUPER_ADMIN_REASON : null,
    setExpiry: a.expires_at === null && others.withoutExpiry === 0 ? LAST_PERMANENT_SUPER_ADMIN_REASON : null,
  };
}
