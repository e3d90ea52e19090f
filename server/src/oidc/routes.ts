import { Hono } from 'hono';
import type { AppContext } from '../context';

/**
 * The OIDC provider, mounted by app.ts at /api/v1/platform: discovery, authorize (login page),
 * token, JWKS, userinfo, revocation, end-session.
 */
export function createOidcRoutes(_ctx: AppContext): Hono {
  const app = new Hono();
  return app;
}
