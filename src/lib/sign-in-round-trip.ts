/**
 * What the page that sends the browser to sign in hands to the callback page that comes back from
 * ScaiKey: config.json and ScaiKey's OIDC discovery document, so that the callback does not fetch
 * both again (two requests in a row before the token exchange; see `npm run bench`). Both are
 * public documents; no token, code or verifier ever goes here.
 *
 * In this tab's sessionStorage (other tabs and later visits do not see it), for one callback URL,
 * read once (removed when taken) and only while younger than ROUND_TRIP_MAX_AGE_MS: ops' edits to
 * config.json, which need no rebuild, reach every page load but the callback of a sign-in started
 * moments before.
 *
 * Framework-free and small: the bootstrap uses it before React loads.
 */
import type { OidcMetadata } from 'oidc-client-ts';

const KEY = 'scaikey-console.sign-in-round-trip';

/** Long enough for a visit to ScaiKey's sign-in form, short enough that a deploy is soon seen. */
export const ROUND_TRIP_MAX_AGE_MS = 5 * 60_000;

export interface RoundTrip {
  /** The callback URL the sign-in returns to (the console's base). */
  callback: string;
  /** config.json as loaded and validated; validated again when taken. */
  config: unknown;
  metadata: Partial<OidcMetadata>;
}

/** Keeps what the callback page of the sign-in about to start would otherwise fetch again. */
export function keepForCallback(kept: RoundTrip): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...kept, savedAt: Date.now() }));
  } catch {
    // Quota or a disabled storage: the callback fetches both again, as before.
  }
}

/**
 * On the callback page: what the page before the round trip kept, when it is for `callback` and
 * recent; removed either way, so it serves one page load at most.
 */
export function takeFromSignIn(callback: string): RoundTrip | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as (RoundTrip & { savedAt: number }) | null;
    sessionStorage.removeItem(KEY);
    const age = Date.now() - (kept?.savedAt ?? NaN);
    return kept?.callback === callback && age >= 0 && age <= ROUND_TRIP_MAX_AGE_MS && kept.metadata ? kept : null;
  } catch {
    return null;
  }
}
