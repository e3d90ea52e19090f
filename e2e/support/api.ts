import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../src/lib/api/schema';
import { E2E, type Account } from './env';
import { signInForTokens } from './oidc-login';

export type AdminApi = Client<paths>;

/** A typed Admin API client signed in as `account`, on the same paths as the console. */
export async function adminApi(account: Account): Promise<AdminApi> {
  const { accessToken } = await signInForTokens(account);
  return createClient<paths>({
    baseUrl: E2E.apiUrl,
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

/** Short unique suffixes, so parallel tests and repeated runs never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
