import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppContext } from '../context';
import { requestAddress, trustsForwardedFor } from '../http/client-address';
import type { Refusal } from './input';
import { errorPage, pageHeaders, TEXT } from './pages';
import { RefusalLog } from './refusal-log';
import { deriveHmacKey, looksLikeToken } from './secrets';
import { deleteExpired, findSessionByCookie, type Session } from './store';
import { addressKey, SignInThrottle } from './throttle';
import { oidcUrls, PLATFORM_PATH } from './urls';

/**
 * What the parts of the OIDC provider share (routes.ts builds one per createOidcRoutes): its
 * options and sign-in throttle, the HMAC key, the cookies' scope, the housekeeping of expired
 * rows, and the ways it answers (pages, redirects, OAuth errors).
 */

/** The browser's sign-in session: HttpOnly, SameSite=Lax, Path=/api/v1/platform, 12 h. */
export const SESSION_COOKIE = 'scaikey_session';
/** Binds a pending sign-in to the browser that opened the sign-in page (login CSRF). */
export const LOGIN_COOKIE = 'scaikey_login';

const HOUSEKEEPING_INTERVAL_MS = 60_000;

export interface OidcOptions {
  /**
   * Take the client address (for the sign-in throttle and the audit log) from the last X-Forwarded-For entry.
   * Only behind a proxy that sets it: otherwise any client could claim any address.
   */
  trustForwardedFor?: boolean;
  /** The client address of a request, instead of the socket's; for tests (app.request has no socket). Audited as given. */
  clientAddress?: (c: Context) => string | undefined;
  /** The sign-in throttle's state; a fresh one by default. */
  throttle?: SignInThrottle;
  /**
   * How long a refused (throttled) sign-in waits before its 429, in milliseconds; default
   * REFUSAL_DELAY_MS. A timer, not work: it paces a client that retries as soon as it is
   * answered, so a loop hammering a locked account or address costs the server next to nothing.
   */
  refusalDelayMs?: number;
  /** Which throttled sign-ins get an audit entry (refusal-log.ts); a fresh one by default. */
  refusalLog?: RefusalLog;
}

export const REFUSAL_DELAY_MS = 1000;

/**
 * Options from the environment: TRUST_X_FORWARDED_FOR=1 when the stand-in runs behind a proxy
 * that sets X-Forwarded-For. (Read here rather than in config.ts, which the provider shares.)
 */
export function oidcOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcOptions {
  return { trustForwardedFor: trustsForwardedFor(env) };
}

export interface Provider {
  ctx: AppContext;
  options: OidcOptions;
  throttle: SignInThrottle;
  refusalLog: RefusalLog;
  /** The issuer URL, sent as `iss` with every authorization response. */
  issuer(): string;
  /** The provider's HMAC key (secrets.ts), derived once. */
  key(): Promise<Buffer>;
  /** The request's client address as the provider sees it (the audit log's ip_address); null without a socket. */
  clientIp(c: Context): string | null;
  /** The throttle's key for the request's client address. */
  clientAddress(c: Context): string;
  /** Cookie scope: the platform mount as the browser sees it (PUBLIC_URL may carry a path prefix). */
  cookieOptions(maxAge: number, under?: string): CookieOptions;
  /** Expired rows go at most once a minute (by the injected clock), on the busy endpoints. */
  housekeeping(): Promise<void>;
  /** The browser's live session, from its session cookie. */
  liveSession(c: Context, now: Date): Promise<Session | null>;
  /** An HTML page with the provider's headers (CSP, no-store, no framing). */
  page(c: Context, body: string, status?: ContentfulStatusCode): Response;
  /** A refused query or body on a browser endpoint: an error page, never a redirect. */
  refusedPage(c: Context, refusal: Refusal): Response;
}

export function createProvider(ctx: AppContext, options: OidcOptions): Provider {
  let hmacKey: Promise<Buffer> | undefined;
  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  const page = (c: Context, body: string, status: ContentfulStatusCode = 200) => c.html(body, status, pageHeaders(ctx.config));
  const clientIp = (c: Context) => options.clientAddress?.(c) ?? requestAddress(c, options.trustForwardedFor ?? false) ?? null;
  return {
    ctx,
    options,
    throttle: options.throttle ?? new SignInThrottle(),
    refusalLog: options.refusalLog ?? new RefusalLog(),
    issuer: () => oidcUrls(ctx.config).issuer,
    key: () => (hmacKey ??= deriveHmacKey(ctx.keys.privateKey, 'oidc')),
    clientIp,
    // No socket (app.request in tests): every such request counts as one client.
    clientAddress: (c) => addressKey(clientIp(c) ?? 'unknown'),
    cookieOptions: (maxAge, under = '') => ({
      path: `${new URL(ctx.config.publicUrl).pathname.replace(/\/+$/, '')}${PLATFORM_PATH}${under}`,
      httpOnly: true,
      sameSite: 'Lax',
      secure: ctx.config.publicUrl.startsWith('https:'),
      maxAge,
    }),
    async housekeeping() {
      const now = ctx.now().getTime();
      if (Math.abs(now - lastHousekeeping) < HOUSEKEEPING_INTERVAL_MS) return;
      lastHousekeeping = now;
      await deleteExpired(ctx.db, ctx.now());
    },
    async liveSession(c, now) {
      const cookie = getCookie(c, SESSION_COOKIE);
      return looksLikeToken(cookie) ? findSessionByCookie(ctx.db, cookie, now) : null;
    },
    page,
    refusedPage: (c, refusal) => page(c, errorPage(refusal.status === 413 ? TEXT.tooLarge : TEXT.malformedRequest), refusal.status),
  };
}

/** A redirect nobody caches, whose URL (a code, a state) no Referer carries on. */
export function redirect(c: Context, url: string, status: 302 | 303 = 302): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(url, status);
}

/** An OAuth error answer (RFC 6749 §5.2): `{error, error_description}`, never cached. */
export function oauthError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return c.json({ error, error_description: description }, status, { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers });
}

/** A refused body on an OAuth endpoint: its JSON error. */
export const refusedJson = (c: Context, refusal: Refusal): Response => oauthError(c, refusal.status, 'invalid_request', refusal.reason);
