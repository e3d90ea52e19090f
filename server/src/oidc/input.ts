import type { Context } from 'hono';

/**
 * Reading the provider's parameters strictly. URLSearchParams turns malformed input into
 * something plausible (%FF becomes U+FFFD, %zz stays as it is) and lets NUL through, which
 * PostgreSQL then refuses with a 500. Here a query string or form body either decodes cleanly
 * to well-formed Unicode without NUL, or the whole request is refused with 400 before any of it
 * is used. Form bodies are read up to FORM_LIMIT_BYTES and refused with 413 beyond.
 */

export const FORM_LIMIT_BYTES = 16 * 1024;

export interface Refusal {
  ok: false;
  status: 400 | 413;
  reason: string;
}
export type ParamsResult = { ok: true; params: URLSearchParams } | Refusal;
/** `params: null`: a body that is not a form (read as no parameters). */
export type FormResult = { ok: true; params: URLSearchParams | null } | Refusal;

const malformed = (reason: string): Refusal => ({ ok: false, status: 400, reason });
const tooLarge: Refusal = { ok: false, status: 413, reason: 'The request body is too large' };

/** A lone UTF-16 surrogate (a paired one is a single code point under /u and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

export function acceptableText(value: string): boolean {
  return !value.includes('\0') && !LONE_SURROGATE.test(value);
}

/** application/x-www-form-urlencoded, strictly: bad percent-encoding, bad UTF-8 or NUL → null. */
export function decodeStrict(raw: string): URLSearchParams | null {
  const params = new URLSearchParams();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const encoded = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    let name: string;
    let value: string;
    try {
      // decodeURIComponent throws on a stray % and on any byte sequence that is not UTF-8
      // (overlong forms and encoded surrogates included).
      [name, value] = encoded.map((s) => decodeURIComponent(s.replace(/\+/g, ' '))) as [string, string];
    } catch {
      return null;
    }
    if (!acceptableText(name) || !acceptableText(value)) return null;
    params.append(name, value);
  }
  return params;
}

/** The request's query string, strictly decoded. */
export function readQuery(c: Context): ParamsResult {
  const url = c.req.url;
  const start = url.indexOf('?');
  if (start < 0) return { ok: true, params: new URLSearchParams() };
  const end = url.indexOf('#', start);
  const params = decodeStrict(url.slice(start + 1, end < 0 ? undefined : end));
  return params ? { ok: true, params } : malformed('The request contains characters that are not allowed');
}

export const isFormBody = (c: Context): boolean =>
  /^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '');

/** The body's bytes, refusing more than `limit` without reading past it. */
async function readBytes(c: Context, limit: number): Promise<Uint8Array | null> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && !(Number(declared) <= limit)) return null;
  const raw = c.req.raw;
  if (raw.bodyUsed) {
    // Something before us read it (and keeps it): judge what it read.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return bytes.byteLength <= limit ? bytes : null;
  }
  if (!raw.body) return new Uint8Array(0);
  const reader = raw.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * An x-www-form-urlencoded body, strictly decoded. A body of any other type reads as no
 * parameters (`params: null`), as before; its size is still limited.
 */
export async function readForm(c: Context, limit = FORM_LIMIT_BYTES): Promise<FormResult> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && !(Number(declared) <= limit)) return tooLarge;
  if (!isFormBody(c)) return { ok: true, params: null };
  const bytes = await readBytes(c, limit);
  if (!bytes) return tooLarge;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return malformed('The request body is not valid UTF-8');
  }
  const params = decodeStrict(text);
  return params
    ? { ok: true, params }
    : malformed('The request contains characters that are not allowed');
}
