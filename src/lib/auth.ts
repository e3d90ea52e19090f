/**
 * Sign-in with ScaiKey's OIDC provider (authorization code + PKCE, public client).
 *
 * Tokens live only in memory (InMemoryWebStorage): never in localStorage or sessionStorage, so a
 * script injected later cannot lift them from storage, and a fresh page load always starts with
 * no user. That costs nothing visible: the provider's session cookie turns the redirect into an
 * invisible round-trip. Only the transient sign-in state (PKCE verifier, returnTo) sits in
 * sessionStorage for the few seconds of the redirect; it holds no token.
 *
 * The round trip leaves the browser's history as it was: the page that needs a sign-in is
 * *replaced* by the provider's (location.replace, not assign), and the callback puts the
 * remembered URL and its history state back in place (history.replaceState, see bootstrap.ts).
 * With assign, every reload left one more entry behind, and Back after a reload went to the
 * same page again instead of the one before it.
 *
 * Framework-free: the bootstrap uses it before React loads.
 */
import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type User,
} from 'oidc-client-ts';
import { baseUrl, callbackUrl, relativeToBase, safeReturnTo } from './base-url';
import type { AppConfig } from './config';

export interface SignInState {
  /** Where to land after signing in, relative to the base (see safeReturnTo). */
  returnTo: string;
  /** history.state of the entry the sign-in replaces (the router keeps its own there). */
  historyState?: unknown;
}

/** Where the callback sends the browser back to, and the history state that entry had. */
export interface SignInReturn {
  returnTo: string;
  historyState: unknown;
}

let userManager: UserManager | null = null;
let currentUser: User | null = null;
let refreshing: Promise<string | null> | null = null;
let redirecting: Promise<void> | null = null;

export function createUserManager(config: AppConfig, doc: Pick<Document, 'baseURI'> = document): UserManager {
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: callbackUrl(doc),
    post_logout_redirect_uri: baseUrl(doc).href,
    response_type: 'code',
    scope: config.oidc.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renews with the refresh token shortly before the access token expires (no iframe).
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/** Creates the one UserManager. Called once by the bootstrap after config.json is validated. */
export function initAuth(config: AppConfig): UserManager {
  const manager = createUserManager(config);
  manager.events.addUserLoaded((user) => {
    currentUser = user;
  });
  manager.events.addUserUnloaded(() => {
    currentUser = null;
  });
  userManager = manager;
  currentUser = null;
  refreshing = null;
  redirecting = null;
  return manager;
}

export function getUserManager(): UserManager {
  if (!userManager) throw new Error('Sign-in has not been initialised yet.');
  return userManager;
}

/** The current access token, if any. Synchronous, for the API client's request middleware. */
export function getAccessToken(): string | undefined {
  return currentUser?.access_token;
}

/** The email and name from the ID token, for screens that have nothing better (e.g. a 403 on /auth/me). */
export function getSignedInProfile(): { email?: string; name?: string } {
  const profile = currentUser?.profile;
  return { email: profile?.email, name: profile?.name };
}

/** The current location relative to the base: what a later sign-in should bring the user back to. */
export function currentReturnTo(): string {
  return relativeToBase(window.location) ?? '';
}

/**
 * Sends the browser to the provider's login in place of the current history entry (no entry is
 * added). Concurrent callers share one redirect.
 */
export function signIn(returnTo: string = currentReturnTo()): Promise<void> {
  const state: SignInState = { returnTo, historyState: window.history.state as unknown };
  redirecting ??= getUserManager()
    .signinRedirect({ state, redirectMethod: 'replace' })
    .catch((error: unknown) => {
      redirecting = null;
      throw error;
    });
  return redirecting;
}

/**
 * Finishes the redirect on <base>auth/callback: exchanges the code for tokens and answers where to
 * go next (a safe path relative to the base) with the history state that entry had, for the
 * caller to put back with history.replaceState.
 */
export async function completeSignIn(): Promise<SignInReturn> {
  const user = await getUserManager().signinRedirectCallback();
  currentUser = user;
  const state = user.state as Partial<SignInState> | undefined;
  return { returnTo: safeReturnTo(state?.returnTo), historyState: state?.historyState ?? null };
}

/**
 * One silent refresh with the refresh token. Concurrent callers (several requests answered 401 at
 * once) share the same attempt, so a rotating refresh token is used once. Resolves to the new
 * access token, or null when there is no refresh token or the provider refused it.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const manager = getUserManager();
    const user = await manager.getUser();
    // Without a refresh token oidc-client-ts would fall back to an iframe; we never want that.
    if (!user?.refresh_token) return null;
    try {
      const renewed = await manager.signinSilent();
      return renewed?.access_token ?? null;
    } catch {
      return null;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Ends the session at the provider (with id_token_hint), which then sends the browser back to the base. */
export async function signOut(): Promise<void> {
  const manager = getUserManager();
  const user = await manager.getUser();
  try {
    await manager.signoutRedirect({ id_token_hint: user?.id_token });
  } catch {
    // No end-session endpoint, or the provider is unreachable: forget the tokens at least.
    await manager.removeUser();
    window.location.assign(baseUrl().href);
  }
}
