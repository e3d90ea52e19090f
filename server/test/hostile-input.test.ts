import { Hono } from 'hono';
import { handleError } from '../src/http/errors';
import { ACME_TENANT } from '../src/seed/fixtures';
import { CLAIMS, createApiHarness, type ApiHarness } from './support/api-harness';

/**
 * Issue 11, items 8, 9 and 12: hostile input gets a 4xx (never a 500, never stored), bodies and
 * stored JSON have size limits, numbers and repeated parameters are validated, and the error log
 * cannot be forged. Every case here answered 500, 201 with U+FFFD, or 200 before.
 */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const TENANTS = '/api/v1/admin/tenants/';
const ACME = `/api/v1/admin/tenants/${ACME_TENANT.id}`;

interface Issue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

async function issues(res: Response, status = 422): Promise<Issue[]> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { detail: Issue[] };
  expect(Array.isArray(body.detail)).toBe(true);
  return body.detail;
}

const locs = (list: Issue[]) => list.map((i) => i.loc.join('.'));

async function tenantCount(): Promise<number> {
  const [row] = await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
  return row?.n ?? 0;
}

describe('NUL characters', () => {
  it('in a body string, a nested settings key or a value: 422 at its place, nothing stored', async () => {
    const before = await tenantCount();
    const res = await h.call('POST', TENANTS, {
      body: { name: 'Evil\u0000Corp', slug: 'evil-corp', settings: { 'x\u0000y': 1, note: 'ok' }, branding: { text: ['a', '\u0000'] } },
    });
    expect(locs(await issues(res))).toEqual(['body.name', 'body.settings.x\u0000y', 'body.branding.text.1']);
    expect(await tenantCount()).toBe(before);
  });

  it('in an id of an assignment body: 422, not a database error', async () => {
    const res = await h.call('POST', '/api/v1/admin/admin-roles/', { body: { user_id: 'usr_\u0000', role: 'SUPER_ADMIN' } });
    expect(locs(await issues(res))).toEqual(['body.user_id']);
  });

  it('in a filter or a path id: 422 naming the parameter or the path', async () => {
    expect(locs(await issues(await h.call('GET', `${TENANTS}?search=ac%00me`)))).toEqual(['query.search']);
    expect(locs(await issues(await h.call('GET', '/api/v1/admin/users/?tenant_id=%00')))).toEqual(['query.tenant_id']);
    expect(locs(await issues(await h.call('GET', '/api/v1/admin/tenants/tnt_%00')))).toEqual(['path']);
    expect(locs(await issues(await h.call('DELETE', '/api/v1/admin/admin-roles/%00')))).toEqual(['path']);
  });
});

describe('invalid UTF-8 and lone surrogates', () => {
  it('a body that is not UTF-8 is a JSON decode error, not a name with U+FFFD', async () => {
    const before = await tenantCount();
    const res = await h.app.request(TENANTS, {
      method: 'POST',
      headers: { Authorization: await rootAuth(), 'Content-Type': 'application/json' },
      body: new Uint8Array([...Buffer.from('{"name":"Bad '), 0xff, 0xfe, ...Buffer.from('","slug":"bad-utf8"}')]),
    });
    const [issue] = await issues(res);
    expect(issue?.type).toBe('json_invalid');
    expect(await tenantCount()).toBe(before);
  });

  it('a lone surrogate escape (\\ud800) is refused', async () => {
    const res = await h.call('PATCH', ACME, { raw: '{"name":"Acme \\ud800"}' });
    const [issue] = await issues(res);
    expect(issue?.loc).toEqual(['body', 'name']);
    expect(issue?.type).toBe('string_unicode');
    // A proper pair (an emoji) is fine.
    const emoji = await h.call('PATCH', ACME, { raw: '{"name":"Acme Corporation \\ud83d\\ude80"}' });
    expect(emoji.status).toBe(200);
    await h.call('PATCH', ACME, { body: { name: ACME_TENANT.name } });
  });

  it('a query value with an invalid percent-escape is refused', async () => {
    expect(locs(await issues(await h.call('GET', `${TENANTS}?search=%FF%FE`)))).toEqual(['query.search']);
  });
});

async function rootAuth(): Promise<string> {
  return `Bearer ${await h.token(CLAIMS.superAdmin)}`;
}

describe('deeply nested JSON', () => {
  it('settings nested 1,000 and 100,000 deep: 422, never a 500 or a stack overflow', async () => {
    for (const depth of [40, 1000, 100_000]) {
      const raw = `{"settings":{"extra":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const res = await h.call('PATCH', ACME, { raw });
      const [issue] = await issues(res);
      expect(issue?.type, `depth ${depth}`).toBe('json_invalid');
      expect(issue?.msg).toMatch(/nested deeper than 32 levels/);
    }
  });

  it('nesting within the limit is kept as it came', async () => {
    const nested = { a: { b: { c: { d: [1, [2, [3]]] } } } };
    const res = await h.call('PATCH', ACME, { body: { branding: { nested } } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { branding: unknown }).branding).toEqual({ nested });
    await h.call('PATCH', ACME, { body: { branding: {} } });
  });
});

describe('size limits', () => {
  it('a body over 1 MB is a 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ name: 'x', slug: 'big-body', branding: { blob: 'x'.repeat(1024 * 1024) } });
    const res = await h.call('POST', TENANTS, { raw: big, headers: { 'Content-Length': String(Buffer.byteLength(big)) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: 'Request body too large: at most 1 MB' });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await h.app.request(TENANTS, {
      method: 'POST',
      headers: { Authorization: await rootAuth(), 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('an anonymous 100 MB body is refused before it is read', async () => {
    const res = await h.call('POST', TENANTS, { as: null, raw: '{}', headers: { 'Content-Length': String(100 * 1024 * 1024) } });
    expect(res.status).toBe(413);
  });

  it('contact_email takes at most 254 characters', async () => {
    const at = '@acme.example';
    const ok = `${'a'.repeat(64)}.${'b'.repeat(254 - 65 - at.length)}${at}`;
    expect(ok.length).toBe(254);
    expect((await h.call('PATCH', ACME, { body: { contact_email: ok } })).status).toBe(200);
    const tooLong = `b${ok}`;
    const [issue] = await issues(await h.call('PATCH', ACME, { body: { contact_email: tooLong } }));
    expect(issue?.loc).toEqual(['body', 'contact_email']);
    expect(issue?.msg).toMatch(/too long/);
    const megabyte = await h.call('PATCH', ACME, { body: { contact_email: `${'a'.repeat(900_000)}@x.example` } });
    expect(megabyte.status).toBe(422);
    await h.call('PATCH', ACME, { body: { contact_email: null } });
  });

  it('branding and settings are capped at 32 KB each', async () => {
    const [b] = await issues(await h.call('PATCH', ACME, { body: { branding: { css: 'x'.repeat(40_000) } } }));
    expect(b?.loc).toEqual(['body', 'branding']);
    expect(b?.msg).toMatch(/at most 32 KB/);
    const [s] = await issues(await h.call('PATCH', ACME, { body: { settings: { session_timeout: 60, blob: 'y'.repeat(40_000) } } }));
    expect(s?.loc).toEqual(['body', 'settings']);
    const fits = await h.call('PATCH', ACME, { body: { branding: { css: 'x'.repeat(20_000) } } });
    expect(fits.status).toBe(200);
    await h.call('PATCH', ACME, { body: { branding: {} } });
  });
});

describe('numbers and repeated parameters', () => {
  it('page beyond any integer or beyond 1,000,000 is a 422, never "page": null', async () => {
    const [huge] = await issues(await h.call('GET', `${TENANTS}?page=1${'0'.repeat(400)}`));
    expect(huge?.loc).toEqual(['query', 'page']);
    expect(huge?.type).toBe('int_parsing_size');
    const [over] = await issues(await h.call('GET', `${TENANTS}?page=1000001`));
    expect(over?.type).toBe('less_than_equal');
    expect((await h.call('GET', `${TENANTS}?page=1000000`)).status).toBe(200);
  });

  it('a parameter given twice is a 422 rather than "the first one wins"', async () => {
    const [issue] = await issues(await h.call('GET', `${TENANTS}?per_page=10&per_page=1000`));
    expect(issue?.loc).toEqual(['query', 'per_page']);
    // Unknown parameters are still ignored, repeated or not.
    expect((await h.call('GET', `${TENANTS}?utm=a&utm=b`)).status).toBe(200);
  });
});

describe('the error log', () => {
  it('writes the request path escaped, so %0A cannot forge a log line', async () => {
    const app = new Hono();
    app.get('*', () => {
      throw new Error('boom');
    });
    app.onError(handleError);
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    try {
      const res = await app.request('/x%0A[server]%20GET%20/forged%20failed');
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    const [first] = (lines[0] ?? '').split('\n');
    expect(first).toContain('"/x\\n[server] GET /forged failed"');
  });
});
