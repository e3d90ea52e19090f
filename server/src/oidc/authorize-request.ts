import type { ServerConfig } from '../config';
import { S256_CHALLENGE } from './secrets';

/** Scopes this provider grants; others in a request are ignored (the token's scope says what was granted). */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  /** Granted scope: the supported scopes requested, in canonical order. */
  scope: string;
  state: string | null;
  nonce: string | null;
  codeChallenge: string;
  prompt: Set<string>;
  /** Seconds; null when absent. */
  maxAge: number | null;
  loginHint: string | null;
  idTokenHint: string | null;
}

export type AuthorizeParse =
  /** The client or its redirect URI cannot be trusted: tell the user, never redirect. */
  | { kind: 'page'; message: string }
  /** A trusted redirect URI: report the error there (RFC 6749 §4.1.2.1). */
  | { kind: 'redirect'; redirectUri: string; state: string | null; error: string; description: string }
  | { kind: 'ok'; request: AuthorizeRequest };

/** Parameters that must not repeat (RFC 6749 §3.1: "MUST NOT be included more than once"). */
const SINGLE = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'max_age',
  'login_hint',
  'id_token_hint',
];

/**
 * Bounds for what the provider carries and echoes. The pending sign-in travels in the page
 * (login-request.ts), so these also bound the page and the form posted back.
 */
export const LIMITS = { state: 512, nonce: 512, login_hint: 254, id_token_hint: 8192 } as const;

/** RFC 6749 Appendix A.5: state is VSCHAR, printable ASCII. */
const VSCHAR = /^[\x20-\x7E]*$/;
/** No control characters (C0, DEL, C1) in the other echoed values. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const echoable = (state: string | null) => state !== null && state.length <= LIMITS.state && VSCHAR.test(state);

export function parseAuthorizeRequest(params: URLSearchParams, config: ServerConfig): AuthorizeParse {
  const one = (name: string) => params.get(name);

  // 1. Who is asking, and where would the answer go? Until both check out, nothing redirects.
  if (params.getAll('client_id').length > 1 || params.getAll('redirect_uri').length > 1) {
    return { kind: 'page', message: 'The sign-in request is malformed (a parameter was repeated).' };
  }
  const clientId = one('client_id');
  if (!clientId) {
    return { kind: 'page', message: 'The sign-in request does not say which application is asking (client_id is missing).' };
  }
  if (clientId !== config.client.clientId) {
    return { kind: 'page', message: 'The application asking you to sign in is not registered with ScaiKey.' };
  }
  const redirectUri = one('redirect_uri');
  if (!redirectUri) {
    return { kind: 'page', message: 'The sign-in request does not say where to return afterwards (redirect_uri is missing).' };
  }
  if (!config.client.redirectUris.includes(redirectUri)) {
    return {
      kind: 'page',
      message: 'The address this application asked to return to is not registered, so ScaiKey will not send you there.',
    };
  }

  // 2. From here on errors go back to the (trusted) application.
  const state = one('state');
  const fail = (error: string, description: string): AuthorizeParse => ({
    kind: 'redirect',
    redirectUri,
    state: echoable(state) ? state : null,
    error,
    description,
  });

  for (const name of SINGLE) {
    if (params.getAll(name).length > 1) return fail('invalid_request', `Parameter ${name} must not be repeated`);
  }
  for (const name of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    if ((one(name)?.length ?? 0) > LIMITS[name]) return fail('invalid_request', `Parameter ${name} is too long`);
  }
  if (state !== null && !VSCHAR.test(state)) {
    return fail('invalid_request', 'state may contain only printable ASCII characters');
  }
  for (const name of ['nonce', 'login_hint']) {
    if (CONTROL.test(one(name) ?? '')) return fail('invalid_request', `Parameter ${name} contains control characters`);
  }
  if (params.has('request')) return fail('request_not_supported', 'Request objects are not supported');
  if (params.has('request_uri')) return fail('request_uri_not_supported', 'request_uri is not supported');

  const responseType = one('response_type');
  if (!responseType) return fail('invalid_request', 'response_type is required');
  if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported');
  const responseMode = one('response_mode');
  if (responseMode && responseMode !== 'query') {
    return fail('invalid_request', 'Only response_mode=query is supported');
  }

  const requested = new Set((one('scope') ?? '').split(' ').filter(Boolean));
  if (!requested.has('openid')) return fail('invalid_scope', 'The openid scope is required');
  const scope = SUPPORTED_SCOPES.filter((s) => requested.has(s)).join(' ');

  const codeChallenge = one('code_challenge');
  const method = one('code_challenge_method');
  if (!codeChallenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  if (method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!S256_CHALLENGE.test(codeChallenge)) {
    return fail('invalid_request', 'code_challenge must be a base64url-encoded SHA-256 hash');
  }

  const prompt = new Set((one('prompt') ?? '').split(' ').filter(Boolean));
  for (const p of prompt) {
    if (!['none', 'login', 'consent', 'select_account'].includes(p)) {
      return fail('invalid_request', `Unsupported prompt value: ${p}`);
    }
  }
  if (prompt.has('none') && prompt.size > 1) {
    return fail('invalid_request', 'prompt=none cannot be combined with other values');
  }

  let maxAge: number | null = null;
  const maxAgeParam = one('max_age');
  if (maxAgeParam !== null) {
    if (!/^\d{1,10}$/.test(maxAgeParam)) return fail('invalid_request', 'max_age must be a non-negative integer');
    maxAge = Number(maxAgeParam);
  }

  return {
    kind: 'ok',
    request: {
      clientId,
      redirectUri,
      scope,
      state,
      nonce: one('nonce'),
      codeChallenge,
      prompt,
      maxAge,
      loginHint: one('login_hint'),
      idTokenHint: one('id_token_hint'),
    },
  };
}

/** redirect_uri with the response parameters added (keeping any query it already has). */
export function responseUrl(redirectUri: string, values: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}
