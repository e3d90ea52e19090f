import type { Page, Request } from '@playwright/test';

/** ScaiKey's authorize endpoint (platform), where every sign-in round trip starts. */
const AUTHORIZE_PATH = '/api/v1/platform/oauth/authorize';

/**
 * Counts the page's top-level navigations to ScaiKey's authorize endpoint from now on: the
 * sign-in round trips (silent or not). A fetch to that path would not count; only a navigation does.
 */
export function watchSignInRedirects(page: Page): { readonly urls: string[]; stop: () => void } {
  const urls: string[] = [];
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && new URL(request.url()).pathname.endsWith(AUTHORIZE_PATH)) urls.push(request.url());
  };
  page.on('request', onRequest);
  return { urls, stop: () => page.off('request', onRequest) };
}
