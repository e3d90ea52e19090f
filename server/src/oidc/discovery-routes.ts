import { Hono } from 'hono';
import type { ServerConfig } from '../config';
import type { AppContext } from '../context';
import { SUPPORTED_SCOPES } from './authorize-request';
import { oidcUrls } from './urls';

/** OpenID Provider Metadata (OIDC Discovery §3): what the provider supports, at the URLs it serves. */
export function discoveryDocument(config: ServerConfig) {
  const urls = oidcUrls(config);
  return {
    issuer: urls.issuer,
    authorization_endpoint: urls.authorization,
    token_endpoint: urls.token,
    jwks_uri: urls.jwks,
    userinfo_endpoint: urls.userinfo,
    revocation_endpoint: urls.revocation,
    end_session_endpoint: urls.endSession,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...SUPPORTED_SCOPES],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    prompt_values_supported: ['none', 'login'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'sid',
      'email',
      'email_verified',
      'name',
      'given_name',
      'family_name',
      'role',
    ],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
  };
}

/** Discovery and the JWKS: public, and no-cache, so a client revalidates them before reuse. */
export function discoveryRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/oauth/.well-known/openid-configuration', (c) =>
    c.json(discoveryDocument(ctx.config), 200, { 'Cache-Control': 'no-cache' }),
  );
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [ctx.keys.publicJwk] }, 200, { 'Cache-Control': 'no-cache' }));
  return app;
}
