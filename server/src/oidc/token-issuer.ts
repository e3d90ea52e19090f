import { signAccessToken } from '../auth/tokens';
import type { AppContext } from '../context';
import type { Db } from '../db/db';
import { signIdToken } from './id-token';
import { adminClaims, resolveAdminRole, type ResolvedAdminRole } from './roles';
import { createRefreshToken, type OidcUser } from './store';

/**
 * The one place the token endpoint issues tokens, whichever grant asked. A grant only checks
 * and consumes what it was given (a code, a refresh token) and says what may be issued; the
 * refresh token, the roles and the signed access and ID tokens are made here the same way for
 * every grant.
 */

/** What a grant may issue, decided in the transaction that consumed its code or refresh token. */
export interface Grant {
  user: OidcUser;
  /** The sign-in's token family: every refresh token rotated from one code, revoked together. */
  familyId: string;
  sessionId: string | null;
  /** Stored with the new refresh token: the scope first granted, which a later refresh may narrow again. */
  grantedScope: string;
  /** This answer's scope: the granted one, or the narrower one a refresh asked for. */
  scope: string;
  /** ISO timestamp of the sign-in. */
  authTime: string;
  /** The authorization request's nonce; null on a refresh (a refreshed ID token carries none). */
  nonce: string | null;
}

/** A refused grant: the OAuth error (invalid_request, invalid_grant, invalid_scope) for a 400. */
export interface GrantError {
  ok: false;
  error: string;
  description: string;
}

export type GrantCheck = { ok: true; grant: Grant } | GrantError;

export const invalidRequest = (description: string): GrantError => ({ ok: false, error: 'invalid_request', description });
export const invalidGrant = (description: string): GrantError => ({ ok: false, error: 'invalid_grant', description });

/** The token endpoint's answer (RFC 6749 §5.1); id_token only when openid was granted. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  id_token?: string;
  scope: string;
}

/** The tokens, or why the grant was refused. */
export type IssueResult = { ok: true; body: TokenResponse } | GrantError;

interface Issued {
  grant: Grant;
  refreshToken: string;
  resolved: ResolvedAdminRole | null;
}

/**
 * Runs the grant's `check` in a transaction and, when it passes, adds the rotated refresh token
 * and reads the roles in that same transaction. A refusal is returned, not thrown, so what the
 * check did before refusing (a replay's revocation) commits. The tokens are signed after commit.
 */
export async function issueTokens(
  ctx: AppContext,
  clientId: string,
  check: (tx: Db, now: Date) => Promise<GrantCheck>,
): Promise<IssueResult> {
  const now = ctx.now();
  const issued = await ctx.db.transaction(async (tx): Promise<GrantError | ({ ok: true } & Issued)> => {
    const checked = await check(tx, now);
    if (!checked.ok) return checked;
    const { grant } = checked;
    const refreshToken = await createRefreshToken(tx, {
      familyId: grant.familyId,
      clientId,
      userId: grant.user.id,
      sessionId: grant.sessionId,
      scope: grant.grantedScope,
      authTime: grant.authTime,
      now,
      ttl: ctx.config.refreshTtl,
    });
    // Roles are read on every grant: a revoked or expired assignment drops out of the new tokens.
    return { ok: true, grant, refreshToken, resolved: await resolveAdminRole(tx, grant.user.id, now) };
  });
  if (!issued.ok) return issued;
  return { ok: true, body: await signTokens(ctx, clientId, issued) };
}

async function signTokens(ctx: AppContext, clientId: string, { grant, refreshToken, resolved }: Issued): Promise<TokenResponse> {
  const { user, scope } = grant;
  const access_token = await signAccessToken(ctx, { sub: user.id, scope, ...adminClaims(user.tenant_id, resolved) });
  const id_token = scope.split(' ').includes('openid')
    ? await signIdToken(ctx, {
        user,
        clientId,
        scope,
        authTime: grant.authTime,
        nonce: grant.nonce,
        sessionId: grant.sessionId,
        role: resolved?.claim,
      })
    : undefined;
  return {
    access_token,
    token_type: 'Bearer',
    expires_in: ctx.config.tokenTtl,
    refresh_token: refreshToken,
    ...(id_token ? { id_token } : {}),
    scope,
  };
}
