import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { components } from '../../../src/lib/api/schema';

/** Where a FastAPI validation error points: ["body","settings","mfa_methods"], ["query","page"]... */
export type Loc = (string | number)[];

/**
 * One entry of a FastAPI/pydantic 422 `detail` array: the contract's ValidationErrorItem, plus the
 * `input` and `ctx` that pydantic also sends and the contract leaves out.
 */
export type ValidationIssue = components['schemas']['ValidationErrorItem'] & {
  input?: unknown;
  ctx?: Record<string, unknown>;
};

/** An error answered as `{"detail": "<message>"}` with the given status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** A 422 answered as `{"detail": [issues...]}`, as FastAPI's RequestValidationError. */
export class RequestValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super('Request validation failed');
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`);
export const forbidden = (detail: string): HttpError => new HttpError(403, detail);
export const conflict = (detail: string): HttpError => new HttpError(409, detail);
export const badRequest = (detail: string): HttpError => new HttpError(400, detail);

/** A pydantic `value_error` (a validator's ValueError): the message gets pydantic's prefix. */
export function valueError(loc: Loc, message: string, input?: unknown): ValidationIssue {
  return { loc, msg: `Value error, ${message}`, type: 'value_error', ...(input === undefined ? {} : { input }) };
}

/** The app-wide error handler: known errors become FastAPI-shaped JSON, anything else a logged 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HttpError) {
    return c.json({ detail: err.detail }, err.status, err.headers);
  }
  if (err instanceof RequestValidationError) {
    return c.json({ detail: err.issues }, 422);
  }
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  // The path is quoted (JSON escapes): a %0A in it cannot forge a log line. Only the error's
  // stack is written, never its parameters or the request body (emails, passwords).
  console.error(`[server] ${c.req.method} ${JSON.stringify(c.req.path)} failed: ${err.stack ?? `${err.name}: ${err.message}`}`);
  return c.json({ detail: 'Internal Server Error' }, 500);
}
