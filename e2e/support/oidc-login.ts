import { createHash, randomBytes } from 'node:crypto';
import { E2E, type Account } from './env';

/**
 * Signs in the way the console does (authorization code + PKCE), but from Node: opens the
 * authorize URL, submits the sign-in form it gets back, and trades the code for tokens.
 * Used by the `api` fixture to seed and clean up data as a real admin.
 */
export async function signInForTokens(account: Account): Promise<{ accessToken: string; refreshToken?: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = new URL('auth/callback', E2E.baseUrl).toString();
  const authorize = new URL(`${E2E.apiUrl}/api/v1/platform/oauth/authorize`);
  authorize.search = new URLSearchParams({
    client_id: E2E.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  const cookies = new CookieJar();
  const page = await fetch(authorize, { redirect: 'manual' });
  cookies.take(page);
  const html = await page.text();
  const form = parseForm(html, authorize);
  form.fields.set('email', account.email);
  form.fields.set('password', account.password);

  const posted = await fetch(form.action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
    body: new URLSearchParams([...form.fields]).toString(),
  });
  const location = posted.headers.get('location');
  const code = location ? new URL(location, form.action).searchParams.get('code') : null;
  if (!code) throw new Error(`Sign-in as ${account.email} failed (HTTP ${posted.status}); no code in the redirect.`);

  const token = await fetch(`${E2E.apiUrl}/api/v1/platform/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: E2E.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await token.json()) as { access_token?: string; refresh_token?: string };
  if (!token.ok || !body.access_token) throw new Error(`Token exchange failed: HTTP ${token.status} ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

class CookieJar {
  private readonly jar = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function parseForm(html: string, base: URL): { action: string; fields: Map<string, string> } {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  if (!formTag) throw new Error('The authorize endpoint did not answer with a sign-in form.');
  const action = attr(formTag, 'action');
  const fields = new Map<string, string>();
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields.set(name, decodeEntities(attr(input, 'value') ?? ''));
  }
  return { action: new URL(action ? decodeEntities(action) : base.toString(), base).toString(), fields };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
