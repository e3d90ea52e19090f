import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError, RequestValidationError, type Loc, type ValidationIssue } from './errors';

/**
 * What a strict API refuses before any handler, validator or SQL sees it (issue 11, items 8, 9
 * and 12). PostgreSQL cannot store NUL in text and rejects it with an error that used to surface
 * as a 500 with the SQL in the log; invalid UTF-8 and lone surrogates were stored as U+FFFD.
 * Here each gets a FastAPI-shaped 422 at its place, and bodies a size and depth limit.
 */

/** Request bodies of the JSON APIs: a tenant with generous settings and branding is ~10 KB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Deeper than any real settings or branding object; stops stack-exhausting input early. */
export const MAX_JSON_DEPTH = 32;

/** 413 past `maxBytes`, counted on the wire whether or not Content-Length is sent. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, `Request body too large: at most ${formatBytes(maxBytes)}`);
    },
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`;
}

/** With the u flag a valid surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a string cannot be taken, or null when it can. */
export function badText(value: string): string | null {
  if (value.includes('\u0000')) return 'NUL characters are not allowed';
  if (LONE_SURROGATE.test(value)) return 'Input should be a valid string: lone UTF-16 surrogates are not allowed';
  return null;
}

const unicodeIssue = (loc: Loc, msg: string, input: unknown): ValidationIssue => ({
  loc,
  msg: msg.startsWith('Input') ? msg : `Value error, ${msg}`,
  type: msg.startsWith('Input') ? 'string_unicode' : 'value_error',
  input,
});

/** Percent-decoding that fails on invalid UTF-8 instead of keeping the escapes. */
function strictDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * 422 for a path or a query string with invalid UTF-8 (`%FF`) or a NUL (`%00`) anywhere, before
 * routing decodes it. Query parameters are named in `loc`, as FastAPI would; a path segment
 * is reported at ["path"]. Keys are checked as well as values.
 */
export function rejectMalformedUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    const rawPath = new URL(url).pathname;
    const issues: ValidationIssue[] = [];
    for (const segment of rawPath.split('/')) {
      const decoded = strictDecode(segment);
      if (decoded === null) issues.push(unicodeIssue(['path'], 'Input should be a valid UTF-8 string', segment));
      else if (badText(decoded)) issues.push(unicodeIssue(['path'], badText(decoded) as string, decoded));
    }
    if (queryAt >= 0) {
      const query = url.slice(queryAt + 1).split('#')[0] ?? '';
      for (const pair of query.split('&')) {
        if (!pair) continue;
        const [rawKey = '', ...rest] = pair.split('=');
        const key = strictDecode(rawKey);
        const value = strictDecode(rest.join('='));
        const name = key ?? rawKey;
        if (key === null || value === null) {
          issues.push(unicodeIssue(['query', name], 'Input should be a valid UTF-8 string', rest.join('=')));
          continue;
        }
        const problem = badText(key) ?? badText(value);
        if (problem) issues.push(unicodeIssue(['query', name], problem, value));
      }
    }
    if (issues.length) throw new RequestValidationError(issues);
    await next();
  };
}

/** How deep the JSON text nests (strings skipped), stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

/** Every string (object keys included) of a parsed JSON value that a database must not see. */
export function badStrings(value: unknown, loc: Loc, issues: ValidationIssue[]): void {
  if (typeof value === 'string') {
    const problem = badText(value);
    if (problem) issues.push(unicodeIssue(loc, problem, value));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => badStrings(item, [...loc, i], issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = badText(key);
      if (problem) issues.push(unicodeIssue([...loc, key], problem, key));
      badStrings(item, [...loc, key], issues);
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes as text, or a 422 json_invalid when they are not UTF-8 (never U+FFFD). */
export function decodeUtf8Body(bytes: ArrayBuffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new RequestValidationError([
      { loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', input: {}, ctx: { error: 'The body is not valid UTF-8' } },
    ]);
  }
}
