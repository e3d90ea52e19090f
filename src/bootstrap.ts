/**
 * Stage one of the console: config.json, then the OIDC callback, the access token this tab
 * carried across a reload (no redirect), or the redirect to sign in, then (only once a user
 * exists) the React app. Vanilla TypeScript: nothing here may pull in React, MUI,
 * react-query or full zod, or the first visit before sign-in outgrows its bundle budget.
 */
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

export interface StartOptions {
  /** Loads stage two; a dynamic import, so React and MUI stay out of this chunk. */
  loadApp?: () => Promise<{ renderApp: (container: HTMLElement) => void | Promise<void> }>;
  /**
   * Starts downloading the screen at a path relative to the base (leading "/"), alongside the shell
   * (loadApp) rather than after it: the screen's chunks would otherwise be requested only once the
   * shell has run.
   */
  preloadScreen?: (pathname: string) => void;
}

export async function start(
  root: HTMLElement,
  { loadApp = () => import('./app/app'), preloadScreen = preloadScreenCode }: StartOptions = {},
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

  // The shell first, then the screen (its requests' small chunk, then its UI): the browser
  // downloads them in that order (six at a time per origin over HTTP/1.1). Started once.
  let app: ReturnType<typeof loadApp> | undefined;
  const loadShellAndScreen = (path: string | null) => {
    app ??= loadApp();
    if (path !== null) preloadScreen(`/${path.split(/[?#]/)[0] ?? ''}`);
    return app;
  };

  if (onCallback) {
    // While the code is exchanged for tokens, the shell and the screen the sign-in returns to are
    // already downloading (they used to start only after the exchange). A failed download is
    // reported once awaited below; a failed sign-in never awaits it.
    const returnTo = await pendingReturnTo();
    if (returnTo !== null) loadShellAndScreen(returnTo).catch(() => undefined);
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
    const { renderApp } = await loadShellAndScreen(pathRelativeToBase(window.location));
    await renderApp(root);
  } catch (error) {
    renderStartupError(root, {
      title: 'The console could not be loaded',
      message: `Part of the console failed to load: ${error instanceof Error ? error.message : String(error)}`,
      retryHref: window.location.href,
    });
  }
}
