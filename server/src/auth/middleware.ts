import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { TokenError, verifyAccessToken, type AccessClaims, type RoleClaim } from './tokens';

/** What the auth middleware leaves on the Hono context for the routes. */
export interface AuthEnv {
  Variables: { auth: AccessClaims };
}

const ROLE_CLAIMS: readonly RoleClaim[] = ['super_admin', 'partner_admin', 'tenant_admin'];

function unauthorized(detail: string, challenge: string): HttpError {
  return new HttpError(401, detail, { 'WWW-Authenticate': challenge });
}

/**
 * Requires `Authorization: Bearer <access token>`. Missing or unverifiable → 401 "Not
 * authenticated"; expired → 401 "Token has expired" with error="invalid_token", so a client
 * knows a refresh may help. The claims are then available as `c.get('auth')`.
 */
export function requireAuth(ctx: AppContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Not authenticated', 'Bearer');
    try {
      c.set('auth', await verifyAccessToken(ctx, match[1]));
    } catch (err) {
      if (err instanceof TokenError && err.reason === 'expired') {
        throw unauthorized('Token has expired', 'Bearer error="invalid_token", error_description="The access token expired"');
      }
      throw unauthorized('Not authenticated', 'Bearer');
    }
    await next();
  };
}

/** The token's admin role (the claim alone decides; there is no database lookup), or null. */
export function roleOf(claims: AccessClaims): RoleClaim | null {
  return claims.role && ROLE_CLAIMS.includes(claims.role) ? claims.role : null;
}

/** 403 with `detail` unless the token says super_admin. Runs after requireAuth. */
export function requireSuperAdmin(detail: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (roleOf(c.get('auth')) !== 'super_admin') throw new HttpError(403, detail);
    await next();
  };
}
