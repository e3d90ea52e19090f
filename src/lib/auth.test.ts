import { User } from 'oidc-client-ts';
import {
  completeSignIn,
  createUserManager,
  getAccessToken,
  getUserManager,
  initAuth,
  refreshAccessToken,
  signIn,
} from './auth';
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

const user = (overrides: Partial<User> = {}) => ({ access_token: 'a1', refresh_token: 'r1', ...overrides }) as User;

describe('auth', () => {
  beforeEach(() => {
    initAuth(testConfig);
  });

  it('keeps tokens in memory only and sends the browser back to <base>auth/callback', async () => {
    const manager = createUserManager(testConfig, { baseURI: 'http://localhost:5173/console/' });
    expect(manager.settings.redirect_uri).toBe('http://localhost:5173/console/auth/callback');
    expect(manager.settings.post_logout_redirect_uri).toBe('http://localhost:5173/console/');
    expect(manager.settings.automaticSilentRenew).toBe(true);
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
