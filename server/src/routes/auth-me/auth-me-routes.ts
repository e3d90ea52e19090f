import { Hono } from 'hono';
import type { components } from '../../../../src/lib/api/schema';
import { requireAuth, type AuthEnv } from '../../auth/middleware';
import type { AppContext } from '../../context';
import { HttpError } from '../../http/errors';
import { adminClaims, type ResolvedAdminRole } from '../../oidc/roles';
import { refuseOtherMethods } from '../shared/paths';
import { getUser, type User } from '../users/user-store';

type CurrentAdmin = components['schemas']['CurrentAdmin'];

/** The answer of /auth/me: the display name falls back to first + last name, then to the email. */
function currentAdmin(user: User, resolved: ResolvedAdminRole | null): CurrentAdmin {
  const claims = adminClaims(user.tenant_id, resolved);
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name ?? (name || user.email),
    role: resolved?.role ?? null,
    tenant_id: claims.tenant_id,
    partner_id: claims.partner_id ?? null,
  };
}

/**
 * GET /auth/me: any valid token. `role` is the highest assignment in force, read from the
 * database (not the token) so a revoked or expired role shows at once; null when none. It is
 * resolved by the same function the OIDC provider uses for tokens, and tenant_id/partner_id
 * are what the token's claims would say, so the console never sees the two disagree.
 */
export function authMeRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/auth/me', requireAuth(ctx), async (c) => {
    const user = await getUser(ctx.db, c.get('caller').id);
    if (!user) throw new HttpError(401, 'User not found', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    return c.json(currentAdmin(user, c.get('caller').admin));
  });
  refuseOtherMethods(app, '/auth/me', ['GET']);
  return app;
}
