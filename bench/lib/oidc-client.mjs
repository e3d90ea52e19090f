// Signing in over plain HTTP, as the console does: authorize → sign-in form → code → token
// (PKCE S256). Used by bench/auth-flood.mjs and by `npm run bench -- --server-only`, neither of
// which drives a browser.
import { createHash, randomBytes } from 'node:crypto';

export const CLIENT_ID = 'scaikey-admin-console';
/** The console's own address in `npm start`: registered whatever CONSOLE_ORIGINS says. */
export const REDIRECT_URI = 'http://localhost:5173/auth/callback';

function cookieFrom(res, name) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

/** Opens a sign-in page: its form's absolute action, the pending sign-in and the browser cookie. */
export async function openSignInPage(discovery, challenge, headers = {}, redirectUri = REDIRECT_URI) {
  const url = new URL(discovery.authorization_endpoint);
  const params = {
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual', headers });
  const html = await res.text();
  const loginId = /name="login_id" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const cookie = cookieFrom(res, 'scaikey_login');
  if (res.status !== 200 || !loginId || !action || !cookie) throw new Error(`no sign-in page (HTTP ${res.status})`);
  return { action: new URL(action, url).toString(), loginId, cookie };
}

export function postForm(url, fields, cookie, headers = {}) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function signIn(discovery, account, redirectUri = REDIRECT_URI) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const form = await openSignInPage(discovery, challenge, {}, redirectUri);
  const res = await postForm(
    form.action,
    { login_id: form.loginId, email: account.email, password: account.password },
    `scaikey_login=${form.cookie}`,
  );
  await res.arrayBuffer();
  const location = res.headers.get('location');
  const code = location && new URL(location).searchParams.get('code');
  if (res.status !== 303 || !code) throw new Error(`sign-in as ${account.email} failed (HTTP ${res.status})`);
  const token = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: CLIENT_ID,
    }).toString(),
  });
  const body = await token.json();
  if (!token.ok || !body.access_token) throw new Error(`token exchange failed (HTTP ${token.status})`);
  return body.access_token;
}
