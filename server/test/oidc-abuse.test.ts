import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { within } from '@testing-library/dom';
import { SignJWT, UnsecuredJWT } from 'jose';
import { signAccessToken } from '../src/auth/tokens';
import { signIdToken } from '../src/oidc/id-token';
import { parsePage } from './support/oidc-dom';
import { EMAIL, PASSWORD, createHarness, readSignInForm, type Browser, type Harness } from './support/oidc-harness';

/**
 * What an outsider sends the provider (issue 11): wrong tokens at userinfo, hostile characters and
 * oversized bodies at every endpoint, and floods of anonymous authorization requests. Each gets a
 * 4xx, never a 500; none reaches the database; none costs storage.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.clock.reset();
  vi.restoreAllMocks();
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeParams(overrides: Record<string, string | null> = {}): Record<string, string> {
  const params: Record<string, string | null> = {
    client_id: h.clientId,
    redirect_uri: h.redirectUri,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
}

function authorizeUrl(overrides: Record<string, string | null> = {}): string {
  return `${h.urls.authorization}?${new URLSearchParams(authorizeParams(overrides)).toString()}`;
}

/** A query or body where one parameter's encoded value is replaced by `raw` (already encoded). */
function withRaw(params: Record<string, string>, name: string, raw: string): string {
  return Object.entries({ ...params, [name]: '' })
    .map(([k, v]) => `${encodeURIComponent(k)}=${k === name ? raw : encodeURIComponent(v)}`)
    .join('&');
}

async function openSignIn(browser: Browser) {
  const url = authorizeUrl();
  const res = await browser.get(url);
  expect(res.status).toBe(200);
  return readSignInForm(await res.text(), url);
}

async function tokens(): Promise<{ access_token: string; id_token: string; refresh_token: string }> {
  const browser = h.browser();
  const { verifier, challenge } = pkce();
  const url = authorizeUrl({ code_challenge: challenge });
  const { loginId, action } = readSignInForm(await (await browser.get(url)).text(), url);
  const res = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: h.redirectUri,
    code_verifier: verifier,
    client_id: h.clientId,
  });
  const answer = await h.app.request(h.urls.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return answer.json();
}

/** Every bad character sequence the endpoints must refuse, percent-encoded as a client would send it. */
const HOSTILE: [string, string][] = [
  ['a NUL', 'abc%00def'],
  ['invalid UTF-8', 'abc%FFdef'],
  ['an overlong UTF-8 NUL', 'abc%C0%80'],
  ['an encoded lone surrogate', 'abc%ED%A0%80'],
  ['a stray percent sign', 'abc%zz'],
];

/** The database must not see any of it: every statement the provider runs, with its parameters. */
function watchDb() {
  const spy = vi.spyOn(h.ctx.db, 'query');
  return () => spy.mock.calls.filter(([sql]) => !/^DELETE FROM oauth_\w+ WHERE expires_at/.test(String(sql).trim()));
}

async function expectErrorPage(res: Response) {
  expect(res.status).toBe(400);
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const win = await parsePage(await res.text(), h.urls.authorization);
  expect(within(win.document.body).getByRole('heading', { level: 1 }).textContent).toBe("We can't continue signing you in");
}

describe('userinfo answers 401, never 500, for a wrong token', () => {
  const call = (authorization: string) => h.app.request(h.urls.userinfo, { headers: { authorization } });

  /** A token signed with the provider's own key, shaped as the test likes. */
  const signed = (payload: Record<string, unknown>, typ = 'at+jwt') => {
    const now = Math.floor(h.clock.now().getTime() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: h.ctx.keys.kid, typ })
      .setIssuer(h.urls.issuer)
      .setAudience(h.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(h.ctx.keys.privateKey);
  };

  it.each<[string, () => Promise<string>]>([
    ['an ID token', async () => (await tokens()).id_token],
    [
      'an ID token made directly',
      async () => {
        const [user] = await h.ctx.db.query<{ id: string; email: string }>('SELECT * FROM users WHERE id = $1', [h.ids.superAdmin]);
        return signIdToken(h.ctx, {
          user: { ...user!, first_name: null, last_name: null, display_name: null, tenant_id: null },
          clientId: h.clientId,
          scope: 'openid',
          authTime: h.clock.now().toISOString(),
        });
      },
    ],
    ['a refresh token', async () => (await tokens()).refresh_token],
    ['garbage', async () => 'abc.def.ghi'],
    ['a long run of base64', async () => 'A'.repeat(100_000)],
    ['an unsigned token', async () => new UnsecuredJWT({ sub: h.ids.superAdmin, scope: 'openid' }).encode()],
    [
      "a token signed with someone else's key",
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return new SignJWT({ sub: h.ids.superAdmin, scope: 'openid' })
          .setProtectedHeader({ alg: 'RS256', kid: h.ctx.keys.kid, typ: 'at+jwt' })
          .setIssuer(h.urls.issuer)
          .setAudience(h.clientId)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(privateKey);
      },
    ],
    ['an access token without a scope', () => signed({ sub: h.ids.superAdmin })],
    ['an access token whose scope is not a string', () => signed({ sub: h.ids.superAdmin, scope: ['openid'] })],
    ['an access token whose sub is not a string', () => signed({ sub: 42, scope: 'openid' })],
    ['an access token whose sub carries a NUL', () => signed({ sub: 'usr_abc\u0000def', scope: 'openid' })],
    ['an access token whose sub is not a user id', () => signed({ sub: 'usr_ x; DROP TABLE users', scope: 'openid' })],
    ['an access token for a soft-deleted user', () => signed({ sub: h.ids.deleted, scope: 'openid' })],
    ['an access token for a suspended user', () => signed({ sub: h.ids.suspended, scope: 'openid' })],
    ['an access token for a user who never existed', () => signed({ sub: 'usr_00000000000000000000', scope: 'openid' })],
  ])('%s', async (_what, make) => {
    const res = await call(`Bearer ${await make()}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="ScaiKey", error="invalid_token"/);
  });

  it('answers a user deleted after the token was issued with 401', async () => {
    const { access_token } = await tokens();
    expect((await call(`Bearer ${access_token}`)).status).toBe(200);
    await h.ctx.db.query('UPDATE users SET deleted_at = $2 WHERE id = $1', [h.ids.superAdmin, h.clock.now().toISOString()]);
    try {
      const res = await call(`Bearer ${access_token}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    } finally {
      await h.ctx.db.query('UPDATE users SET deleted_at = NULL WHERE id = $1', [h.ids.superAdmin]);
    }
  });

  it('answers headers that are not a Bearer token with 401', async () => {
    for (const header of ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', `Bearer ${'x'.repeat(20_000)}!`]) {
      expect((await call(header)).status).toBe(401);
    }
    const ok = await signAccessToken(h.ctx, { sub: h.ids.superAdmin, scope: 'openid', tenant_id: null });
    expect((await call(`bearer ${ok}`)).status).toBe(200);
  });
});

describe('hostile characters', () => {
  it.each(HOSTILE)('authorize refuses %s in any parameter with an error page, never redirecting', async (_what, raw) => {
    const seen = watchDb();
    for (const name of [...Object.keys(authorizeParams()), 'login_hint', 'id_token_hint', 'prompt', 'max_age', 'x-unknown']) {
      const query = withRaw(authorizeParams(), name, raw);
      await expectErrorPage(await h.browser().get(`${h.urls.authorization}?${query}`));
      const post = await h.browser().request(h.urls.authorization, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: query,
      });
      await expectErrorPage(post);
    }
    expect(seen()).toEqual([]);
  });

  it.each(HOSTILE)('the sign-in form refuses %s in any field, before the database', async (_what, raw) => {
    const browser = h.browser();
    const { loginId, action } = await openSignIn(browser);
    const fields = { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD };
    const seen = watchDb();
    for (const name of ['email', 'password', 'login_id']) {
      await expectErrorPage(
        await browser.request(action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: withRaw(fields, name, raw),
        }),
      );
    }
    expect(seen()).toEqual([]);
    expect(browser.cookies.has('scaikey_session')).toBe(false);
  });

  it('the sign-in form refuses a body that is not UTF-8 at all', async () => {
    const browser = h.browser();
    const { loginId, action } = await openSignIn(browser);
    const body = Buffer.concat([
      Buffer.from(`login_id=${loginId}&email=`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('%40scaikey.test&password=x'),
    ]);
    await expectErrorPage(
      await browser.request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }),
    );
  });

  it.each(HOSTILE)('token and revoke refuse %s in any parameter with an OAuth error', async (_what, raw) => {
    const seen = watchDb();
    const grants: Record<string, string>[] = [
      { grant_type: 'authorization_code', code: 'c'.repeat(43), redirect_uri: h.redirectUri, code_verifier: 'v'.repeat(43), client_id: h.clientId },
      { grant_type: 'refresh_token', refresh_token: 'r'.repeat(43), scope: 'openid', client_id: h.clientId },
      { token: 't'.repeat(43), token_type_hint: 'refresh_token', client_id: h.clientId },
    ];
    for (const [i, fields] of grants.entries()) {
      const url = i < 2 ? h.urls.token : h.urls.revocation;
      for (const name of Object.keys(fields)) {
        const res = await h.app.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: withRaw(fields, name, raw),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'invalid_request' });
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    }
    expect(seen()).toEqual([]);
  });

  it.each(HOSTILE)('sign-out refuses %s in any parameter, and the session survives', async (_what, raw) => {
    const browser = h.browser();
    const { id_token } = await tokens();
    const fields = { id_token_hint: id_token, post_logout_redirect_uri: h.postLogoutRedirectUri, state: 's', client_id: h.clientId };
    const seen = watchDb();
    for (const name of Object.keys(fields)) {
      await expectErrorPage(await browser.get(`${h.urls.endSession}?${withRaw(fields, name, raw)}`));
      await expectErrorPage(
        await browser.request(h.urls.endSession, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: withRaw(fields, name, raw),
        }),
      );
    }
    expect(seen()).toEqual([]);
  });

  it('a NUL in the typed email never reaches the log, nor does the email when something fails', async () => {
    const logged: unknown[] = [];
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(...args));
    }
    const secretEmail = 'someone.private@scaikey.test';
    const browser = h.browser();
    const { loginId, action } = await openSignIn(browser);
    const nul = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `login_id=${loginId}&email=${encodeURIComponent(secretEmail)}%00&password=x`,
    });
    expect(nul.status).toBe(400);

    // And when the database itself fails, with the email in its error (as drivers put parameters there).
    const failure = Object.assign(new Error(`could not run query with $1 = ${secretEmail}`), {
      code: 'XX000',
      params: [secretEmail],
      query: 'SELECT ... WHERE lower(email) = lower($1)',
    });
    vi.spyOn(h.ctx.db, 'query').mockRejectedValueOnce(failure);
    const res = await browser.postForm(action, { login_id: loginId, email: secretEmail, password: 'x' });
    expect(res.status).toBe(500);
    const win = await parsePage(await res.text(), action);
    expect(within(win.document.body).getByRole('heading', { level: 1 }).textContent).toBe("We can't continue signing you in");

    const text = logged.map((v) => (v instanceof Error ? `${v.stack} ${JSON.stringify(v)}` : String(v))).join('\n');
    expect(text).toContain('/oauth/login');
    expect(text).not.toContain(secretEmail);
    expect(text).not.toContain('someone.private');
  });
});

describe('size limits', () => {
  const big = `x=${'a'.repeat(16 * 1024)}`;

  it.each([
    ['sign-in', () => h.urls.authorization.replace(/authorize$/, 'login'), 'page'],
    ['authorize (POST)', () => h.urls.authorization, 'page'],
    ['sign-out (POST)', () => h.urls.endSession, 'page'],
    ['token', () => h.urls.token, 'json'],
    ['revoke', () => h.urls.revocation, 'json'],
  ])('%s refuses a form body over 16 KB with 413', async (_what, url, kind) => {
    for (const headers of [{}, { 'content-length': String(big.length) }] as Record<string, string>[]) {
      const res = await h.app.request(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: big,
      });
      expect(res.status).toBe(413);
      if (kind === 'json') expect(await res.json()).toMatchObject({ error: 'invalid_request' });
      else expect(await res.text()).toContain('The request is too large.');
    }
  });

  it('takes a real sign-in form well under the limit', async () => {
    const browser = h.browser();
    const url = authorizeUrl({ state: 's'.repeat(512), nonce: 'n'.repeat(512) });
    const page = await browser.get(url);
    const html = await page.text();
    expect(html.length).toBeLessThan(12 * 1024);
    const { loginId, action } = readSignInForm(html, url);
    const res = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).searchParams.get('state')).toBe('s'.repeat(512));
  });

  it('refuses an email longer than any address without looking it up', async () => {
    const browser = h.browser();
    const { loginId, action } = await openSignIn(browser);
    const seen = watchDb();
    const res = await browser.postForm(action, { login_id: loginId, email: `${'a'.repeat(250)}@scaikey.test`, password: 'x' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Invalid email or password.');
    expect(seen().filter(([sql]) => /\busers\b/.test(String(sql)))).toEqual([]);
  });
});

describe('anonymous authorization requests', () => {
  const count = async () =>
    Number((await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM oauth_login_requests'))[0]?.n);

  it('store nothing, however many and however large', async () => {
    const before = await count();
    for (let i = 0; i < 200; i++) {
      const res = await h.app.request(authorizeUrl({ state: `${i}`.padEnd(512, 's'), nonce: 'n'.repeat(512) }));
      expect(res.status).toBe(200);
    }
    expect(await count()).toBe(before);
  });

  it.each([
    ['a state over 512 characters', { state: 's'.repeat(513) }],
    ['a nonce over 512 characters', { nonce: 'n'.repeat(513) }],
    ['a login_hint over 254 characters', { login_hint: `${'a'.repeat(250)}@x.test` }],
    ['a state outside printable ASCII', { state: 'caf\u00e9' }],
    ['a state with a control character', { state: 'a\u0001b' }],
    ['a nonce with a control character', { nonce: 'a\nb' }],
  ])('are refused with %s', async (_what, overrides) => {
    const res = await h.browser().get(authorizeUrl(overrides));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
    // The state goes back only if it is one the client could have sent.
    expect((location.searchParams.get('state') ?? '').length).toBeLessThanOrEqual(512);
    expect(location.searchParams.get('state') ?? '').toMatch(/^[\x20-\x7e]*$/);
  });

  it('keep working: a page completes once, only in its browser, with its request unchanged', async () => {
    const browser = h.browser();
    const { verifier, challenge } = pkce();
    const url = authorizeUrl({ code_challenge: challenge, state: 'keep-me', nonce: 'nonce-kept' });
    const { loginId, action } = readSignInForm(await (await browser.get(url)).text(), url);
    const before = await count();

    // Altered: any change to the signed value is refused.
    const [body = '', mac = ''] = loginId.split('.');
    const flipped = `${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}.${mac}`;
    for (const forged of [flipped, `${body}.${mac.slice(0, -1)}x`, body, `${loginId}x`, '']) {
      const res = await browser.postForm(action, { login_id: forged, email: EMAIL.superAdmin, password: PASSWORD });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This sign-in page has expired');
    }
    // Another browser (login CSRF).
    expect((await h.browser().postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD })).status).toBe(400);

    const res = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('keep-me');
    // Only a completed sign-in is recorded (for single use), and only until the page would expire.
    expect(await count()).toBe(before + 1);
    const again = await browser.postForm(action, { login_id: loginId, email: EMAIL.superAdmin, password: PASSWORD });
    expect(again.status).toBe(400);

    const token = await h.app.request(h.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        redirect_uri: h.redirectUri,
        code_verifier: verifier,
        client_id: h.clientId,
      }).toString(),
    });
    const { id_token } = await token.json();
    expect(JSON.parse(Buffer.from(id_token.split('.')[1], 'base64url').toString()).nonce).toBe('nonce-kept');

    h.clock.advance(31 * 60);
    await h.browser().get(authorizeUrl()); // housekeeping
    expect(await count()).toBe(0);
  });
});
