import { Hono, type Context } from 'hono';
import type { AppContext } from '../context';
import { authorizeRoutes } from './authorize-routes';
import { discoveryRoutes } from './discovery-routes';
import { endSessionRoutes } from './end-session-routes';
import { errorPage, TEXT } from './pages';
import { createProvider, oauthError, oidcOptionsFromEnv, type OidcOptions, type Provider } from './provider';
import { revocationRoutes } from './revocation-routes';
import { tokenRoutes } from './token-routes';
import { userinfoRoutes } from './userinfo-routes';

/** Where the provider's endpoints answer in JSON rather than with a page. */
const JSON_ENDPOINTS = /\/oauth\/(token|revoke|userinfo)$/;

/**
 * The OIDC provider, mounted by app.ts at /api/v1/platform: discovery and keys, authorize with
 * its sign-in page, token (its grants around one token issuer, token-issuer.ts), userinfo,
 * revocation, end-session. One public client (config.client), code flow with PKCE S256 only.
 * Every time comes from ctx.now().
 */
export function createOidcRoutes(ctx: AppContext, options: OidcOptions = oidcOptionsFromEnv()): Hono {
  const provider = createProvider(ctx, options);
  const app = new Hono();
  app.onError((err, c) => answerFailure(provider, err, c));
  app.route('/', discoveryRoutes(ctx));
  app.route('/', authorizeRoutes(provider));
  app.route('/', tokenRoutes(provider));
  app.route('/', userinfoRoutes(ctx));
  app.route('/', revocationRoutes(ctx));
  app.route('/', endSessionRoutes(provider));
  return app;
}

/**
 * Nothing that fails here may put the request's values (an email, a password, a token) in the
 * log: only the method, the path (escaped) and the error's class and code, with the stack.
 */
function answerFailure(provider: Provider, err: Error, c: Context): Response {
  const code = (err as { code?: unknown }).code;
  const stack = (err.stack ?? '').split('\n').slice(1).join('\n');
  console.error(
    `[oidc] ${c.req.method} ${JSON.stringify(c.req.path)} failed: ${err.name}${typeof code === 'string' ? ` (${code})` : ''}\n${stack}`,
  );
  if (JSON_ENDPOINTS.test(c.req.path)) {
    return oauthError(c, 500, 'server_error', 'The server could not complete the request');
  }
  return provider.page(c, errorPage(TEXT.serverError), 500);
}
