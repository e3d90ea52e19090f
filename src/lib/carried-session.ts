/**
 * What carries a signed-in tab across a reload: the access token (and the ID token that signs it
 * out), in this tab's sessionStorage, and only while the page's own Content-Security-Policy keeps
 * every script but the console's own files out.
 *
 * - Never localStorage: it outlives the tab and is shared by every tab of the origin.
 * - Never the refresh token: it stays in memory (auth.ts). After a reload the console has an
 *   access token and nothing to renew it with, so renewing means a sign-in round trip (auth.ts).
 * - Only under a CSP that index.html itself carries (`<meta http-equiv="Content-Security-Policy">`
 *   in <head>, with script-src 'self'): the browser enforces a meta policy whatever the server
 *   sends, so the console can check for itself that no inline or foreign script can run in this
 *   document to read the storage. A header policy (deploy/nginx.conf) cannot be seen from script;
 *   a config flag would only be somebody's word. The dev server strips the meta (Vite's dev client
 *   needs inline scripts, see vite.config.ts), so there a reload signs in through ScaiKey as before.
 * - Only for the same issuer and client, and only with more than CARRY_MIN_REMAINING_S left.
 *
 * Framework-free and small: the bootstrap reads it before React loads.
 */
import type { User } from 'oidc-client-ts';

export const CARRIED_SESSION_KEY = 'scaikey-console.session';

/**
 * A carried token is renewed this long before it expires (auth.ts), by a sign-in round trip when
 * nothing unsaved would be lost; one with less than CARRY_MIN_REMAINING_S left is not worth
 * carrying: the renewal would start the moment the page loaded.
 */
export const RENEW_BEFORE_EXPIRY_S = 300;
export const CARRY_MIN_REMAINING_S = RENEW_BEFORE_EXPIRY_S + 60;

/** The fields of a User that come back after a reload. No refresh token, ever. */
export interface CarriedSession {
  issuer: string;
  clientId: string;
  access_token: string;
  token_type: string;
  scope?: string;
  /** Seconds since the epoch, as oidc-client-ts keeps it. */
  expires_at: number;
  id_token?: string;
  profile: User['profile'];
}

interface Client {
  issuer: string;
  clientId: string;
}

const ONLY_OWN_ORIGIN = new Set(["'self'"]);

/** The directives of one policy text, by lower-case name, each with its source list. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; later duplicates are ignored by browsers.
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  return map;
}

/** Whether this one policy lets scripts come only from the console's own origin: no inline, no eval, no other host. */
function scriptsOnlyFromSelf(policy: string): boolean {
  const parsed = directives(policy);
  const fallback = parsed.get('script-src') ?? parsed.get('default-src');
  // script-src-elem and script-src-attr, when present, override script-src for their kind.
  return ['script-src-elem', 'script-src-attr'].every((name) => {
    const sources = parsed.get(name) ?? fallback;
    return sources !== undefined && sources.length > 0 && sources.every((source) => ONLY_OWN_ORIGIN.has(source));
  });
}

/**
 * Whether the document enforces a CSP of its own that forbids inline and foreign scripts. Only
 * metas in <head> count (browsers ignore one elsewhere); policies add up, so one strict meta is enough.
 */
export function documentForbidsForeignScripts(doc: Document = document): boolean {
  return Array.from(doc.head.querySelectorAll('meta[http-equiv]')).some(
    (meta) =>
      meta.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy' &&
      scriptsOnlyFromSelf(meta.getAttribute('content') ?? ''),
  );
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage turned off (a browser setting): nothing is carried.
    return null;
  }
}

export function forgetCarriedSession(): void {
  try {
    storage()?.removeItem(CARRIED_SESSION_KEY);
  } catch {
    // Nothing to remove.
  }
}

/** Keeps the user's access token for a reload of this tab, when the document's CSP allows it; otherwise forgets any. */
export function carrySession(user: User, client: Client, doc: Document = document): void {
  if (!documentForbidsForeignScripts(doc) || !user.access_token || user.expires_at === undefined) {
    forgetCarriedSession();
    return;
  }
  const carried: CarriedSession = {
    issuer: client.issuer,
    clientId: client.clientId,
    access_token: user.access_token,
    token_type: user.token_type,
    scope: user.scope,
    expires_at: user.expires_at,
    id_token: user.id_token,
    profile: user.profile,
  };
  try {
    storage()?.setItem(CARRIED_SESSION_KEY, JSON.stringify(carried));
  } catch {
    // Quota or a disabled storage: the next reload signs in through ScaiKey, as without the carry.
  }
}

function isCarriedSession(value: unknown): value is CarriedSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.issuer === 'string' &&
    typeof v.clientId === 'string' &&
    typeof v.access_token === 'string' &&
    v.access_token !== '' &&
    typeof v.token_type === 'string' &&
    typeof v.expires_at === 'number' &&
    (v.id_token === undefined || typeof v.id_token === 'string') &&
    typeof v.profile === 'object' &&
    v.profile !== null
  );
}

/**
 * The carried session, when it may be used: the document's CSP still holds, it is for this
 * issuer and client, and it has more than CARRY_MIN_REMAINING_S left. Anything else is removed.
 */
export function readCarriedSession(client: Client, doc: Document = document, nowMs: number = Date.now()): CarriedSession | null {
  let text: string | null;
  try {
    text = storage()?.getItem(CARRIED_SESSION_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const carried = isCarriedSession(parsed) ? parsed : null;
  const usable =
    carried !== null &&
    documentForbidsForeignScripts(doc) &&
    carried.issuer === client.issuer &&
    carried.clientId === client.clientId &&
    carried.expires_at - nowMs / 1000 > CARRY_MIN_REMAINING_S;
  if (!usable) forgetCarriedSession();
  return usable ? carried : null;
}
