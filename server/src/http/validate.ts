import { RequestValidationError, type Loc, type ValidationIssue } from './errors';

/**
 * A small validation toolkit that answers the way FastAPI + pydantic v2 do: every problem in
 * one 422, each with `loc`, `msg` and `type` (pydantic's type names and wording), lax coercion
 * of strings to integers and booleans as pydantic's lax mode does (query strings need it).
 * Every route validates its query and body with these pieces; nothing else validates.
 */

const INVALID: unique symbol = Symbol('invalid');
type Invalid = typeof INVALID;

/** Checks one value at `loc`, pushing issues; returns the (coerced) value or INVALID. */
export type Validator<T> = (input: unknown, loc: Loc, issues: ValidationIssue[]) => T | Invalid;

type Presence = 'required' | 'optional' | 'default';
export interface Field<T, P extends Presence = Presence> {
  readonly validate: Validator<T>;
  readonly presence: P;
  readonly fallback?: () => T;
}

/** Absent → `missing` ("Field required"). */
export const required = <T>(validate: Validator<T>): Field<T, 'required'> => ({ validate, presence: 'required' });
/** Absent → the key stays absent (PATCH bodies, optional filters). */
export const optional = <T>(validate: Validator<T>): Field<T, 'optional'> => ({ validate, presence: 'optional' });
/** Absent → `fallback()`. */
export const withDefault = <T>(validate: Validator<T>, fallback: () => T): Field<T, 'default'> => ({
  validate,
  presence: 'default',
  fallback,
});

type Shape = Record<string, Field<unknown>>;
type FieldType<F> = F extends Field<infer T, Presence> ? T : never;
type PresentKeys<S> = { [K in keyof S]: S[K] extends Field<unknown, 'optional'> ? never : K }[keyof S];
type AbsentKeys<S> = Exclude<keyof S, PresentKeys<S>>;
export type ShapeOutput<S extends Shape> = { [K in PresentKeys<S>]: FieldType<S[K]> } & {
  [K in AbsentKeys<S>]?: FieldType<S[K]>;
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property assignment that is safe for keys such as "__proto__" coming from JSON. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface ObjectOptions {
  /** forbid: unknown keys are `extra_forbidden`; allow: kept as they are; ignore: dropped. */
  extra: 'forbid' | 'allow' | 'ignore';
  /** A nested model's name, for pydantic's "valid dictionary or instance of X". */
  model?: string;
}

export function object<S extends Shape>(
  shape: S,
  options: ObjectOptions & { extra: 'allow' },
): Validator<ShapeOutput<S> & Record<string, unknown>>;
export function object<S extends Shape>(shape: S, options: ObjectOptions): Validator<ShapeOutput<S>>;
export function object<S extends Shape>(shape: S, options: ObjectOptions): Validator<ShapeOutput<S>> {
  return (input, loc, issues) => {
    if (!isPlainObject(input)) {
      issues.push(
        options.model
          ? { loc, msg: `Input should be a valid dictionary or instance of ${options.model}`, type: 'model_type', input }
          : { loc, msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type', input },
      );
      return INVALID;
    }
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, field] of Object.entries(shape)) {
      if (!Object.hasOwn(input, key)) {
        if (field.presence === 'required') {
          issues.push({ loc: [...loc, key], msg: 'Field required', type: 'missing', input });
          ok = false;
        } else if (field.presence === 'default' && field.fallback) {
          setOwn(out, key, field.fallback());
        }
        continue;
      }
      const value = field.validate(input[key], [...loc, key], issues);
      if (value === INVALID) ok = false;
      else setOwn(out, key, value);
    }
    for (const key of Object.keys(input)) {
      if (Object.hasOwn(shape, key)) continue;
      if (options.extra === 'forbid') {
        issues.push({ loc: [...loc, key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden', input: input[key] });
        ok = false;
      } else if (options.extra === 'allow') {
        setOwn(out, key, input[key]);
      }
    }
    return ok ? (out as ShapeOutput<S>) : INVALID;
  };
}

/** A model-level rule run after the fields passed (pydantic's model_validator(mode="after")). */
export function refine<T>(validate: Validator<T>, rule: (value: T, loc: Loc, issues: ValidationIssue[]) => void): Validator<T> {
  return (input, loc, issues) => {
    const value = validate(input, loc, issues);
    if (value === INVALID) return INVALID;
    const before = issues.length;
    rule(value, loc, issues);
    return issues.length > before ? INVALID : value;
  };
}

export function nullable<T>(validate: Validator<T>): Validator<T | null> {
  return (input, loc, issues) => (input === null ? null : validate(input, loc, issues));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function str(rules: { min?: number; max?: number; pattern?: string } = {}): Validator<string> {
  const re = rules.pattern ? new RegExp(rules.pattern) : null;
  return (input, loc, issues) => {
    if (typeof input !== 'string') {
      issues.push({ loc, msg: 'Input should be a valid string', type: 'string_type', input });
      return INVALID;
    }
    const length = [...input].length;
    if (rules.min !== undefined && length < rules.min) {
      issues.push({ loc, msg: `String should have at least ${plural(rules.min, 'character')}`, type: 'string_too_short', input, ctx: { min_length: rules.min } });
      return INVALID;
    }
    if (rules.max !== undefined && length > rules.max) {
      issues.push({ loc, msg: `String should have at most ${plural(rules.max, 'character')}`, type: 'string_too_long', input, ctx: { max_length: rules.max } });
      return INVALID;
    }
    if (re && rules.pattern && !re.test(input)) {
      issues.push({ loc, msg: `String should match pattern '${rules.pattern}'`, type: 'string_pattern_mismatch', input, ctx: { pattern: rules.pattern } });
      return INVALID;
    }
    return input;
  };
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** RFC 5321's limit on a forward path, which email-validator enforces too. */
export const MAX_EMAIL_LENGTH = 254;

/** Whether `value` has the shape of an email address (what email() accepts). */
export function looksLikeEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/** pydantic's EmailStr: a value_error with email-validator's style of message. */
export function email(): Validator<string> {
  const base = str();
  return (input, loc, issues) => {
    const value = base(input, loc, issues);
    if (value === INVALID) return INVALID;
    if (value.length > MAX_EMAIL_LENGTH) {
      const reason = `The email address is too long (${value.length - MAX_EMAIL_LENGTH} characters too many).`;
      issues.push({ loc, msg: `value is not a valid email address: ${reason}`, type: 'value_error', input: value.slice(0, 64) + '…', ctx: { reason } });
      return INVALID;
    }
    if (EMAIL.test(value)) return value;
    const reason = !value.includes('@')
      ? 'An email address must have an @-sign.'
      : value.split('@').length > 2
        ? 'The email address is not valid. It must have exactly one @-sign.'
        : 'The part after the @-sign is not valid.';
    issues.push({ loc, msg: `value is not a valid email address: ${reason}`, type: 'value_error', input, ctx: { reason } });
    return INVALID;
  };
}

const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic lax bool: true/false, 0/1, and the strings "true", "yes", "on", "1"... */
export function bool(): Validator<boolean> {
  return (input, loc, issues) => {
    if (typeof input === 'boolean') return input;
    if (input === 0 || input === 1) return input === 1;
    if (typeof input === 'string') {
      const s = input.trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
    }
    if (typeof input === 'string' || typeof input === 'number') {
      issues.push({ loc, msg: 'Input should be a valid boolean, unable to interpret input', type: 'bool_parsing', input });
    } else {
      issues.push({ loc, msg: 'Input should be a valid boolean', type: 'bool_type', input });
    }
    return INVALID;
  };
}

/** pydantic lax int: integers, whole floats, and integer strings; then ge/le bounds. */
export function int(rules: { ge?: number; le?: number } = {}): Validator<number> {
  return (input, loc, issues) => {
    let n: number;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) {
        issues.push({ loc, msg: 'Input should be a finite number', type: 'finite_number', input });
        return INVALID;
      }
      if (!Number.isInteger(input)) {
        issues.push({ loc, msg: 'Input should be a valid integer, got a number with a fractional part', type: 'int_from_float', input });
        return INVALID;
      }
      n = input;
    } else if (typeof input === 'string') {
      if (!/^\s*[+-]?\d+\s*$/.test(input)) {
        issues.push({ loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing', input });
        return INVALID;
      }
      n = Number(input);
      // "1" and 400 zeros is Infinity to JavaScript (and `null` in JSON): beyond any bound here.
      if (!Number.isSafeInteger(n)) {
        issues.push({ loc, msg: 'Unable to parse input string as an integer, exceeded maximum size', type: 'int_parsing_size', input });
        return INVALID;
      }
    } else {
      issues.push({ loc, msg: 'Input should be a valid integer', type: 'int_type', input });
      return INVALID;
    }
    if (rules.ge !== undefined && n < rules.ge) {
      issues.push({ loc, msg: `Input should be greater than or equal to ${rules.ge}`, type: 'greater_than_equal', input, ctx: { ge: rules.ge } });
      return INVALID;
    }
    if (rules.le !== undefined && n > rules.le) {
      issues.push({ loc, msg: `Input should be less than or equal to ${rules.le}`, type: 'less_than_equal', input, ctx: { le: rules.le } });
      return INVALID;
    }
    return n;
  };
}

/** A string Enum: pydantic's `enum` error lists the allowed values. */
export function oneOf<const V extends string>(values: readonly V[]): Validator<V> {
  const quoted = values.map((v) => `'${v}'`);
  const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
  return (input, loc, issues) => {
    if (typeof input === 'string' && (values as readonly string[]).includes(input)) return input as V;
    issues.push({ loc, msg: `Input should be ${expected}`, type: 'enum', input, ctx: { expected } });
    return INVALID;
  };
}

export function list<T>(item: Validator<T>, rules: { unique?: boolean } = {}): Validator<T[]> {
  return (input, loc, issues) => {
    if (!Array.isArray(input)) {
      issues.push({ loc, msg: 'Input should be a valid list', type: 'list_type', input });
      return INVALID;
    }
    const out: T[] = [];
    let ok = true;
    input.forEach((element, i) => {
      const value = item(element, [...loc, i], issues);
      if (value === INVALID) ok = false;
      else out.push(value);
    });
    if (ok && rules.unique && new Set(out.map((v) => JSON.stringify(v))).size !== out.length) {
      issues.push({ loc, msg: 'Value error, items must be unique', type: 'value_error', input });
      return INVALID;
    }
    return ok ? out : INVALID;
  };
}

/** Any JSON object, kept as it is (branding, free-form settings). */
/**
 * A comma-separated query value as a list of strings (`?ids=a,b,c`): items trimmed, empty items
 * dropped, duplicates kept (the caller may dedupe). More than `max` items is pydantic's
 * `too_long` for a list.
 */
export function commaList(rules: { max: number }): Validator<string[]> {
  const base = str();
  return (input, loc, issues) => {
    const text = base(input, loc, issues);
    if (text === INVALID) return INVALID;
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (items.length > rules.max) {
      issues.push({
        loc,
        msg: `List should have at most ${plural(rules.max, 'item')} after validation, not ${items.length}`,
        type: 'too_long',
        input,
        ctx: { field_type: 'List', max_length: rules.max, actual_length: items.length },
      });
      return INVALID;
    }
    return items;
  };
}

export function dict(): Validator<Record<string, unknown>> {
  return (input, loc, issues) => {
    if (isPlainObject(input)) return input;
    issues.push({ loc, msg: 'Input should be a valid dictionary', type: 'dict_type', input });
    return INVALID;
  };
}

/**
 * A cap on how large a free-form value may be once stored (its JSON text, in UTF-8 bytes), so
 * branding or unknown settings keys cannot fill the database one 1 MB request at a time.
 */
export function maxJsonBytes<T>(validate: Validator<T>, limit: number): Validator<T> {
  return (input, loc, issues) => {
    const value = validate(input, loc, issues);
    if (value === INVALID) return INVALID;
    const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
    if (size <= limit) return value;
    issues.push(valueErrorIssue(loc, `must be at most ${limit / 1024} KB as JSON (this is ${Math.ceil(size / 1024)} KB)`, { max_bytes: limit }));
    return INVALID;
  };
}

function valueErrorIssue(loc: Loc, message: string, ctx: Record<string, unknown>): ValidationIssue {
  return { loc, msg: `Value error, ${message}`, type: 'value_error', ctx };
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date or datetime; without a zone it is read as UTC. Returns a Date. */
export function datetime(): Validator<Date> {
  return (input, loc, issues) => {
    if (typeof input !== 'string') {
      issues.push({ loc, msg: 'Input should be a valid datetime', type: 'datetime_type', input });
      return INVALID;
    }
    const m = ISO_DATETIME.exec(input.trim());
    const parsed = m ? toDate(m) : null;
    if (!parsed) {
      issues.push({
        loc,
        msg: 'Input should be a valid datetime or date, invalid format (expected ISO 8601, e.g. 2030-01-31T12:00:00Z)',
        type: 'datetime_from_date_parsing',
        input,
      });
      return INVALID;
    }
    return parsed;
  };
}

function toDate(m: RegExpExecArray): Date | null {
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  // Reject overflowing fields (2030-02-31, 25:00) instead of letting Date roll them over.
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return null;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return new Date(utc - offsetMinutes * 60_000);
}

/** Runs a validator from the top; any issue becomes a 422 with every issue found. */
export function parse<T>(validate: Validator<T>, input: unknown, loc: Loc): T {
  const issues: ValidationIssue[] = [];
  const value = validate(input, loc, issues);
  if (value === INVALID || issues.length > 0) throw new RequestValidationError(issues);
  return value;
}
