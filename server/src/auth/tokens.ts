import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppContext } from '../context';

/** The JWT `role` claim is lowercase; the API's role values are upper case. */
export type RoleClaim = 'super_admin' | 'partner_admin' | 'tenant_admin';

export interface AccessClaims {
  iss: string;
  aud: string;
  sub: string;
  scope: string;
  tenant_id: string | null;
  exp: number;
  iat: number;
  jti: string;
  role?: RoleClaim;
  partner_id?: string;
}

export interface AccessTokenInput {
  sub: string;
  scope: string;
  tenant_id: string | null;
  role?: RoleClaim;
  partner_id?: string;
  /** Lifetime in seconds; defaults to the configured TOKEN_TTL. */
  ttl?: number;
}

export async function signAccessToken(ctx: AppContext, input: AccessTokenInput): Promise<string> {
  const { ttl = ctx.config.tokenTtl, ...claims } = input;
  const now = Math.floor(ctx.now().getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: ctx.keys.kid, typ: 'at+jwt' })
    .setIssuer(ctx.config.publicUrl + '/api/v1/platform/oauth')
    .setAudience(ctx.config.client.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(randomUUID())
    .sign(ctx.keys.privateKey);
}

export class TokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'expired' | 'invalid',
  ) {
    super(message);
  }
}

/** Verifies signature, issuer, audience and expiry; throws TokenError with a reason. */
export async function verifyAccessToken(ctx: AppContext, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, ctx.keys.publicKey, {
      issuer: ctx.config.publicUrl + '/api/v1/platform/oauth',
      audience: ctx.config.client.clientId,
      algorithms: ['RS256'],
      // RFC 9068: only access tokens open the API. ID tokens share issuer, audience and subject
      // but carry typ "JWT"; without this check one would pass as a bearer token.
      typ: 'at+jwt',
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate: ctx.now(),
    });
    if (typeof payload.sub !== 'string' || !payload.sub.startsWith('usr_')) {
      throw new TokenError('Invalid token subject', 'invalid');
    }
    return payload as unknown as AccessClaims;
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('Token has expired', 'expired');
    throw new TokenError('Could not validate credentials', 'invalid');
  }
}
