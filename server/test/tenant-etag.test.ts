import { ACME_TENANT } from '../src/seed/fixtures';
import { createApiHarness, type ApiHarness } from './support/api-harness';

/**
 * Issue 11, item 7 (the ETag extension of shared/scaikey-api.md): a tenant carries an ETag on
 * GET, POST and PATCH answers; a PATCH whose If-Match no longer matches is a 412 and changes
 * nothing; without If-Match a PATCH behaves as before.
 */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const ACME = `/api/v1/admin/tenants/${ACME_TENANT.id}`;

async function load(): Promise<{ etag: string; body: { name: string; updated_at: string } }> {
  const res = await h.call('GET', ACME);
  expect(res.status).toBe(200);
  const etag = res.headers.get('etag');
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{10,}"$/);
  return { etag: etag as string, body: (await res.json()) as { name: string; updated_at: string } };
}

describe('tenant ETags', () => {
  it('are stable while nothing changes and differ after any change', async () => {
    const a = await load();
    expect((await load()).etag).toBe(a.etag);
    const patched = await h.call('PATCH', ACME, { body: { name: 'Acme Corp (renamed)' } });
    expect(patched.status).toBe(200);
    const after = patched.headers.get('etag');
    expect(after).not.toBe(a.etag);
    expect((await load()).etag).toBe(after);
    await h.call('PATCH', ACME, { body: { name: ACME_TENANT.name } });
  });

  it('a PATCH with the current ETag in If-Match saves and answers the new ETag', async () => {
    const { etag } = await load();
    const res = await h.call('PATCH', ACME, { body: { settings: { session_timeout: 120 } }, headers: { 'If-Match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect(((await res.json()) as { settings: { session_timeout: number } }).settings.session_timeout).toBe(120);
  });

  it('a PATCH whose If-Match is stale is a 412 and changes nothing', async () => {
    const first = await load();
    // Someone else saves in between.
    expect((await h.call('PATCH', ACME, { body: { contact_email: 'someone@acme.example' } })).status).toBe(200);
    const current = await load();
    const res = await h.call('PATCH', ACME, { body: { name: 'My stale edit' }, headers: { 'If-Match': first.etag } });
    expect(res.status).toBe(412);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/has changed since you loaded it/);
    const now = await load();
    expect(now.etag).toBe(current.etag);
    expect(now.body.name).toBe(ACME_TENANT.name);
    await h.call('PATCH', ACME, { body: { contact_email: null } });
  });

  it('accepts * and a list containing the current tag; refuses a weak tag', async () => {
    const { etag } = await load();
    expect((await h.call('PATCH', ACME, { body: {}, headers: { 'If-Match': '*' } })).status).toBe(200);
    const { etag: now } = await load();
    expect((await h.call('PATCH', ACME, { body: {}, headers: { 'If-Match': `"nope", ${now}` } })).status).toBe(200);
    const { etag: latest } = await load();
    expect((await h.call('PATCH', ACME, { body: {}, headers: { 'If-Match': `W/${latest}` } })).status).toBe(412);
    void etag;
  });

  it('a PATCH without If-Match still saves as before', async () => {
    await load();
    await h.call('PATCH', ACME, { body: { name: 'Someone else' } });
    const res = await h.call('PATCH', ACME, { body: { name: ACME_TENANT.name } });
    expect(res.status).toBe(200);
  });

  it('a new tenant comes with its ETag, which a first edit can use', async () => {
    const created = await h.call('POST', '/api/v1/admin/tenants/', { body: { name: 'Etag Co', slug: 'etag-co' } });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag') as string;
    const { id } = (await created.json()) as { id: string };
    expect((await h.call('PATCH', `/api/v1/admin/tenants/${id}`, { body: { name: 'Etag Co 2' }, headers: { 'If-Match': etag } })).status).toBe(200);
  });

  it('the console can read the ETag and send If-Match across origins', async () => {
    const origin = 'http://localhost:5173';
    const res = await h.call('GET', ACME, { headers: { Origin: origin } });
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    const preflight = await h.call('OPTIONS', ACME, {
      as: null,
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type,if-match' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
  });
});
