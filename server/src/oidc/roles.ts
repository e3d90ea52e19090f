import type { components } from '../../../src/lib/api/schema';
import type { RoleClaim } from '../auth/tokens';
import type { Db } from '../db/db';

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
  const rows = await db.query<{
    id: string;
    role: AdminRole;
    partner_id: string | null;
    tenant_id: string | null;
  }>(
    `SELECT r.id, r.role, r.partner_id, r.tenant_id
       FROM admin_roles r
       LEFT JOIN partners p ON p.id = r.partner_id
       LEFT JOIN tenants t ON t.id = r.tenant_id
      WHERE r.user_id = $1
        AND r.deleted_at IS NULL
        AND r.is_active
        AND (r.expires_at IS NULL OR r.expires_at > $2)
        AND p.deleted_at IS NULL
        AND t.deleted_at IS NULL
      ORDER BY CASE r.role WHEN 'SUPER_ADMIN' THEN 0 WHEN 'PARTNER_ADMIN' THEN 1 ELSE 2 END,
               r.created_at, r.id
      LIMIT 1`,
    [userId, now.toISOString()],
  );
  const row = rows[0];
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
