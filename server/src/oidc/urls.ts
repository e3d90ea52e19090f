import type { ServerConfig } from '../config';

/** Where createOidcRoutes is mounted (app.ts), and the path the session cookie is scoped to. */
export const PLATFORM_PATH = '/api/v1/platform';

/** Every URL the provider hands out, all derived from PUBLIC_URL. */
export function oidcUrls(config: Pick<ServerConfig, 'publicUrl'>) {
  const base = `${config.publicUrl}${PLATFORM_PATH}`;
  return {
    /** Also what server/src/auth/tokens.ts puts in access tokens' iss. */
    issuer: `${base}/oauth`,
    discovery: `${base}/oauth/.well-known/openid-configuration`,
    authorization: `${base}/oauth/authorize`,
    token: `${base}/oauth/token`,
    userinfo: `${base}/oauth/userinfo`,
    revocation: `${base}/oauth/revoke`,
    endSession: `${base}/oauth/logout`,
    jwks: `${base}/.well-known/jwks.json`,
  };
}

/** The origins the console's redirect URIs live on: the sign-in form may redirect there. */
export function redirectOrigins(config: Pick<ServerConfig, 'client'>): string[] {
  const origins = new Set<string>();
  for (const uri of config.client.redirectUris) {
    try {
      origins.add(new URL(uri).origin);
    } catch {
      // A malformed configured URI can never match a request either; leave it out.
    }
  }
  return [...origins];
}
