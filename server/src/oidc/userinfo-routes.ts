import { Hono, type Context } from 'hono';
import { TokenError, verifyAccessToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { profileClaims } from './id-token';
import { resolveAdminRole } from './roles';
import { findActiveUser } from './store';

/** A user id as newId('usr') makes them; anything else in a token's sub never reaches the database. */
const USER_ID = /^usr_[A-Za-z0-9_-]{1,64}$/;

/**
 * UserInfo (OIDC Core §5.3), by GET or POST: the access token's user as the database knows them
 * now, claims limited by the token's scope, and the role in force now.
 */
export function userinfoRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/oauth/userinfo', (c) => userinfo(ctx, c));
  app.post('/oauth/userinfo', (c) => userinfo(ctx, c));
  return app;
}

async function userinfo(ctx: AppContext, c: Context): Promise<Response> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  if (!match?.[1]) {
    return c.json({ error: 'invalid_request', error_description: 'A Bearer access token is required' }, 401, {
      ...noStore,
      'WWW-Authenticate': 'Bearer realm="ScaiKey"',
    });
  }
  const unauthorized = (description: string) =>
    c.json({ error: 'invalid_token', error_description: description }, 401, {
      ...noStore,
      'WWW-Authenticate': `Bearer realm="ScaiKey", error="invalid_token", error_description="${description}"`,
    });
  let claims;
  try {
    claims = await verifyAccessToken(ctx, match[1]);
  } catch (err) {
    return unauthorized(err instanceof TokenError ? err.message : 'Could not validate credentials');
  }
  // Signed by us does not make every claim the expected shape: check before using any.
  const claimed = claims as unknown as Record<string, unknown>;
  if (typeof claimed.scope !== 'string' || typeof claimed.sub !== 'string' || !USER_ID.test(claimed.sub)) {
    return unauthorized('Could not validate credentials');
  }
  if (!claims.scope.split(' ').includes('openid')) {
    return c.json({ error: 'insufficient_scope', error_description: 'The openid scope is required' }, 403, {
      ...noStore,
      'WWW-Authenticate': 'Bearer realm="ScaiKey", error="insufficient_scope", scope="openid"',
    });
  }
  const user = await findActiveUser(ctx.db, claims.sub);
  if (!user) return unauthorized('The user can no longer sign in');
  const resolved = await resolveAdminRole(ctx.db, user.id, ctx.now());
  return c.json(
    { sub: user.id, ...profileClaims(user, claims.scope), ...(resolved ? { role: resolved.claim } : {}) },
    200,
    noStore,
  );
}
