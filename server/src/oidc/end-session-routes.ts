import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { LIMITS, responseUrl } from './authorize-request';
import { readIdTokenHint } from './id-token';
import { readForm, readQuery, type ParamsResult } from './input';
import { signedOutPage, signOutConfirmPage } from './pages';
import { redirect, SESSION_COOKIE, type Provider } from './provider';
import { hmac, looksLikeToken, sameSecret } from './secrets';
import { recordSession } from './sign-in-audit';
import { endSession, findSessionById, findSessionRowByCookie, findSignInAccountById, type Session } from './store';

/** Relative to /oauth/logout: the confirmation posts back to where it was shown. */
const LOGOUT_ACTION = 'logout';
/** How long a sign-out confirmation page stays good for. */
const LOGOUT_CONFIRM_TTL_SECONDS = 10 * 60;

/** RP-Initiated Logout 1.0, by GET or POST (the confirmation page posts). */
export function endSessionRoutes(p: Provider): Hono {
  const app = new Hono();
  app.get('/oauth/logout', (c) => logout(p, c));
  app.post('/oauth/logout', (c) => logout(p, c));
  return app;
}

/**
 * A sign-out confirmation's token: bound to the session it would end (its id, which only this
 * browser's cookie leads to) and to an expiry, under the provider's HMAC key. A page on
 * another site can neither read it nor make it, so it cannot post a sign-out for the user.
 */
async function logoutToken(p: Provider, sessionId: string, now: Date): Promise<string> {
  const expires = String(Math.floor(now.getTime() / 1000) + LOGOUT_CONFIRM_TTL_SECONDS);
  return `${expires}.${hmac(await p.key(), 'logout.v1', sessionId, expires)}`;
}

async function logoutTokenValid(p: Provider, token: string | null, sessionId: string, now: Date): Promise<boolean> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match?.[1] || !match[2] || Number(match[1]) * 1000 <= now.getTime()) return false;
  return sameSecret(match[2], hmac(await p.key(), 'logout.v1', sessionId, match[1]));
}

async function readLogoutRequest(c: Context): Promise<ParamsResult> {
  if (c.req.method !== 'POST') return readQuery(c);
  const form = await readForm(c);
  return form.ok ? { ok: true, params: form.params ?? new URLSearchParams() } : form;
}

interface AfterLogout {
  postLogout: string | null;
  state: string | null;
  clientId: string | null;
}

/** Where a sign-out goes: the client's registered post-logout URI (with its status), or the signed-out page. */
type LogoutAnswer = { status: 302 | 303; url: string } | { status: 200; url: null };

function logoutAnswer(p: Provider, c: Context, { postLogout, state, clientId }: AfterLogout): LogoutAnswer {
  const { client } = p.ctx.config;
  const clientOk = clientId === null || clientId === client.clientId;
  if (postLogout && clientOk && client.postLogoutRedirectUris.includes(postLogout)) {
    return { status: c.req.method === 'POST' ? 303 : 302, url: responseUrl(postLogout, { state }) };
  }
  return { status: 200, url: null };
}

/** The cookie goes; then the answer. */
function signedOut(p: Provider, c: Context, answer: LogoutAnswer): Response {
  deleteCookie(c, SESSION_COOKIE, p.cookieOptions(0));
  return answer.url === null ? p.page(c, signedOutPage()) : redirect(c, answer.url, answer.status);
}

/**
 * Ends the session; when it was live and this request is the one that ended it, audits the end
 * (`auth.signed_out`, with the status the request is answered with) in the same transaction.
 * The console's sign-out comes here and nowhere else (src/lib/auth.ts: signoutRedirect with the
 * id_token_hint, no token revocation first), so one sign-out is one entry; a revocation
 * (revocation-routes.ts) ends no session and is not one.
 */
async function endAndRecord(p: Provider, c: Context, session: Session, statusCode: number): Promise<void> {
  const now = p.ctx.now();
  const live = Date.parse(session.expires_at) > now.getTime();
  await p.ctx.db.transaction(async (tx) => {
    const ended = await endSession(tx, session.id, now);
    if (!ended || !live) return;
    const account = await findSignInAccountById(tx, session.user_id);
    await recordSession(tx, p, c, 'auth.signed_out', { session, account, statusCode });
  });
}

/**
 * RP-Initiated Logout. The session cookie alone never signs anyone out, since any site can
 * send a browser here with it: the request must carry an id_token_hint of the signed-in user
 * (what the console sends), or the user confirms on a page whose form posts back a token bound
 * to the session. Without a session there is nothing to protect, and the hint alone (no cookie
 * came along) still ends the session its sid names.
 */
async function logout(p: Provider, c: Context): Promise<Response> {
  const read = await readLogoutRequest(c);
  if (!read.ok) return p.refusedPage(c, read);
  const { params } = read;
  const hintToken = params.get('id_token_hint');
  const after: AfterLogout = {
    postLogout: params.get('post_logout_redirect_uri'),
    state: params.get('state'),
    clientId: params.get('client_id'),
  };
  if ((after.state?.length ?? 0) > LIMITS.state || (hintToken?.length ?? 0) > LIMITS.id_token_hint) {
    return p.refusedPage(c, { ok: false, status: 400, reason: 'too long' });
  }
  const { db } = p.ctx;
  const now = p.ctx.now();
  const hint = hintToken ? await readIdTokenHint(p.ctx, hintToken) : null;
  const answer = logoutAnswer(p, c, after);

  const cookie = getCookie(c, SESSION_COOKIE);
  const session = looksLikeToken(cookie) ? await findSessionRowByCookie(db, cookie) : null;
  if (session) {
    const live = Date.parse(session.expires_at) > now.getTime();
    const confirmed = c.req.method === 'POST' && (await logoutTokenValid(p, params.get('csrf_token'), session.id, now));
    if (live && hint?.sub !== session.user_id && !confirmed) {
      // No hint, a hint that is not ours, or one for someone else: ask the user.
      const csrfToken = await logoutToken(p, session.id, now);
      const { postLogout: postLogoutRedirectUri, state, clientId } = after;
      return p.page(c, signOutConfirmPage({ action: LOGOUT_ACTION, csrfToken, postLogoutRedirectUri, state, clientId }));
    }
    await endAndRecord(p, c, session, answer.status);
  } else if (hint?.sid) {
    // No cookie came along: the ID token's sid still names the session to end.
    const bySid = await findSessionById(db, hint.sid);
    if (bySid && bySid.user_id === hint.sub) await endAndRecord(p, c, bySid, answer.status);
  }
  return signedOut(p, c, answer);
}
