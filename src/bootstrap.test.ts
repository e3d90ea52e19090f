import { within } from '@testing-library/dom';
import { ErrorResponse, type User } from 'oidc-client-ts';
import type * as AuthModule from './lib/auth';
import type * as ConfigModule from './lib/config';
import { completeSignIn, getUserManager, initAuth, pendingReturnTo, restoreCarriedSession, signIn } from './lib/auth';
import { loadConfig } from './lib/config';
import { keepForCallback } from './lib/sign-in-round-trip';
import { preloadScreenRequests, startFirstRequests } from './app/first-requests';
import { start } from './bootstrap';
import { testConfig } from './testing/test-config';

vi.mock('./lib/config', async (importOriginal) => ({
  ...(await importOriginal<typeof ConfigModule>()),
  loadConfig: vi.fn(),
}));

vi.mock('./lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof AuthModule>()),
  initAuth: vi.fn(),
  getUserManager: vi.fn(),
  signIn: vi.fn(),
  completeSignIn: vi.fn(),
  pendingReturnTo: vi.fn(),
  restoreCarriedSession: vi.fn(),
}));

// The first requests' QueryClient, as first-requests.ts would hand it to the shell.
const FIRST_REQUESTS = { started: 'first requests' };
vi.mock('./app/first-requests', () => ({ startFirstRequests: vi.fn(async () => FIRST_REQUESTS), preloadScreenRequests: vi.fn() }));

const CONFIG_URL = 'http://localhost:3000/config.json';
const DISCOVERY = { issuer: testConfig.oidc.authority, token_endpoint: `${testConfig.oidc.authority}/token` };

function setUp(path: string, { user = null as Partial<User> | null } = {}) {
  const base = document.createElement('base');
  base.href = '/';
  document.head.append(base);
  window.history.replaceState(null, '', path);
  vi.mocked(loadConfig).mockResolvedValue({ ok: true, config: testConfig, url: CONFIG_URL });
  vi.mocked(getUserManager).mockReturnValue({ getUser: async () => user } as unknown as ReturnType<typeof getUserManager>);
  vi.mocked(signIn).mockResolvedValue(undefined);
  vi.mocked(restoreCarriedSession).mockResolvedValue(false);
  vi.mocked(pendingReturnTo).mockResolvedValue(null);
  const root = document.createElement('div');
  document.body.append(root);
  const renderApp = vi.fn();
  const loadApp = vi.fn(async () => ({ renderApp }));
  return { root, renderApp, loadApp, base };
}

describe('bootstrap', () => {
  afterEach(() => {
    document.head.querySelectorAll('base').forEach((element) => element.remove());
    document.body.replaceChildren();
    vi.mocked(loadConfig).mockReset();
    vi.mocked(initAuth).mockReset();
    vi.mocked(signIn).mockReset();
    vi.mocked(completeSignIn).mockReset();
    vi.mocked(restoreCarriedSession).mockReset();
    vi.mocked(pendingReturnTo).mockReset();
    vi.mocked(startFirstRequests).mockClear();
    vi.mocked(preloadScreenRequests).mockClear();
  });

  it('stops at a readable page when config.json is wrong, before any sign-in', async () => {
    const { root, loadApp } = setUp('/tenants');
    vi.mocked(loadConfig).mockResolvedValue({
      ok: false,
      url: CONFIG_URL,
      problems: [{ key: 'oidc.clientId', message: 'missing; expected a non-empty string' }],
    });

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(within(root).getByRole('heading', { level: 1, name: 'The console is not configured correctly' })).toBeInTheDocument();
    expect(root).toHaveTextContent('oidc.clientId: missing; expected a non-empty string');
    expect(initAuth).not.toHaveBeenCalled();
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('sends a visitor without a user to sign in, remembering the full path', async () => {
    const { root, loadApp } = setUp('/tenants?status=ACTIVE#list');

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(initAuth).toHaveBeenCalledWith(testConfig, undefined);
    expect(signIn).toHaveBeenCalledWith('tenants?status=ACTIVE#list');
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('finishes the callback, puts the remembered URL and history state back in place, and only then loads the app', async () => {
    const { root, loadApp, renderApp } = setUp('/auth/callback?code=abc&state=xyz');
    vi.mocked(completeSignIn).mockResolvedValue({ returnTo: 'tenants?status=ACTIVE#list', historyState: { idx: 2, key: 'k2' } });
    const entries = window.history.length;

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/tenants?status=ACTIVE#list');
    expect(window.history.state).toEqual({ idx: 2, key: 'k2' });
    expect(window.history.length).toBe(entries);
    expect(signIn).not.toHaveBeenCalled();
    expect(renderApp).toHaveBeenCalledWith(root, FIRST_REQUESTS);
  });

  it("on the callback, downloads the first requests' chunk while the code is exchanged, and the shell only once there is a token", async () => {
    const { root, loadApp, renderApp } = setUp('/auth/callback?code=abc&state=xyz');
    vi.mocked(pendingReturnTo).mockResolvedValue('tenants?status=ACTIVE#list');
    let finishExchange: (value: { returnTo: string; historyState: unknown }) => void = () => undefined;
    vi.mocked(completeSignIn).mockReturnValue(new Promise((resolve) => (finishExchange = resolve)));
    const preloadScreen = vi.fn();

    const started = start(root, { loadApp, preloadScreen });
    await vi.waitFor(() => expect(completeSignIn).toHaveBeenCalled());
    await vi.waitFor(() => expect(preloadScreenRequests).toHaveBeenCalledWith('/tenants'));
    expect(loadApp).not.toHaveBeenCalled();
    expect(preloadScreen).not.toHaveBeenCalled();
    expect(startFirstRequests).not.toHaveBeenCalled();

    finishExchange({ returnTo: 'tenants?status=ACTIVE#list', historyState: null });
    await started;
    expect(startFirstRequests).toHaveBeenCalledWith('/tenants', '?status=ACTIVE');
    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(preloadScreen).toHaveBeenCalledWith('/tenants');
    expect(renderApp).toHaveBeenCalledWith(root, FIRST_REQUESTS);
  });

  it("sends /auth/me and the screen's requests once the token is there, and only then imports the shell", async () => {
    const { root, renderApp } = setUp('/auth/callback?code=abc&state=xyz');
    vi.mocked(completeSignIn).mockResolvedValue({ returnTo: 'tenants?status=ACTIVE#list', historyState: null });
    let requestsSent: (client: typeof FIRST_REQUESTS) => void = () => undefined;
    vi.mocked(startFirstRequests).mockReturnValueOnce(new Promise((resolve) => (requestsSent = resolve)) as never);
    let shellLoaded: (app: { renderApp: typeof renderApp }) => void = () => undefined;
    const loadApp = vi.fn(() => new Promise<{ renderApp: typeof renderApp }>((resolve) => (shellLoaded = resolve)));

    const started = start(root, { loadApp, preloadScreen: () => undefined });
    await vi.waitFor(() => expect(startFirstRequests).toHaveBeenCalledWith('/tenants', '?status=ACTIVE'));
    // Evaluating the shell would hold the main thread before the requests leave.
    expect(loadApp).not.toHaveBeenCalled();

    requestsSent(FIRST_REQUESTS);
    await vi.waitFor(() => expect(loadApp).toHaveBeenCalledTimes(1));
    expect(renderApp).not.toHaveBeenCalled();
    shellLoaded({ renderApp });
    await started;
    expect(renderApp).toHaveBeenCalledWith(root, FIRST_REQUESTS);
    expect(startFirstRequests).toHaveBeenCalledTimes(1);
  });

  it('sends no request before there is a token: a visitor without one is sent to sign in', async () => {
    const { root, loadApp } = setUp('/tenants');
    await start(root, { loadApp, preloadScreen: () => undefined });
    expect(signIn).toHaveBeenCalled();
    expect(startFirstRequests).not.toHaveBeenCalled();
  });

  it('on the callback, takes config.json and the discovery document from the page that started the sign-in', async () => {
    const { root, loadApp } = setUp('/auth/callback?code=abc&state=xyz');
    vi.mocked(completeSignIn).mockResolvedValue({ returnTo: 'tenants', historyState: null });
    keepForCallback({ callback: 'http://localhost:3000/auth/callback', config: testConfig, metadata: DISCOVERY });

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(loadConfig).not.toHaveBeenCalled();
    expect(initAuth).toHaveBeenCalledWith(testConfig, DISCOVERY);
  });

  it('fetches config.json when what was kept is not valid, and outside the callback', async () => {
    const callback = 'http://localhost:3000/auth/callback';
    const first = setUp('/auth/callback?code=abc&state=xyz');
    vi.mocked(completeSignIn).mockResolvedValue({ returnTo: 'tenants', historyState: null });
    keepForCallback({ callback, config: { apiBaseUrl: 'nope' }, metadata: DISCOVERY });
    await start(first.root, { loadApp: first.loadApp, preloadScreen: () => undefined });
    expect(loadConfig).toHaveBeenCalledTimes(1);
    expect(initAuth).toHaveBeenLastCalledWith(testConfig, undefined);

    const second = setUp('/tenants');
    keepForCallback({ callback, config: testConfig, metadata: DISCOVERY });
    await start(second.root, { loadApp: second.loadApp, preloadScreen: () => undefined });
    expect(loadConfig).toHaveBeenCalledTimes(2);
    expect(initAuth).toHaveBeenLastCalledWith(testConfig, undefined);
  });

  it('explains a refused sign-in and offers to try again where the user was going', async () => {
    const { root, loadApp } = setUp('/auth/callback?error=access_denied&state=xyz');
    vi.mocked(completeSignIn).mockRejectedValue(
      new ErrorResponse({ error: 'access_denied', error_description: 'The user cancelled the sign-in', userState: { returnTo: 'tenants' } }),
    );

    await start(root, { loadApp, preloadScreen: () => undefined });

    const page = within(root);
    expect(page.getByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeInTheDocument();
    expect(root).toHaveTextContent('Reason: The user cancelled the sign-in (access_denied)');
    expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', 'http://localhost:3000/tenants');
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('explains a callback URL that was opened a second time', async () => {
    const { root, loadApp } = setUp('/auth/callback?code=abc&state=used');
    vi.mocked(completeSignIn).mockRejectedValue(new Error('No matching state found in storage'));

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(root).toHaveTextContent('This sign-in response has already been used or has expired.');
    expect(within(root).getByRole('link', { name: 'Try again' })).toHaveAttribute('href', 'http://localhost:3000/');
  });

  it('says so when the sign-in service cannot be reached', async () => {
    const { root, loadApp } = setUp('/tenants');
    vi.mocked(signIn).mockRejectedValue(new TypeError('Failed to fetch'));

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(within(root).getByRole('heading', { level: 1, name: 'The sign-in service cannot be reached' })).toBeInTheDocument();
    expect(root).toHaveTextContent(testConfig.oidc.authority);
  });

  it('loads the app straight away when a user is already in memory', async () => {
    const { root, loadApp, renderApp } = setUp('/tenants', { user: { access_token: 'a' } });

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(signIn).not.toHaveBeenCalled();
    expect(renderApp).toHaveBeenCalledWith(root, FIRST_REQUESTS);
  });

  it('a reload that carried an access token across starts the app at once, with no redirect', async () => {
    const { root, loadApp, renderApp } = setUp('/tenants?page=2');
    vi.mocked(restoreCarriedSession).mockResolvedValue(true);
    const entries = window.history.length;

    await start(root, { loadApp, preloadScreen: () => undefined });

    expect(restoreCarriedSession).toHaveBeenCalledWith(testConfig);
    expect(signIn).not.toHaveBeenCalled();
    expect(renderApp).toHaveBeenCalledWith(root, FIRST_REQUESTS);
    expect(window.location.pathname + window.location.search).toBe('/tenants?page=2');
    expect(window.history.length).toBe(entries);
  });
});
