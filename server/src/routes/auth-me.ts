import { Hono } from 'hono';
import { requireAuth, type AuthEnv } from '../auth/middleware';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { adminClaims } from '../oidc/roles';
import { refuseOtherMethods } from './shared/paths';

interface MeRow {
  id: string;
  email: string;
  display_name: string | null;
  first_name: string | null;
  last_name: string | null;
  tenant_id: string | null;
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
    const [user] = await ctx.db.query<MeRow>(
      'SELECT id, email, display_name, first_name, last_name, tenant_id FROM users WHERE id = $1 AND deleted_at IS NULL',
      [c.get('caller').id],
    );
    if (!user) throw new HttpError(401, 'User not found', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    const resolved = c.get('caller').admin;
    const claims = adminClaims(user.tenant_id, resolved);
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return c.json({
      id: user.id,
      email: user.email,
      display_name: user.display_name ?? (name || user.email),
      role: resolved?.role ?? null,
      tenant_id: claims.tenant_id,
      partner_id: claims.partner_id ?? null,
    });
  });
  refuseOtherMethods(app, '/auth/me', ['GET']);
  return app;
}
