import { Hono, type Context } from 'hono';
import type { AppContext } from '../context';
import { readForm } from './input';
import { oauthError, refusedJson, type Provider } from './provider';
import { looksLikeToken, verifyPkceS256 } from './secrets';
import { consumeCode, consumeRefreshToken, findActiveUser, findCode, findRefreshToken, revokeFamily } from './store';
import { invalidGrant, invalidRequest, issueTokens, type GrantCheck, type IssueResult } from './token-issuer';

/**
 * The token endpoint (RFC 6749 §3.2) and its two grants. Each grant checks and consumes what it
 * was given inside issueTokens' transaction; issueTokens (token-issuer.ts) issues the tokens.
 */

export function tokenRoutes(p: Provider): Hono {
  const app = new Hono();
  app.post('/oauth/token', (c) => token(p, c));
  return app;
}

/** One public client, a form body, each parameter at most once (RFC 6749 §3.2). */
async function token(p: Provider, c: Context): Promise<Response> {
  const form = await readForm(c);
  if (!form.ok) return refusedJson(c, form);
  await p.housekeeping();
  const params = form.params;
  if (!params) return oauthError(c, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) return oauthError(c, 400, 'invalid_request', `Parameter ${key} must not be repeated`);
  }
  const clientId = params.get('client_id');
  if (!clientId) return oauthError(c, 401, 'invalid_client', 'client_id is required');
  if (clientId !== p.ctx.config.client.clientId) return oauthError(c, 401, 'invalid_client', 'Unknown client');

  const grantType = params.get('grant_type');
  let result: IssueResult;
  if (grantType === 'authorization_code') result = await authorizationCodeGrant(p.ctx, params, clientId);
  else if (grantType === 'refresh_token') result = await refreshTokenGrant(p.ctx, params, clientId);
  else if (!grantType) return oauthError(c, 400, 'invalid_request', 'grant_type is required');
  else return oauthError(c, 400, 'unsupported_grant_type', `Unsupported grant_type: ${grantType}`);

  if (!result.ok) return oauthError(c, 400, result.error, result.description);
  return c.json(result.body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

/** authorization_code (RFC 6749 §4.1.3) with PKCE: the code is single-use, and a replay revokes what it gave. */
async function authorizationCodeGrant(ctx: AppContext, params: URLSearchParams, clientId: string): Promise<IssueResult> {
  const code = params.get('code');
  const redirectUri = params.get('redirect_uri');
  const verifier = params.get('code_verifier');
  if (!code) return invalidRequest('code is required');
  if (!redirectUri) return invalidRequest('redirect_uri is required');
  if (!verifier) return invalidRequest('code_verifier is required (PKCE)');
  return issueTokens(ctx, clientId, async (tx, now): Promise<GrantCheck> => {
    const row = looksLikeToken(code) ? await findCode(tx, code) : null;
    if (!row) return invalidGrant('The authorization code is invalid');
    if (row.used_at) {
      await revokeFamily(tx, row.family_id, now);
      return invalidGrant('The authorization code has already been used; tokens issued for it are revoked');
    }
    if (row.client_id !== clientId) return invalidGrant('The authorization code was issued to another client');
    if (Date.parse(row.expires_at) <= now.getTime()) return invalidGrant('The authorization code has expired');
    if (row.redirect_uri !== redirectUri) return invalidGrant('redirect_uri does not match the authorization request');
    if (!verifyPkceS256(verifier, row.code_challenge)) {
      return invalidGrant('PKCE verification failed: code_verifier does not match code_challenge');
    }
    if (!(await consumeCode(tx, row.id, now))) {
      await revokeFamily(tx, row.family_id, now);
      return invalidGrant('The authorization code has already been used');
    }
    const user = await findActiveUser(tx, row.user_id);
    if (!user) return invalidGrant('The user can no longer sign in');
    const { family_id: familyId, session_id: sessionId, scope, auth_time: authTime, nonce } = row;
    return { ok: true, grant: { user, familyId, sessionId, grantedScope: scope, scope, authTime, nonce } };
  });
}

/** The scopes asked for, in the granted order; null when none is asked or one was never granted. */
function narrowScope(granted: string, requested: string): string | null {
  const grantedSet = new Set(granted.split(' '));
  const asked = requested.split(' ').filter(Boolean);
  if (asked.length === 0 || asked.some((s) => !grantedSet.has(s))) return null;
  return granted.split(' ').filter((s) => asked.includes(s)).join(' ');
}

/** refresh_token (RFC 6749 §6) with rotation: each refresh token is single-use, and a replay revokes its family. */
async function refreshTokenGrant(ctx: AppContext, params: URLSearchParams, clientId: string): Promise<IssueResult> {
  const token = params.get('refresh_token');
  if (!token) return invalidRequest('refresh_token is required');
  const requestedScope = params.get('scope');
  return issueTokens(ctx, clientId, async (tx, now): Promise<GrantCheck> => {
    const row = looksLikeToken(token) ? await findRefreshToken(tx, token) : null;
    if (!row) return invalidGrant('The refresh token is invalid');
    if (row.client_id !== clientId) return invalidGrant('The refresh token was issued to another client');
    if (row.used_at) {
      // Rotation means a used token is only ever replayed by someone who copied it.
      await revokeFamily(tx, row.family_id, now);
      return invalidGrant('The refresh token has already been used; its token family is revoked');
    }
    if (row.revoked_at) return invalidGrant('The refresh token has been revoked');
    if (Date.parse(row.expires_at) <= now.getTime()) return invalidGrant('The refresh token has expired');
    const scope = requestedScope === null ? row.scope : narrowScope(row.scope, requestedScope);
    if (scope === null) return { ok: false, error: 'invalid_scope', description: 'scope exceeds the scope originally granted' };
    const user = await findActiveUser(tx, row.user_id);
    if (!user) {
      await revokeFamily(tx, row.family_id, now);
      return invalidGrant('The user can no longer sign in');
    }
    if (!(await consumeRefreshToken(tx, row.id, now))) {
      await revokeFamily(tx, row.family_id, now);
      return invalidGrant('The refresh token has already been used; its token family is revoked');
    }
    const { family_id: familyId, session_id: sessionId, auth_time: authTime } = row;
    return { ok: true, grant: { user, familyId, sessionId, grantedScope: row.scope, scope, authTime, nonce: null } };
  });
}
