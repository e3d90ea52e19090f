import type { MiddlewareHandler } from 'hono';
import type { AuditTrail } from '../audit/recorder';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { resolveAdminRole, type ResolvedAdminRole } from '../oidc/roles';
import { findActiveUser } from '../oidc/store';
import { TokenError, verifyAccessToken, type AccessClaims } from './tokens';

/** The signed-in caller as the database knows them right now (not as the token remembers them). */
export interface Caller {
  /** usr_... (the token's subject, still a live, ACTIVE user). */
  id: string;
  /** The user's email now (the audit log's actor_email). */
  email: string;
  /** The user's own tenant. */
  tenantId: string | null;
  /** The highest admin role assignment in force at this request, or null: no admin. */
  admin: ResolvedAdminRole | null;
}

/** What the auth middleware leaves on the Hono context for the routes. */
export interface AuthEnv {
  Variables: { auth: AccessClaims; caller: Caller; audit: AuditTrail };
}

function unauthorized(detail: string, challenge: string): HttpError {
  return new HttpError(401, detail, { 'WWW-Authenticate': challenge });
}

/**
 * Requires `Authorization: Bearer <access token>`. Missing or unverifiable (an ID token
 * included: only `typ: at+jwt` opens the API) → 401 "Not authenticated"; expired → 401 "Token
 * has expired" with error="invalid_token", so a client knows a refresh may help.
 *
 * Then the caller is read from the database on every request: a deleted or suspended user gets
 * 401, and `c.get('caller').admin` is the role in force *now* (resolveAdminRole, the same
 * function /auth/me and the token endpoint use). The token's `role` claim decides nothing: a
 * revoked, deactivated or expired Super Admin loses every right at the next request, instead of
 * keeping them (and the power to re-grant them) until the token expires.
 */
export function requireAuth(ctx: AppContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Not authenticated', 'Bearer');
    let claims: AccessClaims;
    try {
      claims = await verifyAccessToken(ctx, match[1]);
    } catch (err) {
      if (err instanceof TokenError && err.reason === 'expired') {
        throw unauthorized('Token has expired', 'Bearer error="invalid_token", error_description="The access token expired"');
      }
      throw unauthorized('Not authenticated', 'Bearer');
    }
    const user = await findActiveUser(ctx.db, claims.sub);
    if (!user) {
      throw unauthorized('User not found', 'Bearer error="invalid_token", error_description="The user can no longer sign in"');
    }
    c.set('auth', claims);
    c.set('caller', { id: user.id, email: user.email, tenantId: user.tenant_id, admin: await resolveAdminRole(ctx.db, user.id, ctx.now()) });
    await next();
  };
}

/** 403 with `detail` unless the caller holds Super Admin in force now. Runs after requireAuth. */
export function requireSuperAdmin(detail: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('caller').admin?.role !== 'SUPER_ADMIN') throw new HttpError(403, detail);
    await next();
  };
}
