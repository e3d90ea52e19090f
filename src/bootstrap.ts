/**
 * Stage one of the console: config.json, then the OIDC callback, the access token this tab
 * carried across a reload (no redirect), or the redirect to sign in, then (only once a user
 * exists) the React app. Vanilla TypeScript: nothing here may pull in React, MUI,
 * react-query or full zod, or the first visit before sign-in outgrows its bundle budget.
 */
import type { QueryClient } from '@tanstack/react-query';
import { ErrorResponse } from 'oidc-client-ts';
import { preloadScreen as preloadScreenCode } from './app/screens';
import { callbackUrl, isCallbackLocation, pathRelativeToBase, resolveFromBase, safeReturnTo } from './lib/base-url';
import {
  completeSignIn,
  currentReturnTo,
  getUserManager,
  initAuth,
  pendingReturnTo,
  restoreCarriedSession,
  signIn,
} from './lib/auth';
import { loadConfig, parseConfig, setConfig } from './lib/config';
import { renderConfigError, renderSignInError, renderStartupError } from './lib/plain-page';
import { takeFromSignIn } from './lib/sign-in-round-trip';

function describeSignInError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  // The callback URL was opened again (reload, back button, bookmark): its state is spent.
  if (/No matching state found|No state in response/.test(message)) {
    return 'This sign-in response has already been used or has expired. Start again to sign in.';
  }
  if (error instanceof ErrorResponse) {
    const code = error.error ? ` (${error.error})` : '';
    return `${error.error_description || error.message || 'The sign-in was refused.'}${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The screen's path (leading "/") of a location relative to the base. */
function screenPath(relative: string): string {
  return `/${relative.split(/[?#]/)[0] ?? ''}`;
}

export interface StartOptions {
  /** Loads stage two; a dynamic import, so React and MUI stay out of this chunk. */
  loadApp?: () => Promise<{ renderApp: (container: HTMLElement, queryClient?: QueryClient) => void | Promise<void> }>;
  /**
   * Loads the small chunk that starts the first requests (first-requests.ts): requested before the
   * shell, and run as soon as there is a token, so /auth/me and the screen's data are on their way
   * while the shell still downloads and compiles.
   */
  loadFirstRequests?: () => Promise<{
    startFirstRequests: (pathname: string, search: string) => Promise<QueryClient>;
    preloadScreenRequests: (pathname: string) => void;
  }>;
  /**
   * Starts downloading the screen at a path relative to the base (leading "/"), alongside the shell
   * (loadApp) rather than after it: the screen's chunks would otherwise be requested only once the
   * shell has run.
   */
  preloadScreen?: (pathname: string) => void;
}

export async function start(
  root: HTMLElement,
  {
    loadApp = () => import('./app/app'),
    preloadScreen = preloadScreenCode,
    loadFirstRequests = () => import('./app/first-requests'),
  }: StartOptions = {},
): Promise<void> {
  const onCallback = isCallbackLocation(window.location);
  // On the callback: config.json and the discovery document as the page that started the sign-in
  // loaded them moments ago (sign-in-round-trip.ts), not fetched again.
  const kept = onCallback ? takeFromSignIn(callbackUrl()) : null;
  const keptConfig = kept && parseConfig(kept.config);
  const loaded = keptConfig?.ok ? keptConfig : await loadConfig();
  if (!loaded.ok) {
    renderConfigError(root, loaded.problems, loaded.url);
    return;
  }
  setConfig(loaded.config);
  initAuth(loaded.config, keptConfig?.ok ? kept?.metadata : undefined);

  // Two downloads, each started once: the first requests' small chunk (with the screen's own
  // requests chunk), then the shell and the screen's UI. The browser fetches them in that order
  // (six at a time per origin over HTTP/1.1).
  let app: ReturnType<typeof loadApp> | undefined;
  let firstRequests: ReturnType<typeof loadFirstRequests> | undefined;
  const loadRequests = (path: string) => {
    firstRequests ??= loadFirstRequests();
    firstRequests.then(({ preloadScreenRequests }) => preloadScreenRequests(screenPath(path))).catch(() => undefined);
    return firstRequests;
  };
  const loadShellAndScreen = (path: string) => {
    app ??= loadApp();
    preloadScreen(screenPath(path));
    return app;
  };

  if (onCallback) {
    // While the code is exchanged for tokens, the small chunk that sends the first requests (and
    // the screen's own) downloads, so they leave the moment the token is there. The shell waits
    // for the token: downloading and compiling it alongside slowed the exchange itself on a busy
    // 2-core machine (`npm run bench`). A failed download is reported once awaited below; a failed
    // sign-in never awaits it.
    const returnTo = await pendingReturnTo();
    if (returnTo !== null) loadRequests(returnTo).catch(() => undefined);
    try {
      // In place of the callback's entry, as the sign-in replaced the page it left: Back goes
      // where it went before the round trip.
      const { returnTo, historyState } = await completeSignIn();
      window.history.replaceState(historyState, '', resolveFromBase(returnTo));
    } catch (error) {
      const state = error instanceof ErrorResponse ? (error.state as { returnTo?: unknown } | undefined) : undefined;
      renderSignInError(root, {
        message: describeSignInError(error),
        retryHref: resolveFromBase(safeReturnTo(state?.returnTo)),
      });
      return;
    }
  } else if (!(await restoreCarriedSession(loaded.config)) && !(await getUserManager().getUser())) {
    // No access token carried across a reload (auth.ts), and none in memory: sign in.
    try {
      await signIn(currentReturnTo());
    } catch (error) {
      renderStartupError(root, {
        title: 'The sign-in service cannot be reached',
        message: `The console could not reach ScaiKey's sign-in service at ${loaded.config.oidc.authority} (${describeSignInError(error)}). It may be down, or config.json may point to the wrong place.`,
        retryHref: window.location.href,
      });
    }
    return;
  }

  try {
    // A token is there: the first requests go out as soon as their small chunk is there, and only
    // then the shell is imported (evaluating it holds the main thread for a while: started
    // together, the requests waited for it). Should their chunk fail to load, the shell starts
    // them itself.
    const path = pathRelativeToBase(window.location) ?? '';
    const queryClient = await loadRequests(path)
      .then(({ startFirstRequests }) => startFirstRequests(screenPath(path), window.location.search))
      .catch(() => undefined);
    const { renderApp } = await loadShellAndScreen(path);
    await renderApp(root, queryClient);
  } catch (error) {
    renderStartupError(root, {
      title: 'The console could not be loaded',
      message: `Part of the console failed to load: ${error instanceof Error ? error.message : String(error)}`,
      retryHref: window.location.href,
    });
  }
}
