/**
 * Sign-in with ScaiKey's OIDC provider (authorization code + PKCE, public client).
 *
 * Tokens live in memory (InMemoryWebStorage), never in localStorage. The refresh token never
 * leaves memory. The access token (with the ID token that signs it out) is also kept in this tab's
 * sessionStorage, but only while index.html's own Content-Security-Policy forbids inline and
 * foreign scripts (carried-session.ts): then a reload of the tab starts with it at once instead of
 * a redirect to ScaiKey and back, and the first Admin API call proves it; a 401 or a sign-out
 * removes it (every sign-in starts by forgetting it). A new tab, or a page without that CSP, starts
 * with no user; the provider's session cookie turns the sign-in into an invisible round trip. The
 * transient sign-in state (PKCE verifier, returnTo) sits in sessionStorage for the few seconds of
 * the redirect; it holds no token.
 *
 * Renewal: RENEW_BEFORE_EXPIRY_S before the access token expires, the refresh token (no iframe).
 * After a reload there is none, so the renewal is a sign-in round trip like the first one, started
 * only at a moment when leaving the page would lose nothing (no unsaved form: see pageHasUnsavedWork).
 *
 * The round trip leaves the browser's history as it was: the page that needs a sign-in is
 * *replaced* by the provider's (location.replace, not assign), and the callback puts the
 * remembered URL and its history state back in place (history.replaceState, see bootstrap.ts).
 * With assign, every reload left one more entry behind, and Back after a reload went to the
 * same page again instead of the one before it.
 *
 * Framework-free: the bootstrap uses it before React loads.
 */
import { InMemoryWebStorage, OidcClient, User, UserManager, WebStorageStateStore, type OidcMetadata } from 'oidc-client-ts';
import { baseUrl, callbackUrl, relativeToBase, safeReturnTo } from './base-url';
import { carrySession, forgetCarriedSession, readCarriedSession, RENEW_BEFORE_EXPIRY_S } from './carried-session';
import type { AppConfig } from './config';
import { keepForCallback } from './sign-in-round-trip';

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
let signedInConfig: AppConfig | null = null;
let currentUser: User | null = null;
let refreshing: Promise<string | null> | null = null;
let redirecting: Promise<void> | null = null;
let renewalRetry: ReturnType<typeof setTimeout> | undefined;

/** How often a renewal that waits for unsaved work to be saved (or dropped) looks again. */
export const RENEWAL_RETRY_MS = 15_000;

export function createUserManager(
  config: AppConfig,
  doc: Pick<Document, 'baseURI'> = document,
  metadata?: Partial<OidcMetadata>,
): UserManager {
  return new UserManager({
    authority: config.oidc.authority,
    // Given, oidc-client-ts does not fetch the discovery document (the callback, see initAuth).
    ...(metadata ? { metadata } : {}),
    client_id: config.oidc.clientId,
    redirect_uri: callbackUrl(doc),
    post_logout_redirect_uri: baseUrl(doc).href,
    response_type: 'code',
    scope: config.oidc.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renewal is ours (renewBeforeExpiry): oidc-client-ts's own would fall back to an iframe
    // when there is no refresh token, which is the case after every reload.
    automaticSilentRenew: false,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_EXPIRY_S,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/**
 * Creates the one UserManager. Called once by the bootstrap after config.json is validated. On the
 * sign-in callback, with the discovery document the page that started the sign-in fetched moments
 * before (signIn keeps it, sign-in-round-trip.ts), so the code exchange starts without fetching it.
 */
export function initAuth(config: AppConfig, metadata?: Partial<OidcMetadata>): UserManager {
  const manager = createUserManager(config, document, metadata);
  signedInConfig = config;
  const client = { issuer: config.oidc.authority, clientId: config.oidc.clientId };
  manager.events.addUserLoaded((user) => {
    currentUser = user;
    carrySession(user, client);
  });
  manager.events.addUserUnloaded(() => {
    currentUser = null;
    forgetCarriedSession();
  });
  manager.events.addAccessTokenExpiring(() => void renewBeforeExpiry());
  userManager = manager;
  currentUser = null;
  refreshing = null;
  redirecting = null;
  clearTimeout(renewalRetry);
  return manager;
}

/**
 * On the sign-in callback, before the code is exchanged: where the sign-in returns to, read from
 * the state it stored (left in place for completeSignIn), so the bootstrap can start downloading
 * that screen during the exchange. Null for a refused sign-in or a state that is not there.
 */
export async function pendingReturnTo(url: string = window.location.href): Promise<string | null> {
  try {
    const { state, response } = await new OidcClient(getUserManager().settings).readSigninResponseState(url);
    if (response.error) return null;
    return safeReturnTo((state.data as Partial<SignInState> | undefined)?.returnTo);
  } catch {
    return null;
  }
}

/**
 * Before leaving for the provider: hands config.json and the discovery document (both public) to
 * the callback page (sign-in-round-trip.ts). The discovery document is the one signinRedirect is
 * about to use (the metadata service keeps it); when it cannot be fetched, signinRedirect says so.
 */
async function keepForTheCallback(manager: UserManager): Promise<void> {
  try {
    const metadata = await manager.metadataService.getMetadata();
    keepForCallback({ callback: manager.settings.redirect_uri, config: signedInConfig, metadata });
  } catch {
    // signinRedirect fetches it again and reports the failure.
  }
}

/**
 * After a reload: takes up the access token this tab carried (carried-session.ts), when it is
 * still good for this issuer and client, as the signed-in user, with no refresh token. Answers
 * whether there was one. The bootstrap calls it before deciding to send the browser to sign in.
 */
export async function restoreCarriedSession(config: AppConfig): Promise<boolean> {
  const carried = readCarriedSession({ issuer: config.oidc.authority, clientId: config.oidc.clientId });
  if (!carried) return false;
  const user = new User({
    access_token: carried.access_token,
    token_type: carried.token_type,
    scope: carried.scope,
    expires_at: carried.expires_at,
    id_token: carried.id_token,
    profile: carried.profile,
  });
  const manager = getUserManager();
  await manager.storeUser(user);
  currentUser = user;
  // getUser arms the expiring timer for it (renewBeforeExpiry).
  await manager.getUser();
  return true;
}

/**
 * Whether leaving the page now would lose something. Asks the listeners a real unload would ask
 * (the unsaved-changes guard cancels `beforeunload` while a form is dirty) with a synthetic
 * event, which shows no prompt.
 */
export function pageHasUnsavedWork(): boolean {
  const probe = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(probe);
  return probe.defaultPrevented;
}

function signInWhenNothingUnsaved(): void {
  clearTimeout(renewalRetry);
  if (pageHasUnsavedWork()) {
    renewalRetry = setTimeout(signInWhenNothingUnsaved, RENEWAL_RETRY_MS);
    return;
  }
  void signIn().catch(() => undefined);
}

/**
 * Shortly before the access token expires: the refresh token when there is one; after a reload
 * there is none, so a sign-in round trip (it comes back to this URL and history entry), held back
 * while a form has unsaved changes. A refused refresh does nothing here: the next 401 signs in.
 */
async function renewBeforeExpiry(): Promise<void> {
  const user = await getUserManager().getUser();
  if (!user) return;
  if (user.refresh_token) {
    await refreshAccessToken();
    return;
  }
  signInWhenNothingUnsaved();
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
 * added). Concurrent callers share one redirect. The carried access token is forgotten first:
 * a sign-in means it was refused (a 401) or is about to run out.
 */
export function signIn(returnTo: string = currentReturnTo()): Promise<void> {
  forgetCarriedSession();
  const state: SignInState = { returnTo, historyState: window.history.state as unknown };
  const manager = getUserManager();
  redirecting ??= keepForTheCallback(manager)
    .then(() => manager.signinRedirect({ state, redirectMethod: 'replace' }))
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
  forgetCarriedSession();
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
