import type { MiddlewareHandler } from 'hono';
import type { components } from '../../../../src/lib/api/schema';
import { badRequest, RequestValidationError, type HttpError, type ValidationIssue } from '../../http/errors';
import { email, int, object, required, str, withDefault, type Validator } from '../../http/validate';

/**
 * What the Admins API (/api/admins, scaikey-api.md "Admin accounts") accepts, and how it says no.
 * Its conventions are not the Admin API's: a bad request is a 400 whose `detail` is one string
 * naming the field ("pageSize: Input should be less than or equal to 100"), never a FastAPI 422.
 * The checks themselves are the shared ones (http/validate.ts, readJson's NUL and UTF-8 guards);
 * only their answer is translated here.
 */

export const EMAIL_EXISTS = 'Email already exists';
export const WEAK_PASSWORD = 'Password does not meet security requirements';
export const ADMIN_NOT_FOUND = 'Admin not found';
export const OWN_ACCOUNT = 'Cannot delete your own admin account';
export const DELETE_FAILED = 'Failed to delete admin account';

/** The contract's limits (openapi/scaikey-admin.yaml, AdminAccountCreate and listAdminAccounts). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** `page` is any positive integer: a page past the last is answered empty, not refused. */
export const pageNumber = int({ ge: 1 });
export const listQuery = { pageSize: withDefault(int({ ge: 1, le: MAX_PAGE_SIZE }), () => DEFAULT_PAGE_SIZE) };

/** A string that has 1–100 characters once trimmed; the trimmed value is what is kept. */
function personName(): Validator<string> {
  const checked = str({ min: 1, max: NAME_MAX_LENGTH });
  return (input, loc, issues) => checked(typeof input === 'string' ? input.trim() : input, loc, issues);
}

/** The contract's request body: the validator below must produce exactly it. */
export type AdminAccountCreate = components['schemas']['AdminAccountCreate'];

/** The body of POST /api/admins. The password's strength is checked after, with its own message. */
export const adminAccountCreate: Validator<AdminAccountCreate> = object(
  {
    email: required(email()),
    password: required(str({ max: PASSWORD_MAX_LENGTH })),
    firstName: required(personName()),
    lastName: required(personName()),
  },
  { extra: 'forbid' },
);

/** Uppercase, lowercase, digit, and a character that is neither a letter nor a digit (Unicode's). */
const PASSWORD_CLASSES = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];

/** The documented rule; the contract's `pattern` and minLength say the same (admins.test.ts checks). */
export function meetsPasswordRules(password: string): boolean {
  return [...password].length >= PASSWORD_MIN_LENGTH && PASSWORD_CLASSES.every((re) => re.test(password));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id in its stored (lowercase) form, or null when it cannot be any account's id. */
export function normalizeGuid(value: string): string | null {
  return GUID.test(value) ? value.toLowerCase() : null;
}

/** "pageSize: ...", "email: ...", "Request body: ..." (never the value itself: it may be a password). */
function describeIssue(issue: ValidationIssue): string {
  const [where, ...path] = issue.loc;
  const field = path.filter((part) => typeof part === 'string').join('.');
  return `${field || (where === 'body' ? 'Request body' : String(where))}: ${issue.msg}`;
}

/** A 422's issues as one Admins API 400. */
export function asBadRequest(err: RequestValidationError): HttpError {
  return badRequest(err.issues.map(describeIssue).join('; '));
}

/** The Admins API's answer for any error: validation failures become 400s, the rest stays. */
export function inAdminsShape(err: Error): Error {
  return err instanceof RequestValidationError ? asBadRequest(err) : err;
}

/**
 * A middleware (app.ts's URL checks, run before routing) whose refusals come out in the Admins
 * API's shape: its `await next()` never throws (Hono answers errors at each layer), so only the
 * middleware's own refusal is translated.
 */
export function withAdminsErrors(middleware: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    try {
      await middleware(c, next);
    } catch (err) {
      throw err instanceof Error ? inAdminsShape(err) : err;
    }
  };
}
