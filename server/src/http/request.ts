import type { Context } from 'hono';
import { RequestValidationError, type ValidationIssue } from './errors';
import { badStrings, decodeUtf8Body, jsonDepthExceeds, MAX_JSON_DEPTH } from './hostile-input';
import { object, parse, type Field, type ShapeOutput, type Validator } from './validate';

/**
 * Reads the body as JSON the way FastAPI does: an empty body is a missing one (`["body"]`,
 * "Field required"), unparsable JSON a `json_invalid` at `["body", <position>]`. Stricter than
 * JSON.parse alone: bytes that are not UTF-8, nesting deeper than MAX_JSON_DEPTH, and strings
 * with NUL or lone surrogates (`"\ud800"`) are refused with a 422 instead of being stored.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = decodeUtf8Body(await c.req.arrayBuffer());
  if (text.trim() === '') {
    throw new RequestValidationError([{ loc: ['body'], msg: 'Field required', type: 'missing', input: null }]);
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new RequestValidationError([
      { loc: ['body'], msg: `JSON decode error: nested deeper than ${MAX_JSON_DEPTH} levels`, type: 'json_invalid', input: {} },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Python's json reports where decoding stopped; at the end of the input that is its length.
    const at = /position (\d+)/.exec(message)?.[1];
    const position = at !== undefined ? Number(at) : /end of JSON input/i.test(message) ? text.length : 0;
    throw new RequestValidationError([
      { loc: ['body', position], msg: 'JSON decode error', type: 'json_invalid', input: {}, ctx: { error: message } },
    ]);
  }
  const issues: ValidationIssue[] = [];
  badStrings(value, ['body'], issues);
  if (issues.length) throw new RequestValidationError(issues);
  return value;
}

/** The JSON body, validated; every problem reported at once under "body". */
export async function parseBody<T>(c: Context, validate: Validator<T>): Promise<T> {
  return parse(validate, await readJson(c), ['body']);
}

/**
 * Query parameters, validated under "query"; unknown parameters are ignored, as FastAPI does.
 * A known parameter given twice (`per_page=10&per_page=100`) is a 422, not "the first one wins".
 */
export function parseQuery<S extends Record<string, Field<unknown>>>(c: Context, shape: S): ShapeOutput<S> {
  const repeated: ValidationIssue[] = Object.entries(c.req.queries())
    .filter(([key, values]) => Object.hasOwn(shape, key) && values.length > 1)
    .map(([key, values]) => ({ loc: ['query', key], msg: 'Input should be a single value, not a list', type: 'value_error', input: values }));
  if (repeated.length) throw new RequestValidationError(repeated);
  return parse(object(shape, { extra: 'ignore' }), c.req.query(), ['query']);
}
