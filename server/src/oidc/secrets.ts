import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url (43 characters): codes, refresh tokens, cookie values, ids. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** How bearer secrets are stored: SHA-256, base64url. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A value shaped like randomToken() output, so junk never reaches the database. */
export function looksLikeToken(value: string | undefined | null): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** RFC 7636 code_verifier syntax. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 code_challenge: base64url(SHA-256) without padding is exactly 43 characters. */
export const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** PKCE S256: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, compared in constant time. */
export function verifyPkceS256(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const actual = Buffer.from(hashSecret(verifier));
  const expected = Buffer.from(challenge);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A 256-bit HMAC key for the provider's own signed values (pending sign-ins, sign-out
 * confirmations), derived from the RS256 signing key: an RSASSA-PKCS1-v1_5 signature is
 * deterministic, so signing a fixed label gives the same secret after every restart, and only
 * the holder of the private key can compute it. Nothing else to store or configure.
 */
export async function deriveHmacKey(privateKey: CryptoKey, label: string): Promise<Buffer> {
  const signature = await crypto.subtle.sign(
    { name: 'RSASSA-PKCS1-v1_5' },
    privateKey,
    new TextEncoder().encode(`scaikey-stand-in:hmac:${label}`),
  );
  return createHash('sha256').update(Buffer.from(signature)).digest();
}

/** base64url HMAC-SHA256 of the parts, joined so that no two part lists give the same input. */
export function hmac(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key)
    .update(parts.map((p) => `${p.length}:${p}`).join('|'))
    .digest('base64url');
}

/** Constant-time comparison of two strings (false when their lengths differ). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
