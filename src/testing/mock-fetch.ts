import { vi, type Mock } from 'vitest';
import { TEST_API_BASE_URL } from './test-config';

export type RouteHandler = (request: Request) => Response | Promise<Response>;

export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * Stubs the global fetch with a table of "METHOD /path" → handler (path relative to the test API
 * base, query ignored). A request nobody handles fails the test loudly.
 */
export function mockFetch(routes: Record<string, RouteHandler | Response>): Mock<(request: Request) => Promise<Response>> {
  const fetchMock = vi.fn(async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.href.startsWith(TEST_API_BASE_URL) ? url.pathname : url.href.split('?')[0];
    const handler = routes[`${request.method} ${path}`];
    if (!handler) throw new Error(`Unexpected request in test: ${request.method} ${url.href}`);
    return handler instanceof Response ? handler.clone() : handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock as unknown as Mock<(request: Request) => Promise<Response>>;
}
