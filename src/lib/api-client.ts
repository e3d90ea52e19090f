/**
 * The one client for ScaiKey's Admin API: openapi-fetch over the generated `paths`, so nobody
 * hand-types a URL or a DTO.
 *
 * Middleware: every request carries `Authorization: Bearer <access token>`. A 401 gets one silent
 * refresh (shared by every request that hits it at the same time) and the request is retried
 * once with the new token; when that does not help, the browser goes to sign in and comes back to
 * the exact URL it was on. Network failures become ApiError(status 0).
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';
import { ApiError } from './api-error';
import { currentReturnTo, getAccessToken, refreshAccessToken, signIn } from './auth';
import { getConfig } from './config';

export interface AuthPort {
  getAccessToken: () => string | undefined;
  /** One silent refresh; resolves to the new access token or null. */
  refreshAccessToken: () => Promise<string | null>;
  /** Sends the browser to sign in; `returnTo` is the current location relative to the base. */
  signIn: (returnTo: string) => Promise<void> | void;
  currentReturnTo: () => string;
}

export interface ApiClientOptions {
  baseUrl: string;
  auth: AuthPort;
  /** Defaults to the global fetch, looked up at call time (so tests can stub it). */
  fetch?: (request: Request) => Promise<Response>;
}

export type ApiClient = Client<paths>;

/** A cancelled request (react-query aborts on unmount) must stay an abort, not become an ApiError. */
function isAbort(error: unknown): boolean {
  // DOMException is not always an Error subclass (e.g. under jsdom), so look at the name only.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError';
}

export function createAuthMiddleware(auth: AuthPort, doFetch: (request: Request) => Promise<Response>): Middleware {
  // The untouched copy of each request, for the one retry after a refresh (a fetched body is spent).
  const pending = new Map<string, { copy: Request; token: string | undefined }>();

  return {
    onRequest({ request, id }) {
      const token = auth.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      pending.set(id, { copy: request.clone(), token });
      return request;
    },
    async onResponse({ response, id }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !entry) return undefined;

      // Someone else already refreshed while this request was in flight: just use the new token.
      let token = auth.getAccessToken();
      if (!token || token === entry.token) token = (await auth.refreshAccessToken()) ?? undefined;

      if (token) {
        const retry = entry.copy;
        retry.headers.set('Authorization', `Bearer ${token}`);
        try {
          const retried = await doFetch(retry);
          if (retried.status !== 401) return retried;
        } catch (error) {
          if (isAbort(error)) throw error;
          throw ApiError.network(error);
        }
      }
      const returnTo = auth.currentReturnTo();
      // If even the redirect fails (provider down), the caller still gets the 401 to show.
      void Promise.resolve()
        .then(() => auth.signIn(returnTo))
        .catch(() => undefined);
      return response;
    },
    onError({ error, id }) {
      pending.delete(id);
      if (isAbort(error)) return undefined;
      return ApiError.network(error);
    },
  };
}

/** Every Admin API answer with a body is JSON; anything else (an HTML error page) is an error, said plainly. */
export const jsonOnlyMiddleware: Middleware = {
  onResponse({ response }) {
    if (!response.ok || response.status === 204 || response.headers.get('content-length') === '0') return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (/^application\/([\w.+-]+\+)?json\b/i.test(type)) return undefined;
    throw ApiError.unexpectedBody(response.status, type);
  },
};

export function createApiClient({ baseUrl, auth, fetch: fetchImpl }: ApiClientOptions): ApiClient {
  const doFetch = fetchImpl ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({ baseUrl, fetch: doFetch });
  client.use(createAuthMiddleware(auth, doFetch), jsonOnlyMiddleware);
  return client;
}

let singleton: ApiClient | null = null;

/** The app's client, created on first use from the loaded config and the auth module. */
export function apiClient(): ApiClient {
  singleton ??= createApiClient({
    baseUrl: getConfig().apiBaseUrl,
    auth: { getAccessToken, refreshAccessToken, signIn, currentReturnTo },
  });
  return singleton;
}
