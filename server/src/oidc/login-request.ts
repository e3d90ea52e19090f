import { hashSecret, hmac, randomToken, sameSecret } from './secrets';

/**
 * A pending sign-in (the authorization request while the user is on the sign-in page), kept in
 * the page itself as a signed value instead of a database row: an anonymous /authorize costs no
 * storage at all, however many arrive. The value travels in the form's hidden login_id field as
 * `base64url(JSON).mac`, where the MAC (HMAC-SHA256 with the provider's key) also covers the hash
 * of the browser's scaikey_login cookie: posted from another browser (login CSRF), altered, or
 * after its expiry, it opens to null. Nothing in it is secret; it only repeats the request.
 *
 * Single use: a completed sign-in records the value's id (store.ts, markLoginRequestUsed), and a
 * second submit of the same page is refused. Only completed sign-ins write anything.
 */

export interface PendingSignIn {
  /** Random; what single use is recorded by. */
  id: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | null;
  nonce: string | null;
  codeChallenge: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const VERSION = 'login.v1';
/** State and nonce are capped at 512 characters, so a genuine value stays well below this. */
export const MAX_SEALED_LENGTH = 8192;

const mac = (key: Buffer, browserSecret: string, body: string) => hmac(key, VERSION, hashSecret(browserSecret), body);

export function sealLoginRequest(key: Buffer, browserSecret: string, input: Omit<PendingSignIn, 'id'>): string {
  const p: PendingSignIn = { id: randomToken(16), ...input };
  const body = Buffer.from(
    JSON.stringify([p.id, p.clientId, p.redirectUri, p.scope, p.state, p.nonce, p.codeChallenge, p.expiresAt]),
  ).toString('base64url');
  return `${body}.${mac(key, browserSecret, body)}`;
}

const stringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** The pending sign-in, if the value is ours, for this browser, and not expired; else null. */
export function openLoginRequest(key: Buffer, browserSecret: string, sealed: string, now: Date): PendingSignIn | null {
  if (sealed.length > MAX_SEALED_LENGTH) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(sealed);
  if (!match) return null;
  const [, body = '', signature = ''] = match;
  if (!sameSecret(signature, mac(key, browserSecret, body))) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 8) return null;
  const [id, clientId, redirectUri, scope, state, nonce, codeChallenge, expiresAt] = fields as unknown[];
  if (
    typeof id !== 'string' ||
    typeof clientId !== 'string' ||
    typeof redirectUri !== 'string' ||
    typeof scope !== 'string' ||
    !stringOrNull(state) ||
    !stringOrNull(nonce) ||
    typeof codeChallenge !== 'string' ||
    typeof expiresAt !== 'number'
  ) {
    return null;
  }
  if (expiresAt <= now.getTime()) return null;
  return { id, clientId, redirectUri, scope, state, nonce, codeChallenge, expiresAt };
}
