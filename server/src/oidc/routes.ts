import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PasswordBusyError } from '../auth/password';
import { TokenError, verifyAccessToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import type { AppContext } from '../context';
import { LIMITS, parseAuthorizeRequest, responseUrl, SUPPORTED_SCOPES } from './authorize-request';
import { profileClaims, readIdTokenHint } from './id-token';
import { readForm, readQuery, type ParamsResult, type Refusal } from './input';
import { openLoginRequest, sealLoginRequest } from './login-request';
import {
  errorPage,
  pageHeaders,
  signedOutPage,
  signInPage,
  signOutConfirmPage,
  TEXT,
  tooManyAttempts,
} from './pages';
import { resolveAdminRole } from './roles';
import { deriveHmacKey, hmac, looksLikeToken, randomToken, sameSecret, verifyPkceS256 } from './secrets';
import {
  authenticate,
  consumeCode,
  consumeRefreshToken,
  createCode,
  deleteExpired,
  endSession,
  findActiveUser,
  findCode,
  findRefreshToken,
  findSessionById,
  findSessionByCookie,
  findSessionRowByCookie,
  markLoginRequestUsed,
  recordLogin,
  revokeFamily,
  startSession,
  type OidcUser,
  type Session,
} from './store';
import { addressKey, SignInThrottle } from './throttle';
import { invalidGrant, invalidRequest, issueTokens, type GrantCheck } from './token-issuer';
import { oidcUrls, PLATFORM_PATH } from './urls';

/** The browser's sign-in session: HttpOnly, SameSite=Lax, Path=/api/v1/platform, 12 h. */
export const SESSION_COOKIE = 'scaikey_session';
/** Binds a pending sign-in to the browser that opened the sign-in page (login CSRF). */
export const LOGIN_COOKIE = 'scaikey_login';

export const SESSION_TTL_SECONDS = 12 * 3600;
export const CODE_TTL_SECONDS = 60;
/** How long a sign-in page may stay open before it has to be started again. */
export const LOGIN_TTL_SECONDS = 30 * 60;
const HOUSEKEEPING_INTERVAL_MS = 60_000;

/** Relative to /oauth/authorize, so the form works behind any path prefix. */
const LOGIN_ACTION = 'login';
/** Relative to /oauth/logout: the confirmation posts back to where it was shown. */
const LOGOUT_ACTION = 'logout';
/** How long a sign-out confirmation page stays good for. */
const LOGOUT_CONFIRM_TTL_SECONDS = 10 * 60;
/** Nothing longer is an email address (RFC 5321's path limit); such input never reaches the database. */
const MAX_EMAIL_LENGTH = 254;

const LOGIN_EXPIRED =
  'This sign-in page has expired or was opened in another browser. Return to the application and sign in again.';

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

/** authorization_code (RFC 6749 §4.1.3) with PKCE: the code is single-use, and a replay revokes what it gave. */
async function authorizationCodeGrant(ctx: AppContext, params: URLSearchParams, clientId: string) {
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
async function refreshTokenGrant(ctx: AppContext, params: URLSearchParams, clientId: string) {
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

export interface OidcOptions {
  /**
   * Take the client address (for the sign-in throttle) from the last X-Forwarded-For entry.
   * Only behind a proxy that sets it: otherwise any client could claim any address.
   */
  trustForwardedFor?: boolean;
  /** The client address of a request, instead of the socket's; for tests (app.request has no socket). */
  clientAddress?: (c: Context) => string | undefined;
  /** The sign-in throttle's state; a fresh one by default. */
  throttle?: SignInThrottle;
  /**
   * How long a refused (throttled) sign-in waits before its 429, in milliseconds; default
   * REFUSAL_DELAY_MS. A timer, not work: it paces a client that retries as soon as it is
   * answered, so a loop hammering a locked account or address costs the server next to nothing.
   */
  refusalDelayMs?: number;
}

export const REFUSAL_DELAY_MS = 1000;

/**
 * Options from the environment: TRUST_X_FORWARDED_FOR=1 when the stand-in runs behind a proxy
 * that sets X-Forwarded-For. (Read here rather than in config.ts, which the provider shares.)
 */
export function oidcOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcOptions {
  return { trustForwardedFor: /^(1|true|yes)$/i.test(env.TRUST_X_FORWARDED_FOR ?? '') };
}

/** What the sign-in throttle counts by: the node socket's peer, or a trusted proxy's word. */
function socketAddress(c: Context, trustForwardedFor: boolean): string {
  if (trustForwardedFor) {
    const last = (c.req.header('x-forwarded-for') ?? '').split(',').at(-1)?.trim() ?? '';
    if (last.length <= 64 && /^[0-9A-Fa-f:.]+$/.test(last)) return last;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  // No socket (app.request in tests): every such request counts as one client.
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** A user id as newId('usr') makes them; anything else in a token's sub never reaches the database. */
const USER_ID = /^usr_[A-Za-z0-9_-]{1,64}$/;

/** Where the provider's endpoints answer in JSON rather than with a page. */
const JSON_ENDPOINTS = /\/oauth\/(token|revoke|userinfo)$/;

/**
 * The OIDC provider, mounted by app.ts at /api/v1/platform: discovery, authorize (sign-in page),
 * token, JWKS, userinfo, revocation, end-session. One public client (config.client), code flow
 * with PKCE S256 only. Every time comes from ctx.now().
 */
export function createOidcRoutes(ctx: AppContext, options: OidcOptions = oidcOptionsFromEnv()): Hono {
  const app = new Hono();
  const { db } = ctx;
  const issuer = () => oidcUrls(ctx.config).issuer;
  const throttle = options.throttle ?? new SignInThrottle();
  const clientAddress = (c: Context) =>
    addressKey(options.clientAddress?.(c) ?? socketAddress(c, options.trustForwardedFor ?? false));
  let hmacKey: Promise<Buffer> | undefined;
  /** The provider's HMAC key (secrets.ts), derived once. */
  const key = () => (hmacKey ??= deriveHmacKey(ctx.keys.privateKey, 'oidc'));

  /** Cookie scope: the platform mount as the browser sees it (PUBLIC_URL may carry a path prefix). */
  const cookieOptions = (maxAge: number, under = ''): CookieOptions => ({
    path: `${new URL(ctx.config.publicUrl).pathname.replace(/\/+$/, '')}${PLATFORM_PATH}${under}`,
    httpOnly: true,
    sameSite: 'Lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
    maxAge,
  });

  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  /** Expired rows go at most once a minute (by the injected clock), on the busy endpoints. */
  async function housekeeping(): Promise<void> {
    const now = ctx.now().getTime();
    if (Math.abs(now - lastHousekeeping) < HOUSEKEEPING_INTERVAL_MS) return;
    lastHousekeeping = now;
    await deleteExpired(db, ctx.now());
  }

  const page = (c: Context, body: string, status: ContentfulStatusCode = 200) =>
    c.html(body, status, pageHeaders(ctx.config));

  const redirect = (c: Context, url: string, status: 302 | 303 = 302) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(url, status);
  };

  const oauthError = (
    c: Context,
    status: ContentfulStatusCode,
    error: string,
    description: string,
    headers: Record<string, string> = {},
  ) =>
    c.json({ error, error_description: description }, status, {
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      ...headers,
    });

  /** A refused query or body on a browser endpoint: an error page, never a redirect. */
  const refusedPage = (c: Context, refusal: Refusal) =>
    page(c, errorPage(refusal.status === 413 ? TEXT.tooLarge : TEXT.malformedRequest), refusal.status);

  /** A refused body on an OAuth endpoint: its JSON error. */
  const refusedJson = (c: Context, refusal: Refusal) => oauthError(c, refusal.status, 'invalid_request', refusal.reason);

  /**
   * Nothing that fails here may put the request's values (an email, a password, a token) in the
   * log: only the method, the path (escaped) and the error's class and code, with the stack.
   */
  app.onError((err, c) => {
    const code = (err as { code?: unknown }).code;
    const stack = (err.stack ?? '').split('\n').slice(1).join('\n');
    console.error(
      `[oidc] ${c.req.method} ${JSON.stringify(c.req.path)} failed: ${err.name}${typeof code === 'string' ? ` (${code})` : ''}\n${stack}`,
    );
    if (JSON_ENDPOINTS.test(c.req.path)) {
      return oauthError(c, 500, 'server_error', 'The server could not complete the request');
    }
    return page(c, errorPage(TEXT.serverError), 500);
  });

  async function liveSession(c: Context, now: Date): Promise<Session | null> {
    const cookie = getCookie(c, SESSION_COOKIE);
    return looksLikeToken(cookie) ? findSessionByCookie(db, cookie, now) : null;
  }

  // ------------------------------------------------------------ discovery and keys

  app.get('/oauth/.well-known/openid-configuration', (c) =>
    c.json(discoveryDocument(ctx.config), 200, { 'Cache-Control': 'no-cache' }),
  );

  app.get('/.well-known/jwks.json', (c) =>
    c.json({ keys: [ctx.keys.publicJwk] }, 200, { 'Cache-Control': 'no-cache' }),
  );

  // ------------------------------------------------------------ authorize

  async function authorize(c: Context, read: ParamsResult): Promise<Response> {
    if (!read.ok) return refusedPage(c, read);
    await housekeeping();
    const parsed = parseAuthorizeRequest(read.params, ctx.config);
    if (parsed.kind === 'page') return page(c, errorPage(parsed.message), 400);
    if (parsed.kind === 'redirect') {
      return redirect(
        c,
        responseUrl(parsed.redirectUri, {
          error: parsed.error,
          error_description: parsed.description,
          state: parsed.state,
          iss: issuer(),
        }),
      );
    }
    const req = parsed.request;
    const now = ctx.now();
    const session = await liveSession(c, now);

    let reuse = session !== null && !req.prompt.has('login');
    if (session && reuse && req.maxAge !== null) {
      reuse = now.getTime() - Date.parse(session.auth_time) <= req.maxAge * 1000;
    }
    if (session && reuse && req.idTokenHint) {
      // The application expects someone else to be signed in: do not answer for them silently.
      const hint = await readIdTokenHint(ctx, req.idTokenHint);
      if (hint && hint.sub !== session.user_id) reuse = false;
    }
    if (session && reuse) {
      const code = await createCode(db, {
        clientId: req.clientId,
        redirectUri: req.redirectUri,
        codeChallenge: req.codeChallenge,
        nonce: req.nonce,
        scope: req.scope,
        userId: session.user_id,
        sessionId: session.id,
        authTime: session.auth_time,
        now,
        ttl: CODE_TTL_SECONDS,
      });
      return redirect(c, responseUrl(req.redirectUri, { code, state: req.state, iss: issuer() }));
    }
    if (req.prompt.has('none')) {
      return redirect(
        c,
        responseUrl(req.redirectUri, {
          error: 'login_required',
          error_description: 'The user is not signed in',
          state: req.state,
          iss: issuer(),
        }),
      );
    }

    const existing = getCookie(c, LOGIN_COOKIE);
    const browserSecret = looksLikeToken(existing) ? existing : randomToken();
    setCookie(c, LOGIN_COOKIE, browserSecret, cookieOptions(LOGIN_TTL_SECONDS, '/oauth'));
    // Kept in the page, signed, not stored: an anonymous authorize writes nothing (login-request.ts).
    const loginId = sealLoginRequest(await key(), browserSecret, {
      clientId: req.clientId,
      redirectUri: req.redirectUri,
      scope: req.scope,
      state: req.state,
      nonce: req.nonce,
      codeChallenge: req.codeChallenge,
      expiresAt: now.getTime() + LOGIN_TTL_SECONDS * 1000,
    });
    return page(c, signInPage({ loginId, action: LOGIN_ACTION, email: req.loginHint ?? '' }));
  }

  app.get('/oauth/authorize', (c) => authorize(c, readQuery(c)));
  // OIDC Core §3.1.2.1: the authorization endpoint also takes the request as a form POST.
  app.post('/oauth/authorize', async (c) => {
    const form = await readForm(c);
    return authorize(c, form.ok ? { ok: true, params: form.params ?? new URLSearchParams() } : form);
  });

  // ------------------------------------------------------------ the sign-in form

  app.post(`/oauth/${LOGIN_ACTION}`, async (c) => {
    const form = await readForm(c);
    if (!form.ok) return refusedPage(c, form);
    await housekeeping();
    const fields = form.params ?? new URLSearchParams();
    const loginId = fields.get('login_id') ?? '';
    const email = (fields.get('email') ?? '').trim();
    const password = fields.get('password') ?? '';
    const now = ctx.now();

    const browser = getCookie(c, LOGIN_COOKIE);
    const pending = looksLikeToken(browser) ? openLoginRequest(await key(), browser, loginId, now) : null;
    if (!pending || !looksLikeToken(browser)) return page(c, errorPage(LOGIN_EXPIRED), 400);
    const again = (error: string, status: ContentfulStatusCode = 200) =>
      page(c, signInPage({ loginId, action: LOGIN_ACTION, email, error }), status);
    const refused = async (waitMs: number) => {
      const delay = options.refusalDelayMs ?? REFUSAL_DELAY_MS;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
      return again(tooManyAttempts(waitMs), 429);
    };
    if (!email || !password) return again(TEXT.missingCredentials);
    // Longer than any address: no account has it, and it need not cost a hash or a query.
    if (email.length > MAX_EMAIL_LENGTH) return again(TEXT.invalidCredentials);

    // Throttled before anything costly: a refused attempt reads nothing and hashes nothing.
    const address = clientAddress(c);
    const wait = throttle.wait(email, address, now);
    if (wait > 0) return refused(wait);
    const attempt = throttle.begin(email, address, now);
    let user: OidcUser | null;
    try {
      user = await authenticate(db, email, password);
    } catch (err) {
      attempt.abandoned(ctx.now());
      if (err instanceof PasswordBusyError) {
        c.header('Retry-After', '5');
        return again(TEXT.busy, 503);
      }
      throw err;
    }
    if (!user) {
      const lockedFor = attempt.failed(ctx.now());
      return lockedFor > 0 ? refused(lockedFor) : again(TEXT.invalidCredentials);
    }
    attempt.succeeded(ctx.now());
    const signedIn = user;

    const sessionCookie = getCookie(c, SESSION_COOKIE);
    const done = await db.transaction(async (tx) => {
      const first = await markLoginRequestUsed(tx, {
        id: pending.id,
        browserSecret: browser,
        clientId: pending.clientId,
        redirectUri: pending.redirectUri,
        scope: pending.scope,
        codeChallenge: pending.codeChallenge,
        now,
        expiresAt: new Date(pending.expiresAt),
      });
      if (!first) return null; // a double submit
      const previous = looksLikeToken(sessionCookie) ? await findSessionByCookie(tx, sessionCookie, now) : null;
      await recordLogin(tx, signedIn.id, now);
      const { session, cookie } = await startSession(tx, {
        userId: signedIn.id,
        previous,
        now,
        ttl: SESSION_TTL_SECONDS,
      });
      const code = await createCode(tx, {
        clientId: pending.clientId,
        redirectUri: pending.redirectUri,
        codeChallenge: pending.codeChallenge,
        nonce: pending.nonce,
        scope: pending.scope,
        userId: signedIn.id,
        sessionId: session.id,
        authTime: session.auth_time,
        now,
        ttl: CODE_TTL_SECONDS,
      });
      return { cookie, code };
    });
    if (!done) return page(c, errorPage(LOGIN_EXPIRED), 400);
    setCookie(c, SESSION_COOKIE, done.cookie, cookieOptions(SESSION_TTL_SECONDS));
    // 303, not 302: the browser must not replay the credentials POST (RFC 9700 §4.12).
    return redirect(
      c,
      responseUrl(pending.redirectUri, { code: done.code, state: pending.state, iss: issuer() }),
      303,
    );
  });

  // ------------------------------------------------------------ token

  app.post('/oauth/token', async (c) => {
    const form = await readForm(c);
    if (!form.ok) return refusedJson(c, form);
    await housekeeping();
    const params = form.params;
    if (!params) {
      return oauthError(c, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
    }
    for (const key of new Set(params.keys())) {
      if (params.getAll(key).length > 1) {
        return oauthError(c, 400, 'invalid_request', `Parameter ${key} must not be repeated`);
      }
    }
    const clientId = params.get('client_id');
    if (!clientId) return oauthError(c, 401, 'invalid_client', 'client_id is required');
    if (clientId !== ctx.config.client.clientId) return oauthError(c, 401, 'invalid_client', 'Unknown client');

    const grantType = params.get('grant_type');
    let result: Awaited<ReturnType<typeof issueTokens>>;
    if (grantType === 'authorization_code') result = await authorizationCodeGrant(ctx, params, clientId);
    else if (grantType === 'refresh_token') result = await refreshTokenGrant(ctx, params, clientId);
    else if (!grantType) return oauthError(c, 400, 'invalid_request', 'grant_type is required');
    else return oauthError(c, 400, 'unsupported_grant_type', `Unsupported grant_type: ${grantType}`);

    if (!result.ok) return oauthError(c, 400, result.error, result.description);
    return c.json(result.body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  });

  // ------------------------------------------------------------ userinfo

  const userinfo = async (c: Context) => {
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
    const user = await findActiveUser(db, claims.sub);
    if (!user) return unauthorized('The user can no longer sign in');
    const resolved = await resolveAdminRole(db, user.id, ctx.now());
    return c.json(
      { sub: user.id, ...profileClaims(user, claims.scope), ...(resolved ? { role: resolved.claim } : {}) },
      200,
      noStore,
    );
  };
  app.get('/oauth/userinfo', userinfo);
  app.post('/oauth/userinfo', userinfo);

  // ------------------------------------------------------------ revocation (RFC 7009)

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
      const row = await findRefreshToken(db, token);
      if (row && row.client_id === ctx.config.client.clientId) await revokeFamily(db, row.family_id, ctx.now());
    }
    c.header('Cache-Control', 'no-store');
    return c.body(null, 200);
  });

  // ------------------------------------------------------------ end session (RP-Initiated Logout)

  /**
   * A sign-out confirmation's token: bound to the session it would end (its id, which only this
   * browser's cookie leads to) and to an expiry, under the provider's HMAC key. A page on
   * another site can neither read it nor make it, so it cannot post a sign-out for the user.
   */
  const logoutToken = async (sessionId: string, now: Date) => {
    const expires = String(Math.floor(now.getTime() / 1000) + LOGOUT_CONFIRM_TTL_SECONDS);
    return `${expires}.${hmac(await key(), 'logout.v1', sessionId, expires)}`;
  };
  const logoutTokenValid = async (token: string | null, sessionId: string, now: Date) => {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
    if (!match?.[1] || !match[2] || Number(match[1]) * 1000 <= now.getTime()) return false;
    return sameSecret(match[2], hmac(await key(), 'logout.v1', sessionId, match[1]));
  };

  /**
   * RP-Initiated Logout. The session cookie alone never signs anyone out, since any site can
   * send a browser here with it: the request must carry an id_token_hint of the signed-in user
   * (what the console sends), or the user confirms on a page whose form posts back a token bound
   * to the session. Without a session there is nothing to protect, and the hint alone (no cookie
   * came along) still ends the session its sid names.
   */
  const logout = async (c: Context) => {
    let read: ParamsResult;
    if (c.req.method === 'POST') {
      const form = await readForm(c);
      read = form.ok ? { ok: true, params: form.params ?? new URLSearchParams() } : form;
    } else {
      read = readQuery(c);
    }
    if (!read.ok) return refusedPage(c, read);
    const params = read.params;
    const hintToken = params.get('id_token_hint');
    const postLogout = params.get('post_logout_redirect_uri');
    const state = params.get('state');
    const clientId = params.get('client_id');
    if ((state?.length ?? 0) > LIMITS.state || (hintToken?.length ?? 0) > LIMITS.id_token_hint) {
      return refusedPage(c, { ok: false, status: 400, reason: 'too long' });
    }
    const now = ctx.now();
    const hint = hintToken ? await readIdTokenHint(ctx, hintToken) : null;

    const finish = () => {
      deleteCookie(c, SESSION_COOKIE, cookieOptions(0));
      const clientOk = clientId === null || clientId === ctx.config.client.clientId;
      if (postLogout && clientOk && ctx.config.client.postLogoutRedirectUris.includes(postLogout)) {
        return redirect(c, responseUrl(postLogout, { state }), c.req.method === 'POST' ? 303 : 302);
      }
      return page(c, signedOutPage());
    };

    const cookie = getCookie(c, SESSION_COOKIE);
    const session = looksLikeToken(cookie) ? await findSessionRowByCookie(db, cookie) : null;
    if (session) {
      const live = Date.parse(session.expires_at) > now.getTime();
      const confirmed =
        c.req.method === 'POST' && (await logoutTokenValid(params.get('csrf_token'), session.id, now));
      if (live && hint?.sub !== session.user_id && !confirmed) {
        // No hint, a hint that is not ours, or one for someone else: ask the user.
        return page(
          c,
          signOutConfirmPage({
            action: LOGOUT_ACTION,
            csrfToken: await logoutToken(session.id, now),
            postLogoutRedirectUri: postLogout,
            state,
            clientId,
          }),
        );
      }
      const id = session.id;
      await db.transaction((tx) => endSession(tx, id, now));
      return finish();
    }
    if (hint?.sid) {
      // No cookie came along: the ID token's sid still names the session to end.
      const bySid = await findSessionById(db, hint.sid);
      if (bySid && bySid.user_id === hint.sub) {
        const id = bySid.id;
        await db.transaction((tx) => endSession(tx, id, now));
      }
    }
    return finish();
  };
  app.get('/oauth/logout', logout);
  app.post('/oauth/logout', logout);

  return app;
}
