/**
 * Stage one of the console: config.json, then the OIDC callback, the access token this tab
 * carried across a reload (no redirect), or the redirect to sign in, then (only once a user
 * exists) the React app. Vanilla TypeScript: nothing here may pull in React, MUI,
 * react-query or full zod, or the first visit before sign-in outgrows its bundle budget.
 */
import { ErrorResponse } from 'oidc-client-ts';
import { preloadScreen } from './app/screens';
import { isCallbackLocation, pathRelativeToBase, resolveFromBase, safeReturnTo } from './lib/base-url';
import { completeSignIn, currentReturnTo, getUserManager, initAuth, restoreCarriedSession, signIn } from './lib/auth';
import { loadConfig, setConfig } from './lib/config';
import { renderConfigError, renderSignInError, renderStartupError } from './lib/plain-page';

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

export interface StartOptions {
  /** Loads stage two; a dynamic import, so React and MUI stay out of this chunk. */
  loadApp?: () => Promise<{ renderApp: (container: HTMLElement) => void | Promise<void> }>;
  /**
   * Starts downloading the current URL's screen, alongside the shell (loadApp) rather than after
   * it: the screen's chunks would otherwise be requested only once the shell has run.
   */
  preloadCurrentScreen?: () => void;
}

function preloadCurrentScreenFromUrl(): void {
  const path = pathRelativeToBase(window.location);
  if (path !== null) preloadScreen(`/${path}`);
}

export async function start(
  root: HTMLElement,
  { loadApp = () => import('./app/app'), preloadCurrentScreen = preloadCurrentScreenFromUrl }: StartOptions = {},
): Promise<void> {
  const loaded = await loadConfig();
  if (!loaded.ok) {
    renderConfigError(root, loaded.problems, loaded.url);
    return;
  }
  setConfig(loaded.config);
  initAuth(loaded.config);

  if (isCallbackLocation(window.location)) {
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
    // The shell first, then the screen's requests, then the rest of the screen: the browser
    // downloads them in that order (six at a time per origin over HTTP/1.1).
    const app = loadApp();
    preloadCurrentScreen();
    const { renderApp } = await app;
    await renderApp(root);
  } catch (error) {
    renderStartupError(root, {
      title: 'The console could not be loaded',
      message: `Part of the console failed to load: ${error instanceof Error ? error.message : String(error)}`,
      retryHref: window.location.href,
    });
  }
}
