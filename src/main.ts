/**
 * Stage one: a tiny vanilla bootstrap. No React, MUI, react-query or full zod here, so the first
 * visit before sign-in stays within its bundle budget. It loads and validates config.json, finishes
 * or starts the OIDC sign-in, and only once a user exists imports the React app (stage two).
 */
import { ErrorResponse } from 'oidc-client-ts';
import { baseUrl, isCallbackLocation, resolveFromBase, safeReturnTo } from './lib/base-url';
import { completeSignIn, currentReturnTo, getUserManager, initAuth, signIn } from './lib/auth';
import { loadConfig, setConfig } from './lib/config';
import { renderConfigError, renderSignInError, renderStartupError } from './lib/plain-page';

function describeSignInError(error: unknown): string {
  if (error instanceof ErrorResponse) {
    const code = error.error ? ` (${error.error})` : '';
    return `${error.error_description || error.message || 'The sign-in was refused.'}${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function start(root: HTMLElement): Promise<void> {
  const loaded = await loadConfig();
  if (!loaded.ok) {
    renderConfigError(root, loaded.problems, loaded.url);
    return;
  }
  setConfig(loaded.config);
  initAuth(loaded.config);

  if (isCallbackLocation(window.location)) {
    try {
      const returnTo = await completeSignIn();
      window.history.replaceState(null, '', resolveFromBase(returnTo));
    } catch (error) {
      const state = error instanceof ErrorResponse ? (error.state as { returnTo?: unknown } | undefined) : undefined;
      renderSignInError(root, {
        message: describeSignInError(error),
        retryHref: resolveFromBase(safeReturnTo(state?.returnTo)),
      });
      return;
    }
  } else if (!(await getUserManager().getUser())) {
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
    const { renderApp } = await import('./app/app');
    renderApp(root);
  } catch (error) {
    renderStartupError(root, {
      title: 'The console could not be loaded',
      message: `Part of the console failed to load: ${error instanceof Error ? error.message : String(error)}`,
      retryHref: window.location.href,
    });
  }
}

const root = document.getElementById('root');
if (root) {
  void start(root);
} else {
  throw new Error(`index.html has no #root element (base ${baseUrl().href}).`);
}
