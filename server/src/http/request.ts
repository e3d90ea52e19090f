import type { Context } from 'hono';
import { RequestValidationError } from './errors';
import { object, parse, type Field, type ShapeOutput, type Validator } from './validate';

/**
 * Reads the body as JSON the way FastAPI does: an empty body is a missing one (`["body"]`,
 * "Field required"), unparsable JSON a `json_invalid` at `["body", <position>]`.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw new RequestValidationError([{ loc: ['body'], msg: 'Field required', type: 'missing', input: null }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Python's json reports where decoding stopped; at the end of the input that is its length.
    const at = /position (\d+)/.exec(message)?.[1];
    const position = at !== undefined ? Number(at) : /end of JSON input/i.test(message) ? text.length : 0;
    throw new RequestValidationError([
      { loc: ['body', position], msg: 'JSON decode error', type: 'json_invalid', input: {}, ctx: { error: message } },
    ]);
  }
}

/** The JSON body, validated; every problem reported at once under "body". */
export async function parseBody<T>(c: Context, validate: Validator<T>): Promise<T> {
  return parse(validate, await readJson(c), ['body']);
}

/** Query parameters, validated under "query"; unknown parameters are ignored, as FastAPI does. */
export function parseQuery<S extends Record<string, Field<unknown>>>(c: Context, shape: S): ShapeOutput<S> {
  return parse(object(shape, { extra: 'ignore' }), c.req.query(), ['query']);
}
