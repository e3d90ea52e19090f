import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The Admin API contract (openapi/scaikey-admin.yaml) as a response checker. OpenAPI 3.1
 * schemas are JSON Schema 2020-12, so Ajv validates them as they are: the whole document is
 * registered under one $id and every response schema is reached by JSON pointer, which lets
 * its `#/components/...` references resolve.
 */
const DOC_ID = 'https://scaikey.test/openapi/scaikey-admin.yaml';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiDoc {
  paths: Record<string, Partial<Record<Method, { responses: Record<string, ResponseObject> }>>>;
  components: { responses: Record<string, ResponseObject>; schemas: Record<string, unknown> };
}

const doc = parse(readFileSync(new URL('../../../openapi/scaikey-admin.yaml', import.meta.url), 'utf8')) as OpenApiDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });

const validators = new Map<string, ValidateFunction>();
const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (...segments: string[]): string => `#/${segments.map(escape).join('/')}`;

function validatorAt(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}${ref}` });
    validators.set(ref, validate);
  }
  return validate;
}

/** Where the JSON schema of one declared response lives, or null when it has no body. */
function responseSchemaPointer(method: Method, path: string, status: number): string | null {
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`The contract has no ${method.toUpperCase()} ${path}`);
  let response = operation.responses[String(status)];
  let location = ['paths', path, method, 'responses', String(status)];
  if (!response) {
    throw new Error(
      `${method.toUpperCase()} ${path} answered ${status}, which the contract does not declare ` +
        `(declared: ${Object.keys(operation.responses).join(', ')})`,
    );
  }
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    response = doc.components.responses[name];
    location = ['components', 'responses', name];
    if (!response) throw new Error(`Unresolvable response ${name}`);
  }
  if (!response.content) return null;
  if (!response.content['application/json']) throw new Error(`Response ${status} declares no application/json body`);
  return pointer(...location, 'content', 'application/json', 'schema');
}

/**
 * Checks a response against the operation's declared response for its status: the status must
 * be declared, a body-less response must be empty, a JSON one must match its schema.
 * Returns the parsed body so the test can go on asserting.
 */
export async function expectContract<T = unknown>(res: Response, method: Method, path: string): Promise<T> {
  const at = responseSchemaPointer(method, path, res.status);
  const text = await res.text();
  if (at === null) {
    if (text !== '') throw new Error(`${method.toUpperCase()} ${path} ${res.status} must have no body, got: ${text.slice(0, 200)}`);
    return undefined as T;
  }
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) throw new Error(`Expected application/json, got "${type}"`);
  const body = JSON.parse(text) as unknown;
  const validate = validatorAt(at);
  if (!validate(body)) {
    throw new Error(
      `${method.toUpperCase()} ${path} ${res.status} does not match the contract: ` +
        `${ajv.errorsText(validate.errors, { separator: '; ' })}\nbody: ${text.slice(0, 600)}`,
    );
  }
  return body as T;
}

/** Checks a value against one named component schema (for statuses the contract cannot declare yet). */
export function expectSchema(value: unknown, schema: keyof OpenApiDoc['components']['schemas'] & string): void {
  if (!doc.components.schemas[schema]) throw new Error(`No schema ${schema} in the contract`);
  const validate = validatorAt(pointer('components', 'schemas', schema));
  if (!validate(value)) throw new Error(`Not a ${schema}: ${ajv.errorsText(validate.errors)}`);
}
