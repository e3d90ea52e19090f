import type { components } from '../../../src/lib/api/schema';

/** An audit entry as the API returns it (openapi: AuditEvent). */
export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditChanges = NonNullable<AuditEvent['changes']>;

/** Every action an entry can carry (scaikey-api.md, "Audit log"); served by GET /audit/actions. */
export const AUDIT_ACTIONS = [
  'tenant.created',
  'tenant.updated',
  'tenant.settings_updated',
  'tenant.deleted',
  'admin_role.assigned',
  'admin_role.updated',
  'admin_role.revoked',
  'user.removed_as_orphan',
  'admin_account.created',
  'admin_account.deleted',
  'auth.sign_in_succeeded',
  'auth.sign_in_failed',
  'auth.signed_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every resource type; served by GET /audit/resource-types. */
export const AUDIT_RESOURCE_TYPES = ['tenant', 'admin_role', 'user', 'admin_account', 'session'] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

/** What an entry is about: its id and its name at that moment, and the tenant/partner it belongs to. */
export interface AuditTarget {
  id: string | null;
  name: string | null;
  tenantId?: string | null;
  partnerId?: string | null;
}

/** Who acted, from where: the request's side of an entry. */
export interface AuditOrigin {
  actorId: string | null;
  actorEmail: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Everything an entry holds but its id, which the store gives it. */
export interface AuditEntry extends AuditOrigin {
  occurredAt: Date;
  action: AuditAction;
  resourceType: AuditResourceType;
  target: AuditTarget;
  result: 'success' | 'failure';
  statusCode: number;
  changes: AuditChanges | null;
  detail: string | null;
}

/** The value recorded for a password or secret, whatever it was: never the value itself. */
export const SECRET_SET = 'set';
