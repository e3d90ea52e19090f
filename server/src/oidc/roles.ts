import type { components } from '../../../src/lib/api/schema';
import type { RoleClaim } from '../auth/tokens';
import type { Db } from '../db/db';
import { findRoleInForce } from './store';

export type AdminRole = components['schemas']['AdminRole'];

/** The one admin role assignment that counts for a user right now. */
export interface ResolvedAdminRole {
  /** The admin_roles row (adr_...). */
  assignmentId: string;
  /** As the Admin API writes it: SUPER_ADMIN... */
  role: AdminRole;
  /** As the JWT `role` claim carries it: super_admin... */
  claim: RoleClaim;
  /** The assignment's partner (PARTNER_ADMIN only). */
  partnerId: string | null;
  /** The assignment's tenant (TENANT_ADMIN only). */
  tenantId: string | null;
}

/**
 * The user's highest admin role assignment that is in force at `now`: active, not soft-deleted,
 * not expired (an assignment whose expires_at has passed is expired whatever is_active says), and
 * whose partner or tenant has not been soft-deleted. SUPER_ADMIN > PARTNER_ADMIN > TENANT_ADMIN;
 * among equals the oldest assignment wins, so the answer is stable. Null: not an admin.
 *
 * Used by the OIDC provider for tokens and userinfo, and by the Admin API for /auth/me and its
 * permission checks, so both always agree.
 */
export async function resolveAdminRole(
  db: Pick<Db, 'query'>,
  userId: string,
  now: Date,
): Promise<ResolvedAdminRole | null> {
  const row = await findRoleInForce(db, userId, now);
  if (!row) return null;
  return {
    assignmentId: row.id,
    role: row.role,
    claim: row.role.toLowerCase() as RoleClaim,
    partnerId: row.role === 'PARTNER_ADMIN' ? row.partner_id : null,
    tenantId: row.role === 'TENANT_ADMIN' ? row.tenant_id : null,
  };
}

/** The access token's scope claims (scaikey-api.md "Signing in"): tenant_id, role, partner_id. */
export interface AdminClaims {
  tenant_id: string | null;
  role?: RoleClaim;
  partner_id?: string;
}

/**
 * tenant_id is the assignment's tenant for a tenant admin, otherwise the user's own tenant;
 * role is omitted for non-admins; partner_id only for partner admins.
 */
export function adminClaims(userTenantId: string | null, resolved: ResolvedAdminRole | null): AdminClaims {
  if (!resolved) return { tenant_id: userTenantId };
  const claims: AdminClaims = {
    tenant_id: resolved.role === 'TENANT_ADMIN' ? resolved.tenantId : userTenantId,
    role: resolved.claim,
  };
  if (resolved.role === 'PARTNER_ADMIN' && resolved.partnerId) claims.partner_id = resolved.partnerId;
  return claims;
}
