import { createHash, randomBytes } from 'node:crypto';
import { within } from '@testing-library/dom';
import { decodeJwt } from 'jose';
import { signAccessToken, verifyAccessToken } from '../src/auth/tokens';
import { axeViolations, parsePage } from './support/oidc-dom';
import { EMAIL, PASSWORD, createHarness, readSignInForm, type Browser, type Harness } from './support/oidc-harness';

/**
 * Each endpoint at its edges, by plain HTTP: what the console's library never sends but an
 * attacker or a misconfiguration would, and what a person sees on the provider's pages.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => h.clock.reset());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(overrides: Record<string, string | null> = {}, challenge = pkce().challenge): string {
  const params: Record<string, string | null> = {
    client_id: h.clientId,
    redirect_uri: h.redirectUri,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    state: 'st-42',
    nonce: 'nonce-42',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const url = new URL(h.urls.authorization);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

async function openSignInPage(browser: Browser, url = authorizeUrl()) {
  const res = await browser.get(url);
  expect(res.status).toBe(200);
  const html = await res.text();
  return { res, html, ...readSignInForm(html, url) };
}

/** Through the sign-in form to the redirect back; returns the code. */
async function codeFor(browser: Browser, email: string = EMAIL.superAdmin, challenge = pkce().challenge): Promise<string> {
  const { loginId, action } = await openSignInPage(browser, authorizeUrl({}, challenge));
  const res = await browser.postForm(action, { login_id: loginId, email, password: PASSWORD });
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('st-42');
  expect(location.searchParams.get('iss')).toBe(h.urls.issuer);
  return location.searchParams.get('code')!;
}

function token(fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  return h.app.request(h.urls.token, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new URLSearchParams(fields).toString(),
  });
}

function exchange(code: string, verifier: string, extra: Record<string, string> = {}) {
  return token({
    grant_type: 'authorization_code',
    code,
    redirect_uri: h.redirectUri,
    code_verifier: verifier,
    client_id: h.clientId,
    ...extra,
  });
}

describe('discovery and keys', () => {
  it('publishes the discovery document at the issuer', async () => {
    const res = await h.app.request(h.urls.discovery);
    expect(res.status).toBe(200);
    const doc = await res.json();
    const base = 'http://127.0.0.1:8000/api/v1/platform';
    expect(doc).toMatchObject({
      issuer: `${base}/oauth`,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      userinfo_endpoint: `${base}/oauth/userinfo`,
      revocation_endpoint: `${base}/oauth/revoke`,
      end_session_endpoint: `${base}/oauth/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
    });
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['sub', 'email', 'name', 'role', 'auth_time']));
    // The access tokens' issuer is the same string.
    const access = decodeJwt(await signAccessToken(h.ctx, { sub: h.ids.superAdmin, scope: 'openid', tenant_id: null }));
    expect(access.iss).toBe(doc.issuer);
  });

  it('publishes the one public signing key, without its private parts', async () => {
    const res = await h.app.request(h.urls.jwks);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', kid: h.ctx.keys.kid, use: 'sig', alg: 'RS256' });
    expect(keys[0]).toHaveProperty('n');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);
  });
});

describe('authorize: requests that must not redirect', () => {
  it.each([
    ['an unknown client', { client_id: 'evil-app' }],
    ['no client_id', { client_id: null }],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/callback' }],
    ['a redirect_uri that only starts like a registered one', { redirect_uri: `${'http://localhost:5173/auth/callback'}/../x` }],
    ['no redirect_uri', { redirect_uri: null }],
  ])('shows an error page for %s', async (_what, overrides) => {
    const res = await h.browser().get(authorizeUrl(overrides));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const win = await parsePage(await res.text(), h.urls.authorization);
    const page = within(win.document.body);
    expect(page.getByRole('heading', { level: 1 }).textContent).toBe("We can't continue signing you in");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('authorize: errors returned to the application', () => {
  it.each([
    ['no code_challenge', { code_challenge: null }, 'invalid_request'],
    ['the plain PKCE method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no PKCE method (plain by default)', { code_challenge_method: null }, 'invalid_request'],
    ['a malformed challenge', { code_challenge: 'short' }, 'invalid_request'],
    ['no openid scope', { scope: 'profile email' }, 'invalid_scope'],
    ['the implicit flow', { response_type: 'token' }, 'unsupported_response_type'],
    ['a fragment response mode', { response_mode: 'fragment' }, 'invalid_request'],
    ['prompt=none with login', { prompt: 'none login' }, 'invalid_request'],
  ])('redirects back with an error for %s', async (_what, overrides, error) => {
    const res = await h.browser().get(authorizeUrl(overrides));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(h.redirectUri);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st-42');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('refuses a repeated parameter', async () => {
    const url = `${authorizeUrl()}&scope=openid`;
    const res = await h.browser().get(url);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });
});

describe('the sign-in page', () => {
  it('is an accessible form with the expected labels, headers and no script', async () => {
    const browser = h.browser();
    const { res, html } = await openSignInPage(browser);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " +
        'http://localhost:5173 http://127.0.0.1:5173 http://localhost:4173 http://127.0.0.1:4173 ' +
        "http://localhost:8080 http://127.0.0.1:8080; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<style[\s>]/g)).toHaveLength(1);
    expect(html).not.toMatch(/ style="/);

    const win = await parsePage(html, h.urls.authorization);
    const doc = win.document;
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Sign in · ScaiKey');
    const page = within(doc.body);
    page.getByRole('main');
    expect(page.getAllByRole('heading', { level: 1 }).map((e) => e.textContent)).toEqual(['Sign in to ScaiKey']);
    const attrs = (el: HTMLElement, names: string[]) => Object.fromEntries(names.map((n) => [n, el.getAttribute(n)]));
    const email = page.getByRole('textbox', { name: 'Email' });
    expect(attrs(email, ['type', 'name', 'autocomplete', 'required'])).toEqual({
      type: 'email',
      name: 'email',
      autocomplete: 'username',
      required: '',
    });
    const password = page.getByLabelText('Password');
    expect(attrs(password, ['type', 'name', 'autocomplete'])).toEqual({
      type: 'password',
      name: 'password',
      autocomplete: 'current-password',
    });
    const form = page.getByRole('button', { name: 'Sign in' }).closest('form')!;
    expect(form.method).toBe('post');
    expect(form.action).toBe(`${h.config.publicUrl}/api/v1/platform/oauth/login`);
    expect(page.queryByRole('alert')).toBeNull();

    expect(await axeViolations(win)).toEqual([]);
  });

  it('binds the pending sign-in to the browser with a cookie on /api/v1/platform/oauth', async () => {
    const browser = h.browser();
    await openSignInPage(browser);
    const line = browser.lastSetCookies.find((l) => l.startsWith('scaikey_login='));
    expect(line).toMatch(/; Path=\/api\/v1\/platform\/oauth(;|$)/);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
  });

  it('prefills the email from login_hint', async () => {
    const { html } = await openSignInPage(h.browser(), authorizeUrl({ login_hint: 'someone@scaikey.test' }));
    const page = within((await parsePage(html, h.urls.authorization)).document.body);
    expect((page.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('someone@scaikey.test');
  });
});

describe('signing in through the form', () => {
  it('re-renders on a wrong password with the alert, the email kept, and no session', async () => {
    const browser = h.browser();
    const { loginId, action } = await openSignInPage(browser);
    const res = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: 'wrong' });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(browser.cookies.has('scaikey_session')).toBe(false);
    const html = await res.text();
    const win = await parsePage(html, action);
    const page = within(win.document.body);
    expect(page.getByRole('alert').textContent).toBe('Invalid email or password.');
    expect((page.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe(EMAIL.superAdmin);
    expect((page.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(page.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(win)).toEqual([]);

    // The same page still works with the right password.
    const retry = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(retry.status).toBe(303);
    expect(browser.cookies.has('scaikey_session')).toBe(true);
  });

  it.each([
    ['an unknown email', 'nobody@scaikey.test'],
    ['a suspended user', EMAIL.suspended],
    ['a soft-deleted user', EMAIL.deleted],
    ['a user without a password', EMAIL.noPassword],
  ])('answers %s exactly like a wrong password', async (_what, email) => {
    const browser = h.browser();
    const { loginId, action } = await openSignInPage(browser);
    const res = await browser.postForm(action, { login_id: loginId, email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div class="alert" role="alert" id="signin-error">Invalid email or password.</div>');
  });

  it('escapes what it echoes', async () => {
    const browser = h.browser();
    const { loginId, action } = await openSignInPage(browser);
    const res = await browser.postForm(action, { login_id: loginId, email: '"><script>x()</script>', password: 'x' });
    expect(await res.text()).not.toContain('<script>');
  });

  it('refuses a form posted without the browser binding (login CSRF)', async () => {
    const { loginId, action } = await openSignInPage(h.browser());
    const victim = h.browser();
    const res = await victim.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(victim.cookies.has('scaikey_session')).toBe(false);
  });

  it('refuses a sign-in page left open too long, and a second submit of a completed one', async () => {
    const browser = h.browser();
    const stale = await openSignInPage(browser);
    h.clock.advance(31 * 60);
    const late = await browser.postForm(stale.action, { login_id: stale.loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('This sign-in page has expired');

    h.clock.reset();
    const fresh = await openSignInPage(browser);
    const fields = { login_id: fresh.loginId, email: EMAIL.superAdmin, password: PASSWORD };
    expect((await browser.postForm(fresh.action, fields)).status).toBe(303);
    expect((await browser.postForm(fresh.action, fields)).status).toBe(400);
  });
});

describe('token: authorization_code', () => {
  it('answers with exactly the documented fields, never cached', async () => {
    const { verifier, challenge } = pkce();
    const res = await exchange(await codeFor(h.browser(), EMAIL.superAdmin, challenge), verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type'].sort(),
    );
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email offline_access' });
    expect(decodeJwt(body.id_token)).toMatchObject({ nonce: 'nonce-42', aud: h.clientId, iss: h.urls.issuer });
  });

  it('issues a refresh token even without offline_access, and grants only known scopes', async () => {
    const browser = h.browser();
    await codeFor(browser); // signed in
    const { verifier, challenge } = pkce();
    const res = await browser.get(authorizeUrl({ scope: 'openid email admin:everything' }, challenge));
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const body = await (await exchange(code, verifier)).json();
    expect(body.scope).toBe('openid email');
    expect(body.refresh_token).toBeTruthy();
    const id = decodeJwt(body.id_token);
    expect(id.email).toBe(EMAIL.superAdmin);
    expect(id.name).toBeUndefined(); // no profile scope
  });

  it('refuses a wrong code_verifier (PKCE)', async () => {
    const { challenge } = pkce();
    const code = await codeFor(h.browser(), EMAIL.superAdmin, challenge);
    const res = await exchange(code, pkce().verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/PKCE/) });
  });

  it('refuses a missing code_verifier', async () => {
    const code = await codeFor(h.browser());
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: h.redirectUri, client_id: h.clientId });
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a redirect_uri other than the one authorized', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(h.browser(), EMAIL.superAdmin, challenge);
    const res = await exchange(code, verifier, { redirect_uri: h.config.client.redirectUris[1]! });
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts a code once; a replay fails and revokes the refresh token it produced', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(h.browser(), EMAIL.superAdmin, challenge);
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    const { refresh_token } = await first.json();

    const replay = await exchange(code, verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/already been used/) });

    const refresh = await token({ grant_type: 'refresh_token', refresh_token, client_id: h.clientId });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('lets a code expire after 60 seconds', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(h.browser(), EMAIL.superAdmin, challenge);
    h.clock.advance(61);
    const res = await exchange(code, verifier);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('refuses a code for another client, an unknown client and a missing one', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(h.browser(), EMAIL.superAdmin, challenge);
    const unknown = await exchange(code, verifier, { client_id: 'other' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_client' });
    const missing = await token({ grant_type: 'authorization_code', code, redirect_uri: h.redirectUri, code_verifier: verifier });
    expect(missing.status).toBe(401);
    // The code survived both: the real client can still use it.
    expect((await exchange(code, verifier)).status).toBe(200);
  });

  it('refuses other grant types, JSON bodies, junk codes and repeated parameters', async () => {
    expect(await (await token({ grant_type: 'password', client_id: h.clientId })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
    expect(await (await token({ client_id: h.clientId })).json()).toMatchObject({ error: 'invalid_request' });
    const json = await h.app.request(h.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', client_id: h.clientId }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    const junk = await exchange('not-a-code', pkce().verifier);
    expect(await junk.json()).toMatchObject({ error: 'invalid_grant' });
    const repeated = await h.app.request(h.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&client_id=${h.clientId}&refresh_token=a&refresh_token=b`,
    });
    expect(await repeated.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('token: refresh_token', () => {
  async function tokens(email: string = EMAIL.superAdmin) {
    const { verifier, challenge } = pkce();
    return (await (await exchange(await codeFor(h.browser(), email, challenge), verifier)).json()) as {
      refresh_token: string;
      access_token: string;
      id_token: string;
    };
  }

  it('may narrow the scope but not widen it', async () => {
    const { refresh_token } = await tokens();
    const narrowed = await token({ grant_type: 'refresh_token', refresh_token, client_id: h.clientId, scope: 'openid' });
    const body = await narrowed.json();
    expect(body.scope).toBe('openid');
    expect((await verifyAccessToken(h.ctx, body.access_token)).scope).toBe('openid');

    // The rotated token keeps the original grant: widening back to it is fine, beyond it is not.
    const wide = await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: h.clientId, scope: 'openid admin' });
    expect(await wide.json()).toMatchObject({ error: 'invalid_scope' });
    const back = await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: h.clientId });
    expect((await back.json()).scope).toBe('openid profile email offline_access');
  });

  it('drops an expired role from the next token', async () => {
    const { refresh_token, access_token } = await tokens(EMAIL.tenantAdmin);
    expect((await verifyAccessToken(h.ctx, access_token)).role).toBe('tenant_admin');
    await h.ctx.db.query('UPDATE admin_roles SET expires_at = $2 WHERE user_id = $1', [
      h.ids.tenantAdmin,
      new Date(h.clock.now().getTime() + 60_000).toISOString(),
    ]);
    h.clock.advance(120);
    const body = await (await token({ grant_type: 'refresh_token', refresh_token, client_id: h.clientId })).json();
    const claims = await verifyAccessToken(h.ctx, body.access_token);
    expect(claims.role).toBeUndefined();
    expect(claims.tenant_id).toBe(h.tenantA); // back to the user's own tenant
    await h.ctx.db.query('UPDATE admin_roles SET expires_at = NULL WHERE user_id = $1', [h.ids.tenantAdmin]);
  });

  it('stores refresh tokens, codes and session cookies only as hashes', async () => {
    const browser = h.browser();
    const { verifier, challenge } = pkce();
    const code = await codeFor(browser, EMAIL.superAdmin, challenge);
    const { refresh_token } = await (await exchange(code, verifier)).json();
    const cookie = browser.cookies.get('scaikey_session')!;
    const dump = JSON.stringify([
      await h.ctx.db.query('SELECT * FROM oauth_refresh_tokens'),
      await h.ctx.db.query('SELECT * FROM oauth_codes'),
      await h.ctx.db.query('SELECT * FROM oauth_sessions'),
    ]);
    for (const secret of [refresh_token, code, cookie]) expect(dump).not.toContain(secret);
  });
});

describe('userinfo', () => {
  it('answers a Bearer access token with the current profile and role', async () => {
    const access = await signAccessToken(h.ctx, { sub: h.ids.superAdmin, scope: 'openid profile email', tenant_id: null });
    const res = await h.app.request(h.urls.userinfo, { headers: { authorization: `Bearer ${access}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub: h.ids.superAdmin,
      email: EMAIL.superAdmin,
      email_verified: true,
      name: 'Rhea Root',
      given_name: 'Rhea',
      family_name: 'Root',
      role: 'super_admin',
    });
    const post = await h.app.request(h.urls.userinfo, { method: 'POST', headers: { authorization: `Bearer ${access}` } });
    expect(post.status).toBe(200);
  });

  it('answers 401 with WWW-Authenticate without a token, with a bad one and with an expired one', async () => {
    const none = await h.app.request(h.urls.userinfo);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const bad = await h.app.request(h.urls.userinfo, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

    const access = await signAccessToken(h.ctx, { sub: h.ids.superAdmin, scope: 'openid', tenant_id: null });
    h.clock.advance(3601);
    const expired = await h.app.request(h.urls.userinfo, { headers: { authorization: `Bearer ${access}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });
});

describe('revocation', () => {
  it('always answers 200 for a token, 400 without one', async () => {
    const revoke = (body: string) =>
      h.app.request(h.urls.revocation, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await revoke(`token=unknown&client_id=${h.clientId}`)).status).toBe(200);
    expect((await revoke('token=unknown&token_type_hint=access_token')).status).toBe(200);
    expect((await revoke(`client_id=${h.clientId}`)).status).toBe(400);
  });
});

describe('end session', () => {
  it('shows the signed-out page instead of redirecting to an unregistered URI', async () => {
    const browser = h.browser();
    const { verifier, challenge } = pkce();
    const { id_token } = await (await exchange(await codeFor(browser, EMAIL.superAdmin, challenge), verifier)).json();
    const url = new URL(h.urls.endSession);
    url.searchParams.set('id_token_hint', id_token);
    url.searchParams.set('post_logout_redirect_uri', 'https://evil.example/');
    url.searchParams.set('state', 'x');
    const res = await browser.get(url.toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(browser.cookies.has('scaikey_session')).toBe(false);
    const win = await parsePage(await res.text(), url.toString());
    expect(within(win.document.body).getByRole('heading', { level: 1 }).textContent).toBe('You have been signed out');
    expect(await axeViolations(win)).toEqual([]);
  });

  it('redirects only to an exact registered URI, with the state', async () => {
    const url = new URL(h.urls.endSession);
    url.searchParams.set('post_logout_redirect_uri', h.postLogoutRedirectUri);
    url.searchParams.set('state', 'bye');
    const res = await h.browser().get(url.toString());
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${h.postLogoutRedirectUri}?state=bye`);

    url.searchParams.set('post_logout_redirect_uri', `${h.postLogoutRedirectUri}extra`);
    expect((await h.browser().get(url.toString())).status).toBe(200);
  });

  it('ends the session named by the id_token_hint when no cookie comes along', async () => {
    const browser = h.browser();
    const { verifier, challenge } = pkce();
    const body = await (await exchange(await codeFor(browser, EMAIL.superAdmin, challenge), verifier)).json();
    const url = new URL(h.urls.endSession);
    url.searchParams.set('id_token_hint', body.id_token);
    await h.browser().get(url.toString()); // another cookie jar: no session cookie
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: h.clientId });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    const silent = await browser.get(authorizeUrl({ prompt: 'none' }));
    expect(new URL(silent.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });
});

describe('housekeeping', () => {
  it('removes expired rows as time passes', async () => {
    await codeFor(h.browser());
    h.clock.advance(h.config.refreshTtl + 2 * 24 * 3600);
    await h.browser().get(authorizeUrl()); // any authorize runs it
    const count = async (table: string) =>
      Number((await h.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE expires_at <= $1`, [h.clock.now().toISOString()]))[0]?.n);
    expect(await count('oauth_sessions')).toBe(0);
    expect(await count('oauth_refresh_tokens')).toBe(0);
    expect(await count('oauth_login_requests')).toBe(0);
  });
});
