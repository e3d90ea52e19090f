import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { ErrorResponse, type OidcClient, type RefreshState, type SigninResponse } from 'oidc-client-ts';
import { verifyAccessToken } from '../src/auth/tokens';
import { EMAIL, OTHER_PASSWORD, PASSWORD, createHarness, readSignInForm, type Browser, type Harness } from './support/oidc-harness';

/**
 * The console's whole sign-in life, driven by the real oidc-client-ts OidcClient (code + PKCE
 * S256) against the provider: sign in through the form, tokens, refresh rotation, silent
 * authorize with the session cookie, userinfo, revocation, sign-out.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  vi.stubGlobal('fetch', h.fetch);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await h.close();
});
afterEach(() => h.clock.reset());

/** createSigninRequest → sign-in page → credentials → redirect back → processSigninResponse. */
async function signIn(
  client: OidcClient,
  browser: Browser,
  email: string,
  password: string,
  args: Parameters<OidcClient['createSigninRequest']>[0] = {},
): Promise<SigninResponse> {
  const request = await client.createSigninRequest(args);
  const page = await browser.get(request.url);
  expect(page.status).toBe(200);
  const { loginId, action } = readSignInForm(await page.text(), request.url);
  const res = await browser.postForm(action, { login_id: loginId, email, password });
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  expect(location.startsWith(h.redirectUri + '?')).toBe(true);
  return client.processSigninResponse(location);
}

/** What UserManager would hand useRefreshToken for a signed-in user. */
function refreshState(r: SigninResponse, refreshToken = r.refresh_token!): RefreshState {
  // RefreshState is exported as a type only; UserManager builds it from the stored User.
  return {
    refresh_token: refreshToken,
    id_token: r.id_token,
    session_state: r.session_state,
    scope: r.scope,
    profile: r.profile,
  };
}

async function jwks(): Promise<JSONWebKeySet> {
  return (await (await h.app.request(h.urls.jwks)).json()) as JSONWebKeySet;
}

describe('sign-in with oidc-client-ts', () => {
  it('gives a super admin an access token with the role claim and a verifiable ID token', async () => {
    const client = h.client();
    const browser = h.browser();
    const response = await signIn(client, browser, EMAIL.superAdmin, PASSWORD, { nonce: 'n-0S6_WzA2Mj' });

    expect(response.token_type).toBe('Bearer');
    expect(response.expires_in).toBeGreaterThan(3590);
    expect(response.scope).toBe('openid profile email offline_access');
    expect(response.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const claims = await verifyAccessToken(h.ctx, response.access_token);
    expect(claims).toMatchObject({
      iss: h.urls.issuer,
      aud: h.clientId,
      sub: h.ids.superAdmin,
      scope: 'openid profile email offline_access',
      tenant_id: null,
      role: 'super_admin',
    });
    expect(claims.partner_id).toBeUndefined();

    // The ID token verifies against the published JWKS, and carries the profile.
    const { payload, protectedHeader } = await jwtVerify(response.id_token!, createLocalJWKSet(await jwks()), {
      issuer: h.urls.issuer,
      audience: h.clientId,
      currentDate: h.clock.now(),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: h.ctx.keys.kid });
    expect(payload).toMatchObject({
      sub: h.ids.superAdmin,
      email: EMAIL.superAdmin,
      email_verified: true,
      name: 'Rhea Root',
      given_name: 'Rhea',
      family_name: 'Root',
      role: 'super_admin',
    });
    expect(payload.nonce).toBe('n-0S6_WzA2Mj');
    expect(payload.auth_time).toBe(Math.floor(h.clock.now().getTime() / 1000));
    expect(response.profile.sub).toBe(h.ids.superAdmin);
  });

  it('records the sign-in time on the user', async () => {
    await signIn(h.client(), h.browser(), EMAIL.superAdmin, PASSWORD);
    const [row] = await h.ctx.db.query<{ last_login_at: string }>('SELECT last_login_at FROM users WHERE id = $1', [
      h.ids.superAdmin,
    ]);
    expect(row?.last_login_at).toBe(h.clock.now().toISOString());
  });

  it('lets an admin whose only role expired sign in, without a role claim', async () => {
    const response = await signIn(h.client(), h.browser(), EMAIL.expiredAdmin, PASSWORD);
    const claims = await verifyAccessToken(h.ctx, response.access_token);
    expect(claims.sub).toBe(h.ids.expiredAdmin);
    expect(claims.role).toBeUndefined();
    expect(claims.tenant_id).toBe(h.tenantA);
    expect(decodeJwt(response.id_token!).role).toBeUndefined();
  });

  it('puts partner_id in a partner admin token and the assignment tenant in a tenant admin token', async () => {
    const partner = await verifyAccessToken(
      h.ctx,
      (await signIn(h.client(), h.browser(), EMAIL.partnerAdmin, PASSWORD)).access_token,
    );
    expect(partner).toMatchObject({ role: 'partner_admin', partner_id: h.partnerId, tenant_id: h.tenantA });

    const tenant = await verifyAccessToken(
      h.ctx,
      (await signIn(h.client(), h.browser(), EMAIL.tenantAdmin, PASSWORD)).access_token,
    );
    expect(tenant).toMatchObject({ role: 'tenant_admin', tenant_id: h.tenantB });
    expect(tenant.partner_id).toBeUndefined();
  });

  it('matches email case-insensitively and picks, among tenants sharing an email, the one whose password fits', async () => {
    const a = await signIn(h.client(), h.browser(), 'DUP@ScaiKey.test', PASSWORD);
    expect(a.profile.sub).toBe(h.ids.dupInA);
    const b = await signIn(h.client(), h.browser(), EMAIL.dup, OTHER_PASSWORD);
    expect(b.profile.sub).toBe(h.ids.dupInB);
    expect((await verifyAccessToken(h.ctx, b.access_token)).tenant_id).toBe(h.tenantB);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on /api/v1/platform for 12 hours', async () => {
    const browser = h.browser();
    await signIn(h.client(), browser, EMAIL.superAdmin, PASSWORD);
    const line = browser.lastSetCookies.find((l) => l.startsWith('scaikey_session='));
    expect(line).toBeDefined();
    expect(line).toMatch(/; Max-Age=43200/);
    expect(line).toMatch(/; Path=\/api\/v1\/platform(;|$)/);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).not.toMatch(/; Secure/); // http://127.0.0.1:8000
  });
});

describe('refresh tokens', () => {
  it('rotate on every use, re-read roles, and a replay revokes the whole family', async () => {
    const client = h.client();
    const first = await signIn(client, h.browser(), EMAIL.partnerAdmin, PASSWORD);
    const state = refreshState(first);

    h.clock.advance(600);
    const second = await client.useRefreshToken({ state });
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const claims = await verifyAccessToken(h.ctx, second.access_token);
    expect(claims).toMatchObject({ sub: h.ids.partnerAdmin, role: 'partner_admin', partner_id: h.partnerId });
    expect(claims.iat).toBe(Math.floor(h.clock.now().getTime() / 1000));
    // Same sign-in: auth_time stays (oidc-client-ts checks it), no nonce on a refreshed ID token.
    expect(decodeJwt(second.id_token!).auth_time).toBe(decodeJwt(first.id_token!).auth_time);
    expect(decodeJwt(second.id_token!).nonce).toBeUndefined();

    // The role is revoked meanwhile: the next token no longer carries it.
    await h.ctx.db.query('UPDATE admin_roles SET is_active = false WHERE user_id = $1', [h.ids.partnerAdmin]);
    const third = await client.useRefreshToken({ state: refreshState(first, second.refresh_token) });
    const after = await verifyAccessToken(h.ctx, third.access_token);
    expect(after.role).toBeUndefined();
    expect(after.partner_id).toBeUndefined();
    await h.ctx.db.query('UPDATE admin_roles SET is_active = true WHERE user_id = $1', [h.ids.partnerAdmin]);

    // The first token is dead; replaying it kills the family, including the newest token.
    await expect(client.useRefreshToken({ state })).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(
      client.useRefreshToken({ state: refreshState(first, third.refresh_token) }),
    ).rejects.toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/revoked/) });
  });

  it('stop working after the refresh lifetime', async () => {
    const client = h.client();
    const first = await signIn(client, h.browser(), EMAIL.superAdmin, PASSWORD);
    h.clock.advance(h.config.refreshTtl + 1);
    await expect(
      client.useRefreshToken({ state: refreshState(first) }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('die with the user: a suspended user gets invalid_grant', async () => {
    const client = h.client();
    const first = await signIn(client, h.browser(), EMAIL.plainUser, PASSWORD);
    await h.ctx.db.query(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [h.ids.plainUser]);
    try {
      await expect(
        client.useRefreshToken({ state: refreshState(first) }),
      ).rejects.toBeInstanceOf(ErrorResponse);
    } finally {
      await h.ctx.db.query(`UPDATE users SET status = 'ACTIVE' WHERE id = $1`, [h.ids.plainUser]);
    }
  });
});

describe('the sign-in session', () => {
  it('answers a silent authorize (prompt=none) with a code, without the sign-in page', async () => {
    const browser = h.browser();
    const first = await signIn(h.client(), browser, EMAIL.superAdmin, PASSWORD);
    h.clock.advance(3000);

    const client = h.client();
    const request = await client.createSigninRequest({ prompt: 'none' });
    const res = await browser.get(request.url);
    expect(res.status).toBe(302);
    const response = await client.processSigninResponse(res.headers.get('location')!);
    expect(response.profile.sub).toBe(h.ids.superAdmin);
    // Still the first sign-in.
    expect(decodeJwt(response.id_token!).auth_time).toBe(decodeJwt(first.id_token!).auth_time);
  });

  it('answers prompt=none without a session with login_required and the state', async () => {
    const client = h.client();
    const request = await client.createSigninRequest({ prompt: 'none' });
    const res = await h.browser().get(request.url);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('iss')).toBe(h.urls.issuer);
    await expect(client.processSigninResponse(location.toString())).rejects.toMatchObject({
      error: 'login_required',
    });
  });

  it('shows the sign-in page again for prompt=login, and after the session expires', async () => {
    const browser = h.browser();
    await signIn(h.client(), browser, EMAIL.superAdmin, PASSWORD);

    const again = await browser.get((await h.client().createSigninRequest({ prompt: 'login' })).url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Sign in to ScaiKey');

    h.clock.advance(12 * 3600 + 1);
    const request = await h.client().createSigninRequest({ prompt: 'none' });
    const res = await browser.get(request.url);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it('ends on sign-out: cookie cleared, refresh tokens revoked, back to an allowed URI with the state', async () => {
    const browser = h.browser();
    const client = h.client();
    const signedIn = await signIn(client, browser, EMAIL.superAdmin, PASSWORD);

    const signout = await client.createSignoutRequest({ id_token_hint: signedIn.id_token, state: { from: 'test' } });
    const res = await browser.get(signout.url);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(h.postLogoutRedirectUri);
    const done = await client.processSignoutResponse(location.toString());
    expect(done.userState).toEqual({ from: 'test' });

    const cleared = browser.lastSetCookies.find((l) => l.startsWith('scaikey_session='));
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/Path=\/api\/v1\/platform/);
    expect(browser.cookies.has('scaikey_session')).toBe(false);

    await expect(
      client.useRefreshToken({ state: refreshState(signedIn) }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });

    // The session is gone: a silent authorize now needs a sign-in.
    const request = await h.client().createSigninRequest({ prompt: 'none' });
    const after = await browser.get(request.url);
    expect(new URL(after.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });
});

describe('userinfo and revocation', () => {
  it('returns the signed-in user to oidc-client-ts (loadUserInfo)', async () => {
    const client = h.client({ loadUserInfo: true });
    const response = await signIn(client, h.browser(), EMAIL.tenantAdmin, PASSWORD);
    expect(response.profile).toMatchObject({
      sub: h.ids.tenantAdmin,
      email: EMAIL.tenantAdmin,
      name: 'Tess T.',
      given_name: 'Tess',
      family_name: 'Tenant',
      role: 'tenant_admin',
    });
  });

  it('revokes a refresh token (and its family) through revoke()', async () => {
    const client = h.client();
    const signedIn = await signIn(client, h.browser(), EMAIL.superAdmin, PASSWORD);
    await client.revokeToken(signedIn.refresh_token!, 'refresh_token');
    await expect(
      client.useRefreshToken({ state: refreshState(signedIn) }),
    ).rejects.toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/revoked/) });
    // Revoking an access token (stateless JWT) or junk is still a 200.
    await expect(client.revokeToken(signedIn.access_token, 'access_token')).resolves.toBeUndefined();
    await expect(client.revokeToken('not-a-token', 'refresh_token')).resolves.toBeUndefined();
  });
});
