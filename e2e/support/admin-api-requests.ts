import type { Page } from '@playwright/test';

/**
 * Every Admin API request (`/api/v1/admin/...`, CORS preflights left out) the page sends from now
 * on, as "GET /api/v1/admin/users/?ids=…", in order: for checking how many requests a screen
 * needs (the OIDC and Admins APIs are not counted).
 */
export function recordAdminApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() !== 'OPTIONS' && url.pathname.startsWith('/api/v1/admin/')) {
      requests.push(`${request.method()} ${url.pathname}${decodeURIComponent(url.search)}`);
    }
  });
  return requests;
}

/**
 * How many name look-up requests went out per kind: by several ids (`/users/?ids=…`) or by one
 * (`/users/usr_…`). A page's names of one kind should take one.
 */
export function lookupsPerKind(requests: readonly string[]): Record<'users' | 'tenants' | 'partners', number> {
  const count = (kind: string) =>
    requests.filter((r) => new RegExp(`^GET /api/v1/admin/${kind}/(\\?.*\\bids=|[^/?]+$)`).test(r)).length;
  return { users: count('users'), tenants: count('tenants'), partners: count('partners') };
}
