import { within } from '@testing-library/dom';
import { axeViolations, parsePage } from './support/oidc-dom';
import { EMAIL, createHarness, endSessionUrl, isSignedIn, signInForTokens, type Harness, type SignedIn } from './support/oidc-harness';

/**
 * Sign-out (RP-Initiated Logout) cannot be triggered by another site (issue 11, item 11): the
 * session cookie alone, which any page can make the browser send, never ends a session. It takes
 * an id_token_hint of the signed-in user (what the console sends) or the user's own confirmation.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => h.clock.reset());

const signIn = (email?: string) => signInForTokens(h, email);
const stillSignedIn = ({ browser }: SignedIn) => isSignedIn(h, browser);

async function refreshWorks(s: SignedIn): Promise<boolean> {
  const res = await h.app.request(h.urls.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: h.clientId }).toString(),
  });
  if (res.status !== 200) return false;
  s.refreshToken = (await res.json()).refresh_token;
  return true;
}

const logoutUrl = (params: Record<string, string>) => endSessionUrl(h, params);

async function confirmationPage(res: Response, url: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  const win = await parsePage(await res.text(), url);
  const page = within(win.document.body);
  expect(page.getByRole('heading', { level: 1 }).textContent).toBe('Sign out of ScaiKey?');
  const button = page.getByRole('button', { name: 'Sign out' });
  const form = button.closest('form')!;
  expect(form.method).toBe('post');
  return { win, form };
}

describe('sign-out without a hint', () => {
  it('asks for confirmation and leaves the session alone (a cross-site link)', async () => {
    const s = await signIn();
    const url = logoutUrl({ post_logout_redirect_uri: h.postLogoutRedirectUri, state: 'bye' });
    const res = await s.browser.get(url);
    const { win } = await confirmationPage(res, url);
    expect(await axeViolations(win)).toEqual([]);
    expect(s.browser.cookies.has('scaikey_session')).toBe(true);
    expect(await stillSignedIn(s)).toBe(true);
    expect(await refreshWorks(s)).toBe(true);
  });

  it('ends the session when the user confirms, and goes back to the application with the state', async () => {
    const s = await signIn();
    const url = logoutUrl({ post_logout_redirect_uri: h.postLogoutRedirectUri, state: 'bye' });
    const { form } = await confirmationPage(await s.browser.get(url), url);
    const fields = Object.fromEntries(new form.ownerDocument.defaultView!.FormData(form) as unknown as Iterable<[string, string]>);
    const res = await s.browser.postForm(form.action, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${h.postLogoutRedirectUri}?state=bye`);
    expect(s.browser.cookies.has('scaikey_session')).toBe(false);
    expect(await stillSignedIn(s)).toBe(false);
    expect(await refreshWorks(s)).toBe(false);
  });

  it('does not sign out on a form posted without the confirmation token, or with a stale or foreign one', async () => {
    const victim = await signIn();
    const url = logoutUrl({});
    const { form } = await confirmationPage(await victim.browser.get(url), url);
    const token = (form.elements.namedItem('csrf_token') as HTMLInputElement).value;

    const other = await signIn(EMAIL.partnerAdmin);
    const { form: otherForm } = await confirmationPage(await other.browser.get(url), url);
    const foreign = (otherForm.elements.namedItem('csrf_token') as HTMLInputElement).value;

    const forged: Record<string, string>[] = [{}, { csrf_token: '' }, { csrf_token: 'x' }, { csrf_token: foreign }, { csrf_token: `${token}x` }];
    for (const fields of forged) {
      const res = await victim.browser.postForm(h.urls.endSession, fields);
      await confirmationPage(res, h.urls.endSession);
      expect(await stillSignedIn(victim)).toBe(true);
    }
    h.clock.advance(11 * 60);
    await confirmationPage(await victim.browser.postForm(h.urls.endSession, { csrf_token: token }), h.urls.endSession);
    expect(await stillSignedIn(victim)).toBe(true);
    // A token is good for its own session only, and not through a GET.
    await confirmationPage(await victim.browser.get(logoutUrl({ csrf_token: token })), h.urls.endSession);
    expect(await stillSignedIn(victim)).toBe(true);
  });

  it('asks too when the hint is not ours, or names someone else', async () => {
    const s = await signIn();
    const other = await signIn(EMAIL.tenantAdmin);
    for (const hint of ['not-a-token', `${s.idToken.slice(0, -4)}AAAA`, other.idToken]) {
      const url = logoutUrl({ id_token_hint: hint, post_logout_redirect_uri: h.postLogoutRedirectUri });
      await confirmationPage(await s.browser.get(url), url);
      expect(await stillSignedIn(s)).toBe(true);
    }
  });

  it('has nothing to ask without a session', async () => {
    const res = await h.browser().get(logoutUrl({ post_logout_redirect_uri: h.postLogoutRedirectUri, state: 'x' }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${h.postLogoutRedirectUri}?state=x`);
  });
});

describe('sign-out with the signed-in user\'s id_token_hint (the console)', () => {
  it('ends the session at once and goes back to the application', async () => {
    const s = await signIn();
    const res = await s.browser.get(
      logoutUrl({ id_token_hint: s.idToken, post_logout_redirect_uri: h.postLogoutRedirectUri, state: 'done' }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${h.postLogoutRedirectUri}?state=done`);
    expect(await stillSignedIn(s)).toBe(false);
    expect(await refreshWorks(s)).toBe(false);
  });

  it('accepts a hint that has expired meanwhile (the console may hold an old ID token)', async () => {
    const s = await signIn();
    h.clock.advance(2 * 3600);
    const res = await s.browser.get(logoutUrl({ id_token_hint: s.idToken }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You have been signed out');
    expect(await stillSignedIn(s)).toBe(false);
  });
});
