import { MetadataService, User, UserManager } from 'oidc-client-ts';
import { createApiClient } from './api-client';
import {
  completeSignIn,
  createUserManager,
  currentReturnTo,
  getAccessToken,
  getSignedInProfile,
  getUserManager,
  initAuth,
  pageHasUnsavedWork,
  pendingReturnTo,
  refreshAccessToken,
  RENEWAL_RETRY_MS,
  restoreCarriedSession,
  signIn,
  signOut,
} from './auth';
import { CARRIED_SESSION_KEY, CARRY_MIN_REMAINING_S, RENEW_BEFORE_EXPIRY_S } from './carried-session';
import { callbackUrl } from './base-url';
import { ROUND_TRIP_MAX_AGE_MS, takeFromSignIn } from './sign-in-round-trip';
import { testConfig } from '@/testing/test-config';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const DISCOVERY = {
  issuer: testConfig.oidc.authority,
  authorization_endpoint: `${testConfig.oidc.authority}/authorize`,
  token_endpoint: `${testConfig.oidc.authority}/token`,
};

const user = (overrides: Partial<User> = {}) => ({ access_token: 'a1', refresh_token: 'r1', ...overrides }) as User;

// The discovery document, which signIn hands to the callback page, without a network.
beforeEach(() => {
  vi.spyOn(MetadataService.prototype, 'getMetadata').mockResolvedValue(DISCOVERY);
});

describe('auth', () => {
  beforeEach(() => {
    initAuth(testConfig);
  });

  it('keeps tokens in memory only and sends the browser back to <base>auth/callback', async () => {
    const manager = createUserManager(testConfig, { baseURI: 'http://localhost:5173/console/' });
    expect(manager.settings.redirect_uri).toBe('http://localhost:5173/console/auth/callback');
    expect(manager.settings.post_logout_redirect_uri).toBe('http://localhost:5173/console/');
    // Renewal is auth.ts's own (renewBeforeExpiry), never oidc-client-ts's iframe fallback.
    expect(manager.settings.automaticSilentRenew).toBe(false);
    expect(manager.settings.monitorSession).toBe(false);
    expect(manager.settings.scope).toBe('openid profile email offline_access');

    await manager.storeUser(
      new User({ access_token: 'secret-token', refresh_token: 'secret-refresh', token_type: 'Bearer', profile: { sub: 'usr_1', iss: 'x', aud: 'y', exp: 0, iat: 0 } }),
    );
    const stored = JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage });
    expect(stored).not.toContain('secret-token');
    expect(stored).not.toContain('secret-refresh');
    expect((await manager.getUser())?.access_token).toBe('secret-token');
  });

  it('shares one silent refresh between concurrent callers', async () => {
    const manager = getUserManager();
    vi.spyOn(manager, 'getUser').mockResolvedValue(user());
    const pending = deferred<User>();
    const silent = vi.spyOn(manager, 'signinSilent').mockReturnValue(pending.promise);

    const first = refreshAccessToken();
    const second = refreshAccessToken();
    expect(second).toBe(first);
    pending.resolve(user({ access_token: 'a2' }));

    await expect(first).resolves.toBe('a2');
    expect(silent).toHaveBeenCalledTimes(1);

    // Once settled, the next 401 may refresh again.
    silent.mockResolvedValue(user({ access_token: 'a3' }));
    await expect(refreshAccessToken()).resolves.toBe('a3');
    expect(silent).toHaveBeenCalledTimes(2);
  });

  it('never falls back to an iframe: no refresh token means no refresh', async () => {
    const manager = getUserManager();
    vi.spyOn(manager, 'getUser').mockResolvedValue(user({ refresh_token: undefined }));
    const silent = vi.spyOn(manager, 'signinSilent');
    await expect(refreshAccessToken()).resolves.toBeNull();
    expect(silent).not.toHaveBeenCalled();
  });

  it('answers null when the provider refuses the refresh token', async () => {
    const manager = getUserManager();
    vi.spyOn(manager, 'getUser').mockResolvedValue(user());
    vi.spyOn(manager, 'signinSilent').mockRejectedValue(new Error('invalid_grant'));
    await expect(refreshAccessToken()).resolves.toBeNull();
  });

  it('starts one redirect, in place of the current history entry, remembering its path and state', async () => {
    const manager = getUserManager();
    const redirect = vi.spyOn(manager, 'signinRedirect').mockResolvedValue(undefined);
    window.history.replaceState({ idx: 3, key: 'k3' }, '', '/tenants?page=2');
    await Promise.all([signIn('tenants?page=2'), signIn('tenants?page=2')]);
    expect(redirect).toHaveBeenCalledTimes(1);
    // replace, not assign: a reload's silent sign-in must not add an entry to the history.
    expect(redirect).toHaveBeenCalledWith({
      state: { returnTo: 'tenants?page=2', historyState: { idx: 3, key: 'k3' } },
      redirectMethod: 'replace',
    });
  });

  it('navigates to the provider with location.replace, so the history keeps its length', async () => {
    const manager = getUserManager();
    vi.spyOn(manager.metadataService, 'getAuthorizationEndpoint').mockResolvedValue('http://localhost:8000/oauth/authorize');
    const replace = vi.fn();
    const assign = vi.fn();
    const location = vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, replace, assign });
    try {
      void signIn('tenants');
      await vi.waitFor(() => expect(replace).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/localhost:8000\/oauth\/authorize\?/)));
      expect(assign).not.toHaveBeenCalled();
    } finally {
      location.mockRestore();
    }
  });

  it('finishes the callback, keeps the user in memory, and only returns to safe paths', async () => {
    const manager = getUserManager();
    vi.spyOn(manager, 'signinRedirectCallback').mockResolvedValue(
      user({ access_token: 'fresh', state: { returnTo: 'tenants?status=ACTIVE' } }),
    );
    await expect(completeSignIn()).resolves.toEqual({ returnTo: 'tenants?status=ACTIVE', historyState: null });
    expect(getAccessToken()).toBe('fresh');

    vi.spyOn(manager, 'signinRedirectCallback').mockResolvedValue(
      user({ state: { returnTo: 'tenants?page=2', historyState: { idx: 3, key: 'k3' } } }),
    );
    await expect(completeSignIn()).resolves.toEqual({ returnTo: 'tenants?page=2', historyState: { idx: 3, key: 'k3' } });

    vi.spyOn(manager, 'signinRedirectCallback').mockResolvedValue(user({ state: { returnTo: 'https://evil.example/' } }));
    await expect(completeSignIn()).resolves.toMatchObject({ returnTo: '' });
  });
});

describe('the sign-in round trip: what the callback page need not fetch again', () => {
  const fetched = vi.fn();
  beforeEach(() => {
    fetched.mockReset();
    vi.spyOn(MetadataService.prototype, 'getMetadata').mockImplementation(async function (this: MetadataService) {
      // What the real one does when the settings carry no metadata: fetch the discovery document.
      const given = (this as unknown as { _metadata: unknown })._metadata;
      if (given) return given as typeof DISCOVERY;
      fetched();
      return DISCOVERY;
    });
    vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);
  });
  afterEach(() => vi.useRealTimers());

  /** Signs in (the page before the round trip), then takes what it kept on the callback `minutesLater`. */
  async function signInThenCallback({ minutesLater = 0, callback = callbackUrl() } = {}) {
    initAuth(testConfig);
    await signIn('tenants');
    expect(fetched).toHaveBeenCalledTimes(1);
    fetched.mockReset();
    if (minutesLater) vi.useFakeTimers({ now: Date.now() + minutesLater * 60_000 });
    return takeFromSignIn(callback);
  }

  it('hands config.json and the discovery document, and no token, to the callback page, once', async () => {
    const kept = await signInThenCallback();
    expect(kept).toMatchObject({ config: testConfig, metadata: DISCOVERY });
    expect(JSON.stringify(kept)).not.toMatch(/"(access_token|refresh_token|id_token|code_verifier|code)"/);

    // The callback's UserManager exchanges the code without fetching the discovery document again.
    const manager = initAuth(testConfig, kept?.metadata);
    await expect(manager.metadataService.getTokenEndpoint()).resolves.toBe(DISCOVERY.token_endpoint);
    expect(fetched).not.toHaveBeenCalled();

    // Taken once: the next page load fetches both again.
    expect(takeFromSignIn(callbackUrl())).toBeNull();
    await initAuth(testConfig).metadataService.getMetadata();
    expect(fetched).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing for a round trip longer than a visit to the sign-in form, or for another callback URL', async () => {
    await expect(signInThenCallback({ minutesLater: ROUND_TRIP_MAX_AGE_MS / 60_000 + 1 })).resolves.toBeNull();
    vi.useRealTimers();
    await expect(signInThenCallback({ callback: 'http://localhost:3000/other/auth/callback' })).resolves.toBeNull();
  });

  it('reads where the sign-in returns to before the code is exchanged, leaving the state for the exchange', async () => {
    const manager = initAuth(testConfig);
    await manager.settings.stateStore.set(
      'st1',
      JSON.stringify({ id: 'st1', created: Math.floor(Date.now() / 1000), request_type: 'si:r', data: { returnTo: 'tenants?page=2' } }),
    );
    await expect(pendingReturnTo('http://localhost:3000/auth/callback?code=c&state=st1')).resolves.toBe('tenants?page=2');
    await expect(manager.settings.stateStore.get('st1')).resolves.not.toBeNull();
    await expect(pendingReturnTo('http://localhost:3000/auth/callback?error=access_denied&state=st1')).resolves.toBeNull();
    await expect(pendingReturnTo('http://localhost:3000/auth/callback?code=c&state=unknown')).resolves.toBeNull();
  });
});

describe('auth across a reload (the access token carried in sessionStorage)', () => {
  const nowS = () => Math.floor(Date.now() / 1000);
  const signedInUser = (overrides: Partial<ConstructorParameters<typeof User>[0]> = {}) =>
    new User({
      access_token: 'carried-access',
      refresh_token: 'memory-only-refresh',
      id_token: 'carried-id',
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
      expires_at: nowS() + 3600,
      profile: { sub: 'usr_1', iss: testConfig.oidc.authority, aud: testConfig.oidc.clientId, exp: 0, iat: 0, email: 'root@scaikey.test' },
      ...overrides,
    });

  /** The tab's first life: a sign-in completes (oidc-client-ts raises userLoaded), then the page reloads. */
  async function signInThenReload(overrides: Partial<ConstructorParameters<typeof User>[0]> = {}) {
    const first = initAuth(testConfig);
    await first.events.load(signedInUser(overrides));
    initAuth(testConfig); // the reload: a new document, nothing in memory
    return restoreCarriedSession(testConfig);
  }

  let meta: HTMLMetaElement;
  beforeEach(() => {
    meta = document.createElement('meta');
    meta.setAttribute('http-equiv', 'Content-Security-Policy');
    meta.setAttribute('content', "script-src 'self'; object-src 'none'");
    document.head.append(meta);
  });
  afterEach(() => {
    meta.remove();
    vi.useRealTimers();
  });

  it('starts with the carried access token, no redirect, and no refresh token', async () => {
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);
    await expect(signInThenReload()).resolves.toBe(true);
    expect(getAccessToken()).toBe('carried-access');
    expect(getSignedInProfile().email).toBe('root@scaikey.test');
    expect((await getUserManager().getUser())?.refresh_token).toBeFalsy();
    expect(redirect).not.toHaveBeenCalled();
  });

  it('without the CSP meta nothing is carried: the reload signs in as before', async () => {
    meta.remove();
    await expect(signInThenReload()).resolves.toBe(false);
    expect(getAccessToken()).toBeUndefined();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
  });

  it('does not use an expired carried token', async () => {
    await expect(signInThenReload({ expires_at: nowS() - 1 })).resolves.toBe(false);
    expect(getAccessToken()).toBeUndefined();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
  });

  it('a 401 on the first Admin API call removes it and falls back to the normal sign-in', async () => {
    await signInThenReload();
    const redirect = vi.spyOn(getUserManager(), 'signinRedirect').mockResolvedValue(undefined);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ detail: 'Token has been revoked' }), { status: 401, headers: { 'content-type': 'application/json' } }));
    const client = createApiClient({
      baseUrl: testConfig.apiBaseUrl,
      auth: { getAccessToken, refreshAccessToken, signIn, currentReturnTo },
      fetch,
    });
    window.history.replaceState(null, '', '/tenants?page=2');

    const { response } = await client.GET('/api/v1/admin/auth/me');

    expect(response.status).toBe(401);
    expect((fetch.mock.calls[0] as unknown as [Request])[0].headers.get('Authorization')).toBe('Bearer carried-access');
    await vi.waitFor(() => expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ redirectMethod: 'replace' })));
    expect(redirect.mock.calls[0]?.[0]?.state).toMatchObject({ returnTo: 'tenants?page=2' });
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
  });

  it('sign-out removes it, and still names the user to ScaiKey (id_token_hint)', async () => {
    await signInThenReload();
    const signout = vi.spyOn(getUserManager(), 'signoutRedirect').mockResolvedValue(undefined);
    await signOut();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
    expect(signout).toHaveBeenCalledWith({ id_token_hint: 'carried-id' });
  });

  it('renews with the refresh token near expiry while the tab has one, and carries the new access token', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const manager = initAuth(testConfig);
    await manager.events.load(signedInUser({ expires_at: nowS() + RENEW_BEFORE_EXPIRY_S + 30 }));
    vi.spyOn(manager, 'getUser').mockResolvedValue(signedInUser());
    const redirect = vi.spyOn(manager, 'signinRedirect').mockResolvedValue(undefined);
    const silent = vi.spyOn(manager, 'signinSilent').mockImplementation(async () => {
      const renewed = signedInUser({ access_token: 'renewed-access', refresh_token: 'rotated-refresh' });
      await manager.events.load(renewed);
      return renewed;
    });
    await vi.advanceTimersByTimeAsync(40_000);
    expect(silent).toHaveBeenCalledTimes(1);
    expect(redirect).not.toHaveBeenCalled();
    expect(getAccessToken()).toBe('renewed-access');
    const stored = window.sessionStorage.getItem(CARRIED_SESSION_KEY) ?? '';
    expect(stored).toContain('renewed-access');
    expect(stored).not.toMatch(/refresh/);
  });

  it('after a reload renews by a sign-in round trip near expiry, held back while a form has unsaved changes', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    await signInThenReload({ expires_at: nowS() + CARRY_MIN_REMAINING_S + 60 });
    const redirect = vi.spyOn(getUserManager(), 'signinRedirect').mockResolvedValue(undefined);
    const unsaved = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', unsaved);
    try {
      // The expiring event comes RENEW_BEFORE_EXPIRY_S before expiry: a form is dirty, so wait.
      await vi.advanceTimersByTimeAsync((CARRY_MIN_REMAINING_S - RENEW_BEFORE_EXPIRY_S + 70) * 1000);
      expect(pageHasUnsavedWork()).toBe(true);
      expect(redirect).not.toHaveBeenCalled();
      expect(getAccessToken()).toBe('carried-access');
    } finally {
      window.removeEventListener('beforeunload', unsaved);
    }
    // Saved (or dropped): the next look signs in, in place of the current history entry.
    await vi.advanceTimersByTimeAsync(RENEWAL_RETRY_MS);
    expect(redirect).toHaveBeenCalledTimes(1);
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ redirectMethod: 'replace' }));
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
  });

  it('writes nothing to localStorage and the refresh token to no storage, through sign-in, refresh, reload and 401', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const manager = initAuth(testConfig);
    await manager.events.load(signedInUser());
    vi.spyOn(manager, 'signinSilent').mockImplementation(async () => {
      const renewed = signedInUser({ access_token: 'renewed-access', refresh_token: 'rotated-refresh' });
      await manager.events.load(renewed);
      return renewed;
    });
    vi.spyOn(manager, 'getUser').mockResolvedValue(signedInUser());
    await refreshAccessToken();
    initAuth(testConfig);
    await restoreCarriedSession(testConfig);
    vi.spyOn(getUserManager(), 'signinRedirect').mockResolvedValue(undefined);
    await signIn('tenants');

    expect(setItem).toHaveBeenCalled();
    for (const [index, [key, value]] of setItem.mock.calls.entries()) {
      expect(setItem.mock.contexts[index], `setItem(${key}) on localStorage`).not.toBe(window.localStorage);
      expect(value).not.toMatch(/memory-only-refresh|rotated-refresh|refresh_token/);
    }
    expect(window.localStorage).toHaveLength(0);
  });
});
