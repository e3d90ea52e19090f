import { compactVerify, SignJWT } from 'jose';
import type { AppContext } from '../context';
import type { RoleClaim } from '../auth/tokens';
import type { OidcUser } from './store';
import { oidcUrls } from './urls';

/** The user's standard claims, as far as the granted scopes allow (OIDC Core §5.4). */
export function profileClaims(user: OidcUser, scope: string): Record<string, unknown> {
  const scopes = new Set(scope.split(' '));
  const claims: Record<string, unknown> = {};
  if (scopes.has('email')) {
    claims.email = user.email;
    // The stand-in has no verification step: every account's email counts as verified.
    claims.email_verified = true;
  }
  if (scopes.has('profile')) {
    const name =
      user.display_name || [user.first_name, user.last_name].filter(Boolean).join(' ') || undefined;
    if (name) claims.name = name;
    if (user.first_name) claims.given_name = user.first_name;
    if (user.last_name) claims.family_name = user.last_name;
  }
  return claims;
}

export interface IdTokenInput {
  user: OidcUser;
  clientId: string;
  scope: string;
  /** ISO timestamp of the sign-in. */
  authTime: string;
  /** Only on the authorization-code response; refreshed ID tokens carry none. */
  nonce?: string | null;
  sessionId?: string | null;
  role?: RoleClaim;
}

/** RS256 ID token signed with the same key (and kid) as access tokens; lives as long as they do. */
export async function signIdToken(ctx: AppContext, input: IdTokenInput): Promise<string> {
  const now = Math.floor(ctx.now().getTime() / 1000);
  const claims: Record<string, unknown> = {
    auth_time: Math.floor(new Date(input.authTime).getTime() / 1000),
    ...profileClaims(input.user, input.scope),
  };
  if (input.nonce) claims.nonce = input.nonce;
  if (input.sessionId) claims.sid = input.sessionId;
  if (input.role) claims.role = input.role;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: ctx.keys.kid, typ: 'JWT' })
    .setIssuer(oidcUrls(ctx.config).issuer)
    .setSubject(input.user.id)
    .setAudience(input.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ctx.config.tokenTtl)
    .sign(ctx.keys.privateKey);
}

/**
 * An id_token_hint: one of our ID tokens, signature, issuer and audience checked but expiry
 * ignored (an expired ID token is still a fine hint). Null when it is not ours.
 */
export async function readIdTokenHint(
  ctx: AppContext,
  token: string,
): Promise<{ sub: string; sid?: string } | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(token, ctx.keys.publicKey, {
      algorithms: ['RS256'],
    });
    if (protectedHeader.typ === 'at+jwt') return null; // an access token is no ID token
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const aud = claims.aud;
    const audOk = aud === ctx.config.client.clientId || (Array.isArray(aud) && aud.includes(ctx.config.client.clientId));
    if (claims.iss !== oidcUrls(ctx.config).issuer || !audOk || typeof claims.sub !== 'string') return null;
    return { sub: claims.sub, sid: typeof claims.sid === 'string' ? claims.sid : undefined };
  } catch {
    return null;
  }
}
