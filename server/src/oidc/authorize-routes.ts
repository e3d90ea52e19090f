import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PasswordBusyError } from '../auth/password';
import type { Db } from '../db/db';
import { parseAuthorizeRequest, responseUrl, type AuthorizeRequest } from './authorize-request';
import { readIdTokenHint } from './id-token';
import { readForm, readQuery, type ParamsResult } from './input';
import { openLoginRequest, sealLoginRequest, type PendingSignIn } from './login-request';
import { errorPage, signInPage, TEXT, tooManyAttempts } from './pages';
import { LOGIN_COOKIE, redirect, REFUSAL_DELAY_MS, SESSION_COOKIE, type Provider } from './provider';
import { looksLikeToken, randomToken } from './secrets';
import { recordSession, recordSignInFailed, recordThrottled } from './sign-in-audit';
import {
  authenticate,
  createCode,
  findSessionByCookie,
  markLoginRequestUsed,
  recordLogin,
  startSession,
  type Authentication,
  type OidcUser,
  type Session,
  type SignInAccount,
} from './store';

/**
 * The authorization endpoint and the sign-in form it shows: a browser with a session gets a code
 * at once; one without gets the sign-in page, whose form posts back to /oauth/login.
 */

export const SESSION_TTL_SECONDS = 12 * 3600;
export const CODE_TTL_SECONDS = 60;
/** How long a sign-in page may stay open before it has to be started again. */
export const LOGIN_TTL_SECONDS = 30 * 60;

/** Relative to /oauth/authorize, so the form works behind any path prefix. */
const LOGIN_ACTION = 'login';
/** Nothing longer is an email address (RFC 5321's path limit); such input never reaches the database. */
const MAX_EMAIL_LENGTH = 254;

const LOGIN_EXPIRED =
  'This sign-in page has expired or was opened in another browser. Return to the application and sign in again.';

export function authorizeRoutes(p: Provider): Hono {
  const app = new Hono();
  app.get('/oauth/authorize', (c) => authorize(p, c, readQuery(c)));
  // OIDC Core §3.1.2.1: the authorization endpoint also takes the request as a form POST.
  app.post('/oauth/authorize', async (c) => {
    const form = await readForm(c);
    return authorize(p, c, form.ok ? { ok: true, params: form.params ?? new URLSearchParams() } : form);
  });
  app.post(`/oauth/${LOGIN_ACTION}`, (c) => signIn(p, c));
  return app;
}

// ------------------------------------------------------------ authorize

async function authorize(p: Provider, c: Context, read: ParamsResult): Promise<Response> {
  if (!read.ok) return p.refusedPage(c, read);
  await p.housekeeping();
  const parsed = parseAuthorizeRequest(read.params, p.ctx.config);
  if (parsed.kind === 'page') return p.page(c, errorPage(parsed.message), 400);
  if (parsed.kind === 'redirect') {
    const { redirectUri, error, description, state } = parsed;
    return redirect(c, responseUrl(redirectUri, { error, error_description: description, state, iss: p.issuer() }));
  }
  const req = parsed.request;
  const now = p.ctx.now();
  const session = await reusableSession(p, c, req, now);
  if (session) {
    const code = await createCodeFor(p.ctx.db, req, session, now);
    return redirect(c, responseUrl(req.redirectUri, { code, state: req.state, iss: p.issuer() }));
  }
  if (req.prompt.has('none')) {
    const error = { error: 'login_required', error_description: 'The user is not signed in' };
    return redirect(c, responseUrl(req.redirectUri, { ...error, state: req.state, iss: p.issuer() }));
  }
  return showSignIn(p, c, req, now);
}

/**
 * The browser's live session, when the request may be answered from it without asking: not with
 * prompt=login, not past max_age, and not when the id_token_hint names someone else.
 */
async function reusableSession(p: Provider, c: Context, req: AuthorizeRequest, now: Date): Promise<Session | null> {
  const session = await p.liveSession(c, now);
  if (!session || req.prompt.has('login')) return null;
  if (req.maxAge !== null) {
    const fresh = now.getTime() - Date.parse(session.auth_time) <= req.maxAge * 1000;
    if (!fresh) return null;
  }
  if (req.idTokenHint) {
    // The application expects someone else to be signed in: do not answer for them silently.
    const hint = await readIdTokenHint(p.ctx, req.idTokenHint);
    if (hint && hint.sub !== session.user_id) return null;
  }
  return session;
}

/** A code for the request (from /authorize or a sign-in page), for the session's user. */
function createCodeFor(db: Db, request: AuthorizeRequest | PendingSignIn, session: Session, now: Date): Promise<string> {
  return createCode(db, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    scope: request.scope,
    userId: session.user_id,
    sessionId: session.id,
    authTime: session.auth_time,
    now,
    ttl: CODE_TTL_SECONDS,
  });
}

async function showSignIn(p: Provider, c: Context, req: AuthorizeRequest, now: Date): Promise<Response> {
  const existing = getCookie(c, LOGIN_COOKIE);
  const browserSecret = looksLikeToken(existing) ? existing : randomToken();
  setCookie(c, LOGIN_COOKIE, browserSecret, p.cookieOptions(LOGIN_TTL_SECONDS, '/oauth'));
  // Kept in the page, signed, not stored: an anonymous authorize writes nothing (login-request.ts).
  const loginId = sealLoginRequest(await p.key(), browserSecret, {
    clientId: req.clientId,
    redirectUri: req.redirectUri,
    scope: req.scope,
    state: req.state,
    nonce: req.nonce,
    codeChallenge: req.codeChallenge,
    expiresAt: now.getTime() + LOGIN_TTL_SECONDS * 1000,
  });
  return p.page(c, signInPage({ loginId, action: LOGIN_ACTION, email: req.loginHint ?? '' }));
}

// ------------------------------------------------------------ the sign-in form

/** The sign-in page again, with what was typed (never the password) and why it was refused. */
type SignInAgain = (error: string, status?: ContentfulStatusCode) => Response;

async function signIn(p: Provider, c: Context): Promise<Response> {
  const form = await readForm(c);
  if (!form.ok) return p.refusedPage(c, form);
  await p.housekeeping();
  const fields = form.params ?? new URLSearchParams();
  const loginId = fields.get('login_id') ?? '';
  const email = (fields.get('email') ?? '').trim();
  const password = fields.get('password') ?? '';
  const now = p.ctx.now();

  const browser = getCookie(c, LOGIN_COOKIE);
  const pending = looksLikeToken(browser) ? openLoginRequest(await p.key(), browser, loginId, now) : null;
  if (!pending || !looksLikeToken(browser)) return p.page(c, errorPage(LOGIN_EXPIRED), 400);
  const again: SignInAgain = (error, status = 200) =>
    p.page(c, signInPage({ loginId, action: LOGIN_ACTION, email, error }), status);

  const checked = await checkCredentials(p, c, { email, password, now }, again);
  if (!checked.ok) return checked.response;
  const { user, account } = checked;
  const done = await completeSignIn(p, c, { pending, browser, user, account, now });
  if (!done) return p.page(c, errorPage(LOGIN_EXPIRED), 400);
  setCookie(c, SESSION_COOKIE, done.cookie, p.cookieOptions(SESSION_TTL_SECONDS));
  // 303, not 302: the browser must not replay the credentials POST (RFC 9700 §4.12).
  return redirect(c, responseUrl(pending.redirectUri, { code: done.code, state: pending.state, iss: p.issuer() }), 303);
}

/**
 * The user whose email and password these are, or the page that says why not. Throttled before
 * anything costly: a refused attempt reads nothing and hashes nothing. A checked attempt that
 * fails is audited, and so is a throttled one, sampled (sign-in-audit.ts); an empty or overlong
 * field, no attempt at anyone's account, is not.
 */
async function checkCredentials(
  p: Provider,
  c: Context,
  { email, password, now }: { email: string; password: string; now: Date },
  again: SignInAgain,
): Promise<{ ok: true; user: OidcUser; account: SignInAccount } | { ok: false; response: Response }> {
  const refuse = (response: Response) => ({ ok: false as const, response });
  if (!email || !password) return refuse(again(TEXT.missingCredentials));
  // Longer than any address: no account has it, and it need not cost a hash or a query.
  if (email.length > MAX_EMAIL_LENGTH) return refuse(again(TEXT.invalidCredentials));

  const address = p.clientAddress(c);
  const wait = p.throttle.wait(email, address, now);
  if (wait > 0) {
    await recordThrottled(p, c, email);
    return refuse(await throttled(p, c, wait, again));
  }
  const attempt = p.throttle.begin(email, address, now);
  let found: Authentication;
  try {
    found = await authenticate(p.ctx.db, email, password);
  } catch (err) {
    attempt.abandoned(p.ctx.now());
    if (!(err instanceof PasswordBusyError)) throw err;
    c.header('Retry-After', '5');
    return refuse(again(TEXT.busy, 503));
  }
  const { user, account } = found;
  if (!user) {
    const lockedFor = attempt.failed(p.ctx.now());
    await recordSignInFailed(p, c, { email, account, nowThrottled: lockedFor > 0 });
    return refuse(lockedFor > 0 ? await throttled(p, c, lockedFor, again) : again(TEXT.invalidCredentials));
  }
  attempt.succeeded(p.ctx.now());
  return { ok: true, user, account };
}

/** A throttled sign-in: a 429 after a pause, saying (Retry-After, and on the page) when to try again. */
async function throttled(p: Provider, c: Context, waitMs: number, again: SignInAgain): Promise<Response> {
  const delay = p.options.refusalDelayMs ?? REFUSAL_DELAY_MS;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
  return again(tooManyAttempts(waitMs), 429);
}

/**
 * In one transaction: records the page as used (a second submit of it gets null), starts or
 * renews the browser's session, audits it (the 303 signIn answers with), and makes the code.
 */
async function completeSignIn(
  p: Provider,
  c: Context,
  { pending, browser, user, account, now }: { pending: PendingSignIn; browser: string; user: OidcUser; account: SignInAccount; now: Date },
): Promise<{ cookie: string; code: string } | null> {
  const sessionCookie = getCookie(c, SESSION_COOKIE);
  return p.ctx.db.transaction(async (tx) => {
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
    await recordLogin(tx, user.id, now);
    const { session, cookie } = await startSession(tx, { userId: user.id, previous, now, ttl: SESSION_TTL_SECONDS });
    await recordSession(tx, p, c, 'auth.sign_in_succeeded', { session, account, statusCode: 303 });
    return { cookie, code: await createCodeFor(tx, pending, session, now) };
  });
}
