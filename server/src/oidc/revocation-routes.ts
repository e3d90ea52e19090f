import { Hono } from 'hono';
import type { AppContext } from '../context';
import { readForm } from './input';
import { oauthError, refusedJson } from './provider';
import { looksLikeToken } from './secrets';
import { findRefreshToken, revokeFamily } from './store';

/** Token revocation (RFC 7009) for the one public client. */
export function revocationRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.post('/oauth/revoke', async (c) => {
    const form = await readForm(c);
    if (!form.ok) return refusedJson(c, form);
    const params = form.params;
    const token = params?.get('token');
    if (!params || !token) return oauthError(c, 400, 'invalid_request', 'token is required');
    const clientId = params.get('client_id');
    if (clientId !== null && clientId !== ctx.config.client.clientId) {
      return oauthError(c, 401, 'invalid_client', 'Unknown client');
    }
    // Access tokens are self-contained JWTs and expire on their own; only refresh tokens are
    // stored, so those are what revocation acts on (with their whole family). Unknown: still 200.
    if (looksLikeToken(token)) {
      const row = await findRefreshToken(ctx.db, token);
      if (row && row.client_id === ctx.config.client.clientId) await revokeFamily(ctx.db, row.family_id, ctx.now());
    }
    c.header('Cache-Control', 'no-store');
    return c.body(null, 200);
  });
  return app;
}
