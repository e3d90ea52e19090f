import type { ValidationIssue } from '../src/http/errors';
import { RequestValidationError } from '../src/http/errors';
import { bool, datetime, email, int, list, nullable, object, oneOf, optional, parse, required, str, withDefault } from '../src/http/validate';
import { expectContract, expectSchema } from './support/contract';

/** The validation toolkit on its own (pydantic's wording), and the contract checker's own failures. */

function issues(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (err) {
    if (err instanceof RequestValidationError) return err.issues;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('validators', () => {
  it('reads ISO 8601 datetimes and dates, with or without zone, and refuses the rest', () => {
    const at = (value: string) => parse(datetime(), value, ['x']).toISOString();
    expect(at('2030-01-31T12:00:00Z')).toBe('2030-01-31T12:00:00.000Z');
    expect(at('2030-01-31T12:00:00.123456+01:00')).toBe('2030-01-31T11:00:00.123Z');
    expect(at('2030-01-31 12:00')).toBe('2030-01-31T12:00:00.000Z');
    expect(at('2030-01-31')).toBe('2030-01-31T00:00:00.000Z');
    expect(at('2030-01-31T12:00:00-0530')).toBe('2030-01-31T17:30:00.000Z');
    for (const bad of ['2030-13-01', '2030-02-29T00:00:00Z', '2030-01-31T24:00:00Z', '31/01/2030', 'tomorrow', '2030-01-31T12:00:00+25:00', '']) {
      expect(issues(() => parse(datetime(), bad, ['x']))[0], bad).toMatchObject({ type: 'datetime_from_date_parsing', loc: ['x'] });
    }
    expect(at('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('coerces integers and booleans the lax pydantic way', () => {
    expect(parse(int(), ' 42 ', [])).toBe(42);
    expect(parse(int(), 42.0, [])).toBe(42);
    expect(issues(() => parse(int(), 4.2, []))[0]?.type).toBe('int_from_float');
    expect(issues(() => parse(int(), '4.2', []))[0]?.type).toBe('int_parsing');
    expect(issues(() => parse(int(), true, []))[0]?.type).toBe('int_type');
    expect(issues(() => parse(int(), null, []))[0]).toMatchObject({ type: 'int_type', msg: 'Input should be a valid integer' });
    for (const [input, value] of [['YES', true], ['off', false], [1, true], [0, false], ['t', true], ['N', false]] as const) {
      expect(parse(bool(), input, [])).toBe(value);
    }
    expect(issues(() => parse(bool(), 2, []))[0]?.type).toBe('bool_parsing');
    expect(issues(() => parse(bool(), [], []))[0]?.type).toBe('bool_type');
  });

  it('checks emails, strings, enums and lists with their pydantic messages', () => {
    expect(parse(email(), 'ops@sub.example.co.uk', [])).toBe('ops@sub.example.co.uk');
    expect(issues(() => parse(email(), 'a@b@c.example', []))[0]?.msg).toBe(
      'value is not a valid email address: The email address is not valid. It must have exactly one @-sign.',
    );
    expect(issues(() => parse(email(), 'ops@localhost', []))[0]?.msg).toBe('value is not a valid email address: The part after the @-sign is not valid.');
    expect(issues(() => parse(str({ min: 3 }), 'ab', []))[0]?.msg).toBe('String should have at least 3 characters');
    expect(issues(() => parse(str({ max: 1 }), 'ab', []))[0]?.msg).toBe('String should have at most 1 character');
    expect(issues(() => parse(oneOf(['A', 'B']), 'C', []))[0]).toMatchObject({ type: 'enum', msg: "Input should be 'A' or 'B'", ctx: { expected: "'A' or 'B'" } });
    expect(issues(() => parse(list(int()), [1, 'x', 3, 'y'], ['l'])).map((i) => i.loc)).toEqual([
      ['l', 1],
      ['l', 3],
    ]);
  });

  it('objects: missing, extra, defaults, optional and nested locs', () => {
    const shape = object(
      {
        a: required(str()),
        b: optional(nullable(int())),
        c: withDefault(bool(), () => true),
        nested: optional(object({ deep: required(int({ le: 5 })) }, { extra: 'allow', model: 'Nested' })),
      },
      { extra: 'forbid' },
    );
    expect(parse(shape, { a: 'x' }, ['body'])).toEqual({ a: 'x', c: true });
    expect(parse(shape, { a: 'x', b: null, nested: { deep: 1, kept: 'yes' } }, ['body'])).toEqual({ a: 'x', b: null, c: true, nested: { deep: 1, kept: 'yes' } });
    expect(issues(() => parse(shape, { nested: { deep: 9 }, zz: 1 }, ['body'])).map((i) => [i.loc, i.type])).toEqual([
      [['body', 'a'], 'missing'],
      [['body', 'nested', 'deep'], 'less_than_equal'],
      [['body', 'zz'], 'extra_forbidden'],
    ]);
    // A "__proto__" key from JSON is an ordinary (extra) field, never a prototype.
    const polluted = JSON.parse('{"a":"x","nested":{"deep":1,"__proto__":{"admin":true}}}') as unknown;
    const out = parse(shape, polluted, ['body']) as { nested: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.nested)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('the contract checker', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('fails on a status the operation does not declare', async () => {
    await expect(expectContract(json(409, { detail: 'x' }), 'get', '/api/v1/admin/admin-roles/{role_id}')).rejects.toThrow(/does not declare/);
    await expect(expectContract(json(200, {}), 'get', '/api/v1/admin/nowhere')).rejects.toThrow(/has no GET/);
  });

  it('fails on a body that does not match, and on a body where none is declared', async () => {
    await expect(expectContract(json(404, { detail: ['x'] }), 'get', '/api/v1/admin/tenants/{tenant_id}')).rejects.toThrow(/does not match/);
    await expect(expectContract(json(200, { items: [], total: 0, page: 1, per_page: 500, pages: 0 }), 'get', '/api/v1/admin/tenants/')).rejects.toThrow(
      /per_page/,
    );
    // fetch's Response cannot even carry a body with 204, so a stand-in object plays one.
    const noContentWithBody = { status: 204, headers: new Headers(), text: async () => '{}' } as unknown as Response;
    await expect(expectContract(noContentWithBody, 'delete', '/api/v1/admin/tenants/{tenant_id}')).rejects.toThrow(/no body/);
    await expect(
      expectContract(new Response('{"detail":"x"}', { status: 404, headers: { 'content-type': 'text/plain' } }), 'get', '/api/v1/admin/tenants/{tenant_id}'),
    ).rejects.toThrow(/application\/json/);
    expect(() => expectSchema({ id: 'usr_x' }, 'CurrentAdmin')).toThrow(/Not a CurrentAdmin/);
  });

  it('resolves $refs into components (a tenant with a bad setting fails)', async () => {
    const tenant = {
      id: 'tnt_x', name: 'x', slug: 'xxx', status: 'ACTIVE', contact_email: null, partner_id: null, branding: {},
      settings: { session_timeout: 1 }, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    };
    await expect(expectContract(json(200, tenant), 'get', '/api/v1/admin/tenants/{tenant_id}')).rejects.toThrow(/session_timeout|minimum|>= 5/);
    await expect(expectContract(json(200, { ...tenant, settings: {} }), 'get', '/api/v1/admin/tenants/{tenant_id}')).resolves.toMatchObject({ id: 'tnt_x' });
  });
});
