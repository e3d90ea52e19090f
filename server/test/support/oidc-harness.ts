import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { requestId } from '../../src/http/request-id';
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { loadOrCreateKeys } from '../../src/auth/keys';
import { hashPassword } from '../../src/auth/password';
import { testConfig, type ServerConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { openDb } from '../../src/db/db';
import { newId } from '../../src/ids';
import type { OidcOptions } from '../../src/oidc/provider';
import { createOidcRoutes } from '../../src/oidc/routes';
import { oidcUrls } from '../../src/oidc/urls';

/**
 * The OIDC provider alone, as app.ts will mount it (with its X-Request-Id), over an in-memory
 * database (or a PostgreSQL one) with a handful of accounts and a clock the test can move. One
 * harness per test file: PGlite takes a moment to start.
 */

export const PASSWORD = 'Correct-Horse-42';
export const OTHER_PASSWORD = 'Battery-Staple-7';

export interface Accounts {
  superAdmin: string;
  partnerAdmin: string;
  tenantAdmin: string;
  expiredAdmin: string;
  plainUser: string;
  /** Same email in two tenants: PASSWORD opens dupInA, OTHER_PASSWORD opens dupInB. */
  dupInA: string;
  dupInB: string;
  suspended: string;
  deleted: string;
  noPassword: string;
}

export const EMAIL = {
  superAdmin: 'root@scaikey.test',
  partnerAdmin: 'partner.admin@scaikey.test',
  tenantAdmin: 'tenant.admin@scaikey.test',
  expiredAdmin: 'expired.admin@scaikey.test',
  plainUser: 'plain.user@scaikey.test',
  dup: 'dup@scaikey.test',
  suspended: 'suspended@scaikey.test',
  deleted: 'deleted@scaikey.test',
  noPassword: 'nopassword@scaikey.test',
} as const;

export interface Harness {
  ctx: AppContext;
  app: Hono;
  config: ServerConfig;
  urls: ReturnType<typeof oidcUrls>;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  ids: Accounts;
  partnerId: string;
  tenantA: string;
  tenantB: string;
  clock: {
    /** Moves the provider's clock forward. */
    advance(seconds: number): void;
    /** Back to the start time. */
    reset(): void;
    now(): Date;
  };
  /** A browser: keeps cookies per name, never follows redirects; `headers` go with every request. */
  browser(headers?: Record<string, string>): Browser;
  /** oidc-client-ts's OidcClient set up as the console sets up its UserManager. */
  client(overrides?: Partial<ConstructorParameters<typeof OidcClient>[0]>): OidcClient;
  /** What oidc-client-ts calls instead of the network: straight into the Hono app. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  /** Raw Set-Cookie headers of the last response, for attribute checks. */
  lastSetCookies: string[] = [];

  /** `headers` go with every request (a test's stand-in for the client's address, say). */
  constructor(
    private readonly app: Hono,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) if (!headers.has(name)) headers.set(name, value);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await this.app.request(url, { ...init, headers, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some((a) => /^max-age=0$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/**
 * `options` go to createOidcRoutes (a client address for the throttle, say); none by default.
 * `databaseUrl`: a real PostgreSQL database (postgres.ts) instead of in-memory PGlite.
 */
export async function createHarness(options: OidcOptions = {}, { databaseUrl }: { databaseUrl?: string } = {}): Promise<Harness> {
  const config = testConfig({ databaseUrl: databaseUrl ?? null });
  const db = await openDb(config);
  const keys = await loadOrCreateKeys(null);
  const start = Date.now();
  let offset = 0;
  const now = () => new Date(start + offset);
  const ctx: AppContext = { db, config, keys, now };

  const app = new Hono();
  app.use('*', requestId());
  app.route('/api/v1/platform', createOidcRoutes(ctx, options));

  const partnerId = newId('prt');
  const tenantA = newId('tnt');
  const tenantB = newId('tnt');
  await db.query(`INSERT INTO partners (id, name, slug) VALUES ($1, 'Northwind Partners', 'northwind')`, [partnerId]);
  await db.query(`INSERT INTO tenants (id, name, slug, partner_id) VALUES ($1, 'Acme', 'acme', $3), ($2, 'Globex', 'globex', $3)`, [
    tenantA,
    tenantB,
    partnerId,
  ]);

  const [hash, otherHash] = await Promise.all([hashPassword(PASSWORD), hashPassword(OTHER_PASSWORD)]);
  const addUser = async (
    email: string,
    tenantId: string | null,
    extra: { first?: string; last?: string; display?: string; status?: string; hash?: string | null; deleted?: boolean } = {},
  ) => {
    const id = newId('usr');
    await db.query(
      `INSERT INTO users (id, email, first_name, last_name, display_name, status, tenant_id, password_hash, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        email,
        extra.first ?? null,
        extra.last ?? null,
        extra.display ?? null,
        extra.status ?? 'ACTIVE',
        tenantId,
        extra.hash === undefined ? hash : extra.hash,
        extra.deleted ? new Date(start).toISOString() : null,
      ],
    );
    return id;
  };
  const grant = async (
    userId: string,
    role: string,
    scope: { partnerId?: string; tenantId?: string; expiresAt?: Date; active?: boolean } = {},
  ) => {
    const id = newId('adr');
    await db.query(
      `INSERT INTO admin_roles (id, user_id, role, partner_id, tenant_id, is_active, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, userId, role, scope.partnerId ?? null, scope.tenantId ?? null, scope.active ?? true, scope.expiresAt?.toISOString() ?? null],
    );
    return id;
  };

  const ids: Accounts = {
    superAdmin: await addUser(EMAIL.superAdmin, null, { first: 'Rhea', last: 'Root', display: 'Rhea Root' }),
    partnerAdmin: await addUser(EMAIL.partnerAdmin, tenantA, { first: 'Paolo', last: 'Partner' }),
    tenantAdmin: await addUser(EMAIL.tenantAdmin, tenantA, { first: 'Tess', last: 'Tenant', display: 'Tess T.' }),
    expiredAdmin: await addUser(EMAIL.expiredAdmin, tenantA, { first: 'Ezra', last: 'Expired' }),
    plainUser: await addUser(EMAIL.plainUser, tenantA),
    dupInA: await addUser(EMAIL.dup, tenantA, { display: 'Dup in Acme' }),
    dupInB: await addUser(EMAIL.dup.toUpperCase(), tenantB, { display: 'Dup in Globex', hash: otherHash }),
    suspended: await addUser(EMAIL.suspended, tenantA, { status: 'SUSPENDED' }),
    deleted: await addUser(EMAIL.deleted, tenantA, { deleted: true }),
    noPassword: await addUser(EMAIL.noPassword, tenantA, { hash: null }),
  };
  await grant(ids.superAdmin, 'SUPER_ADMIN');
  // A lower role too: the highest one must win.
  await grant(ids.superAdmin, 'TENANT_ADMIN', { tenantId: tenantA });
  await grant(ids.partnerAdmin, 'PARTNER_ADMIN', { partnerId });
  // The assignment's tenant, not the user's own, goes into tenant_id.
  await grant(ids.tenantAdmin, 'TENANT_ADMIN', { tenantId: tenantB });
  await grant(ids.expiredAdmin, 'SUPER_ADMIN', { expiresAt: new Date(start - 24 * 3600 * 1000) });
  // Inactive assignments never count.
  await grant(ids.plainUser, 'SUPER_ADMIN', { active: false });

  const fetchIntoApp = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(config.publicUrl)) {
      throw new TypeError(`Test fetch only reaches the stand-in, not ${request.url}`);
    }
    return app.fetch(request);
  }) as typeof fetch;

  const clientId = config.client.clientId;
  const redirectUri = config.client.redirectUris[0]!;
  const postLogoutRedirectUri = config.client.postLogoutRedirectUris[0]!;
  const urls = oidcUrls(config);

  return {
    ctx,
    app,
    config,
    urls,
    clientId,
    redirectUri,
    postLogoutRedirectUri,
    ids,
    partnerId,
    tenantA,
    tenantB,
    clock: {
      advance: (seconds) => {
        offset += seconds * 1000;
      },
      reset: () => {
        offset = 0;
      },
      now,
    },
    browser: (headers) => new Browser(app, headers),
    client: (overrides = {}) =>
      new OidcClient({
        authority: urls.issuer,
        client_id: clientId,
        redirect_uri: redirectUri,
        post_logout_redirect_uri: postLogoutRedirectUri,
        response_type: 'code',
        scope: 'openid profile email offline_access',
        stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        ...overrides,
      }),
    fetch: fetchIntoApp,
    close: () => db.close(),
  };
}

/** The hidden pending-sign-in id and the form's absolute action URL from a sign-in page. */
export function readSignInForm(html: string, pageUrl: string): { loginId: string; action: string } {
  const loginId = /name="login_id" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!loginId || !action) throw new Error(`No sign-in form in:\n${html}`);
  return { loginId, action: new URL(action, pageUrl).toString() };
}

/** A PKCE pair: a fresh verifier and its S256 challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** An authorization request of the harness's client, as the console sends it; `params` add to or replace its parameters. */
export function authorizeUrl(h: Harness, params: Record<string, string> = {}): string {
  const url = new URL(h.urls.authorization);
  const all = {
    client_id: h.clientId,
    redirect_uri: h.redirectUri,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'st',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.toString();
}

export interface SignInPage {
  /** The form's absolute action URL. */
  action: string;
  /** Posts the form with these credentials (as often as wanted: the page stays open). */
  attempt(email: string, password: string): Promise<Response>;
}

/** Opens the sign-in page of an authorization request (`params` as for authorizeUrl) in `browser`. */
export async function openSignIn(h: Harness, browser: Browser, params: Record<string, string> = {}): Promise<SignInPage> {
  const url = authorizeUrl(h, params);
  const { loginId, action } = readSignInForm(await (await browser.get(url)).text(), url);
  return { action, attempt: (email, password) => browser.postForm(action, { login_id: loginId, email, password }) };
}

/** Opens the sign-in page in `browser` and posts `email` and `password` on it: the answer to the post. */
export async function submitSignIn(h: Harness, browser: Browser, email: string, password: string, params: Record<string, string> = {}): Promise<Response> {
  return (await openSignIn(h, browser, params)).attempt(email, password);
}

export interface SignedIn {
  browser: Browser;
  idToken: string;
  refreshToken: string;
}

/** Signs `email` in (with PASSWORD) in a new browser and exchanges the code: the browser and its tokens. */
export async function signInForTokens(h: Harness, email: string = EMAIL.superAdmin, browser: Browser = h.browser()): Promise<SignedIn> {
  const { verifier, challenge } = pkce();
  const res = await submitSignIn(h, browser, email, PASSWORD, { code_challenge: challenge });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const tokens = await (
    await h.app.request(h.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: h.redirectUri, code_verifier: verifier, client_id: h.clientId }).toString(),
    })
  ).json();
  return { browser, idToken: tokens.id_token, refreshToken: tokens.refresh_token };
}

/** Whether `browser` has a live session: a silent authorize (prompt=none) answers with a code. */
export async function isSignedIn(h: Harness, browser: Browser): Promise<boolean> {
  const res = await browser.get(authorizeUrl(h, { scope: 'openid', prompt: 'none' }));
  return new URL(res.headers.get('location')!).searchParams.has('code');
}

/** The end-session (RP-initiated logout) URL with `params`. */
export function endSessionUrl(h: Harness, params: Record<string, string>): string {
  const url = new URL(h.urls.endSession);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
