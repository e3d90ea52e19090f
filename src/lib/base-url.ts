/**
 * Everything the console resolves (config.json, the sign-in callback, routes) is relative to the
 * document's <base href>, so the same build serves from "/" or from a sub-path like "/console/".
 * Framework-free: the bootstrap uses it before React loads.
 */

/** The base URL, always ending in "/" (e.g. "http://localhost:5173/console/"). */
export function baseUrl(doc: Pick<Document, 'baseURI'> = document): URL {
  const url = new URL(doc.baseURI);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/[^/]*$/, '');
  return url;
}

/** The router basename: the base path without its trailing slash ("" becomes "/"). */
export function routerBasename(doc: Pick<Document, 'baseURI'> = document): string {
  return baseUrl(doc).pathname.replace(/\/+$/, '') || '/';
}

/**
 * The location relative to the base, without a leading slash: "tenants?page=2#top" for
 * "/console/tenants?page=2#top" under base "/console/". Null when the location is outside the base.
 */
export function relativeToBase(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  doc: Pick<Document, 'baseURI'> = document,
): string | null {
  const basePath = baseUrl(doc).pathname.toLowerCase();
  const path = location.pathname;
  // As the router matches its basename: without regard to case. "/console" under base "/console/"
  // is the base itself.
  if (path.toLowerCase() === basePath.replace(/\/$/, '')) return `${location.search}${location.hash}`;
  if (!path.toLowerCase().startsWith(basePath)) return null;
  return `${path.slice(basePath.length)}${location.search}${location.hash}`;
}

/** The path of the location relative to the base (no query or hash). */
export function pathRelativeToBase(
  location: Pick<Location, 'pathname'>,
  doc: Pick<Document, 'baseURI'> = document,
): string | null {
  return relativeToBase({ pathname: location.pathname, search: '', hash: '' }, doc);
}

const CALLBACK_PATH = 'auth/callback';

/** The OIDC redirect URI: "<origin><base>auth/callback". */
export function callbackUrl(doc: Pick<Document, 'baseURI'> = document): string {
  return new URL(CALLBACK_PATH, baseUrl(doc)).href;
}

export function isCallbackLocation(
  location: Pick<Location, 'pathname'>,
  doc: Pick<Document, 'baseURI'> = document,
): boolean {
  return pathRelativeToBase(location, doc) === CALLBACK_PATH;
}

/**
 * Where to go back to after signing in. Only a relative path that stays on this origin and under
 * the base is accepted (no scheme, no "//host", no "/absolute", no backslashes); anything else,
 * and the callback itself, falls back to the base ("").
 */
export function safeReturnTo(value: unknown, doc: Pick<Document, 'baseURI'> = document): string {
  if (typeof value !== 'string' || value === '') return '';
  if (/^[/\\]/.test(value) || value.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return '';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(value)) return '';
  const base = baseUrl(doc);
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return '';
  }
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) return '';
  const relative = `${resolved.pathname.slice(base.pathname.length)}${resolved.search}${resolved.hash}`;
  if (relative.split(/[?#]/)[0] === CALLBACK_PATH) return '';
  return relative;
}

/** The absolute URL of a path relative to the base. */
export function resolveFromBase(relative: string, doc: Pick<Document, 'baseURI'> = document): string {
  return new URL(relative, baseUrl(doc)).href;
}
