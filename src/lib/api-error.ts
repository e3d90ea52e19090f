/**
 * The one error type every API call throws (queryFns, mutationFns). It keeps the HTTP status and
 * FastAPI's `detail`: a string for most errors, a list of validation items for 422.
 */

import type { components } from './api/schema';

/** One item of a FastAPI 422 `detail`, as the contract declares it. */
export type ValidationItem = components['schemas']['ValidationErrorItem'];

export interface FieldError {
  /** Dotted field path without the "body"/"query"/"path" prefix ("settings.mfa_methods"); "" when the error belongs to no field. */
  path: string;
  message: string;
}

const LOCATIONS = new Set(['body', 'query', 'path', 'header', 'cookie']);

export function isValidationItems(detail: unknown): detail is ValidationItem[] {
  return (
    Array.isArray(detail) &&
    detail.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        Array.isArray((item as ValidationItem).loc) &&
        typeof (item as ValidationItem).msg === 'string',
    )
  );
}

function messageFor(status: number, detail: unknown): string {
  if (typeof detail === 'string' && detail.trim()) return detail;
  if (isValidationItems(detail) && detail.length > 0) {
    return detail.map((item) => item.msg).join('; ');
  }
  if (status === 0) return 'Could not reach the ScaiKey API. Check your connection and try again.';
  return `The ScaiKey API answered with HTTP ${status}.`;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never got an answer (network failure, CORS, server down). */
  readonly status: number;
  /** FastAPI's `detail`: a message, validation items (422), or whatever else the body held. */
  readonly detail: string | ValidationItem[] | unknown;

  constructor(status: number, detail?: unknown, options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? messageFor(status, detail), { cause: options?.cause });
    this.status = status;
    this.detail = detail;
  }

  /** From an openapi-fetch error body (already JSON-parsed when possible). */
  static fromBody(status: number, body: unknown): ApiError {
    const detail =
      body !== null && typeof body === 'object' && 'detail' in body ? (body as { detail: unknown }).detail : body;
    return new ApiError(status, detail === '' ? undefined : detail);
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, undefined, { cause });
  }

  /**
   * A success status whose body is not JSON: typically a proxy's or a login portal's HTML page in
   * front of the API. Status 502 so it is treated like a gateway failure (route boundary, Retry).
   */
  static unexpectedBody(status: number, contentType: string): ApiError {
    const what = contentType ? contentType.split(';')[0]!.trim() : 'a body without a content type';
    return new ApiError(502, undefined, {
      message: `The ScaiKey API answered HTTP ${status} with ${what} instead of JSON. A proxy or gateway in between may be misconfigured; try again, or tell your ScaiKey operators.`,
    });
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isServerError(): boolean {
    return this.status === 0 || this.status >= 500;
  }

  /**
   * 422 items as form field errors, their messages cleaned for people (cleanServerMessage).
   * Model-level items (loc ["body"]) come back with path "". `under`: the body key a form edits
   * the inside of ("settings"), so ["body","settings","session_timeout"] becomes
   * "session_timeout".
   */
  fieldErrors(under?: string): FieldError[] {
    if (!isValidationItems(this.detail)) return [];
    return this.detail.map((item) => {
      const loc = item.loc.map(String);
      let rest = loc.length > 0 && LOCATIONS.has(loc[0] ?? '') ? loc.slice(1) : loc;
      if (under !== undefined && rest[0] === under) rest = rest.slice(1);
      return { path: rest.join('.'), message: cleanServerMessage(item.msg) };
    });
  }
}

/**
 * A server message as people should read it: pydantic's "Value error, " prefix (FastAPI and the
 * stand-in write it before every custom rule's message) removed and the sentence that follows
 * capitalised. Other messages are left as they came.
 */
export function cleanServerMessage(message: string): string {
  const prefix = /^Value error,\s*/i;
  return prefix.test(message) ? message.replace(prefix, '').replace(/^\w/, (c) => c.toUpperCase()) : message;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** 4xx: the request itself is wrong or not allowed; retrying it cannot help. */
export function isClientError(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

/** Turns an openapi-fetch result into its data, or throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw ApiError.fromBody(result.response.status, result.error);
  return result.data as T;
}
