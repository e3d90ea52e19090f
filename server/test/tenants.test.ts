import { Params } from '../src/routes/shared/sql';
import { tenantListConditions } from '../src/routes/tenants/tenant-store';
import { USER_LIST_ORDER, USER_SEARCH_EXPRESSION } from '../src/routes/users/user-store';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT } from '../src/seed/fixtures';
import { createApiHarness, TEST_NOW, type ApiHarness, type Who } from './support/api-harness';
import type { HTTPError, HTTPValidationError, Tenant, TenantList } from './support/api-types';
import { expectContract } from './support/contract';

/** /tenants: reads within scope, Super Admin writes, settings rules, soft delete. */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());
afterEach(() => h.clock.reset());

const LIST = '/api/v1/admin/tenants/';
const ONE = '/api/v1/admin/tenants/{tenant_id}';
const one = (id: string) => `/api/v1/admin/tenants/${id}`;
const NOW_ISO = TEST_NOW.toISOString();

const DEFAULT_SETTINGS = {
  mfa_required: false,
  mfa_methods: ['totp'],
  password_policy: {
    min_length: 8,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: true,
    max_age_days: null,
    history_count: 0,
  },
  session_timeout: 480,
};

let counter = 0;
const uniqueSlug = (stem = 'test') => `${stem}-${++counter}-${Date.now().toString(36)}`;

async function createTenant(body: Record<string, unknown> = {}): Promise<Tenant> {
  const res = await h.call('POST', LIST, { body: { name: `Test Tenant ${counter}`, slug: uniqueSlug(), ...body } });
  expect(res.status).toBe(201);
  return expectContract<Tenant>(res, 'post', LIST);
}

async function list(query = '', as?: Who) {
  const res = await h.call('GET', `${LIST}${query}`, { as });
  expect(res.status).toBe(200);
  return expectContract<TenantList>(res, 'get', LIST);
}

async function expect422(res: Response, method: 'get' | 'post' | 'patch', path: string) {
  expect(res.status).toBe(422);
  return (await expectContract<HTTPValidationError>(res, method, path)).detail ?? [];
}

async function otherPartnersTenant(): Promise<string> {
  const [row] = await h.ctx.db.query<{ id: string }>(
    'SELECT id FROM tenants WHERE deleted_at IS NULL AND partner_id IS NOT NULL AND partner_id <> $1 ORDER BY id LIMIT 1',
    [FIRST_PARTNER_ID],
  );
  return row!.id;
}

describe('who may read and write', () => {
  it('401 without a token on every method', async () => {
    for (const [method, path, template] of [
      ['GET', LIST, LIST],
      ['POST', LIST, LIST],
      ['GET', one(ACME_TENANT.id), ONE],
      ['PATCH', one(ACME_TENANT.id), ONE],
      ['DELETE', one(ACME_TENANT.id), ONE],
    ] as const) {
      const res = await h.call(method, path, { as: null, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(res.status).toBe(401);
      await expectContract(res, method.toLowerCase() as 'get', template);
    }
  });

  it('403 on writes for partner and tenant admins', async () => {
    for (const who of ['partnerAdmin', 'tenantAdmin'] as const) {
      for (const [method, path, template] of [
        ['POST', LIST, LIST],
        ['PATCH', one(ACME_TENANT.id), ONE],
        ['DELETE', one(ACME_TENANT.id), ONE],
      ] as const) {
        const res = await h.call(method, path, { as: who, body: method === 'DELETE' ? undefined : { name: 'x' } });
        expect(res.status).toBe(403);
        expect(await expectContract<HTTPError>(res, method.toLowerCase() as 'post', template)).toEqual({
          detail: 'Only Super Admins can manage tenants',
        });
      }
    }
  });

  it('403 on reads for a token without an admin role', async () => {
    for (const [path, template] of [
      [LIST, LIST],
      [one(ACME_TENANT.id), ONE],
    ] as const) {
      const res = await h.call('GET', path, { as: 'expiredAdmin' });
      expect(res.status).toBe(403);
      expect(await expectContract<HTTPError>(res, 'get', template)).toEqual({ detail: 'Only admins can view tenants' });
    }
  });

  it("lets a partner admin read only their partner's tenants", async () => {
    const page = await list('?per_page=100', 'partnerAdmin');
    expect(page.total).toBeGreaterThan(100);
    expect(page.items.every((t) => t.partner_id === FIRST_PARTNER_ID)).toBe(true);
    const all = await list('', 'superAdmin');
    expect(page.total).toBeLessThan(all.total);
    // Asking for another partner's tenants gives nothing rather than leaking them.
    const [other] = await h.ctx.db.query<{ partner_id: string }>('SELECT partner_id FROM tenants WHERE partner_id <> $1 LIMIT 1', [FIRST_PARTNER_ID]);
    expect((await list(`?partner_id=${other!.partner_id}`, 'partnerAdmin')).total).toBe(0);
    expect((await h.call('GET', one(ACME_TENANT.id), { as: 'partnerAdmin' })).status).toBe(200);
    const outside = await h.call('GET', one(await otherPartnersTenant()), { as: 'partnerAdmin' });
    expect(outside.status).toBe(404);
    expect(await expectContract<HTTPError>(outside, 'get', ONE)).toEqual({ detail: 'Tenant not found' });
    expect((await h.call('GET', one(PLATFORM_TENANT.id), { as: 'partnerAdmin' })).status).toBe(404);
  });

  it('lets a tenant admin read only their own tenant', async () => {
    const page = await list('', 'tenantAdmin');
    expect(page.total).toBe(1);
    expect(page.items.map((t) => t.id)).toEqual([ACME_TENANT.id]);
    const acme = await expectContract<Tenant>(await h.call('GET', one(ACME_TENANT.id), { as: 'tenantAdmin' }), 'get', ONE);
    expect(acme.slug).toBe('acme');
    expect((await h.call('GET', one(PLATFORM_TENANT.id), { as: 'tenantAdmin' })).status).toBe(404);
    expect((await list('?search=northwind', 'tenantAdmin')).total).toBe(0);
  });

  it('refuses a token whose user does not exist, whatever role it claims', async () => {
    const token = await h.token({ sub: 'usr_x', scope: 'openid', tenant_id: null, role: 'partner_admin' });
    const res = await h.call('GET', LIST, { token });
    expect(res.status).toBe(401);
  });
});

describe('GET /tenants/', () => {
  it('orders by name (case-insensitive), then id, in the list envelope', async () => {
    const page = await list('?per_page=100&page=2');
    expect(page).toMatchObject({ page: 2, per_page: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.pages).toBe(Math.ceil(page.total / 100));
    const names = page.items.map((t) => t.name.toLowerCase());
    for (let i = 1; i < names.length; i++) expect(names[i - 1]! <= names[i]! || names[i - 1]!.localeCompare(names[i]!) <= 0).toBe(true);
    const first = await list('?per_page=1');
    expect(first.items).toHaveLength(1);
    expect(first.per_page).toBe(1);
  });

  it('leaves soft-deleted tenants out of totals and searches', async () => {
    const [{ live }] = (await h.ctx.db.query<{ live: number }>('SELECT count(*) AS live FROM tenants WHERE deleted_at IS NULL')) as [{ live: number }];
    expect((await list()).total).toBe(Number(live));
    const [deleted] = await h.ctx.db.query<{ slug: string }>('SELECT slug FROM tenants WHERE deleted_at IS NOT NULL LIMIT 1');
    expect((await list(`?search=${deleted!.slug}`)).items.map((t) => t.slug)).not.toContain(deleted!.slug);
  });

  it('searches name, slug and contact email as a case-insensitive substring', async () => {
    const byName = await list('?search=ACME%20corp');
    expect(byName.items.map((t) => t.id)).toContain(ACME_TENANT.id);
    const bySlug = await list('?search=scaikey-plat');
    expect(bySlug.items.map((t) => t.id)).toEqual([PLATFORM_TENANT.id]);
    const byEmail = await list('?search=IT@acme.EXAMPLE');
    expect(byEmail.items.map((t) => t.id)).toContain(ACME_TENANT.id);
    const logistics = await list('?search=logistics&per_page=100');
    expect(logistics.total).toBeGreaterThan(0);
    expect(logistics.items.every((t) => `${t.name} ${t.slug} ${t.contact_email ?? ''}`.toLowerCase().includes('logistics'))).toBe(true);
  });

  it('takes %, _ and \\ in a search literally', async () => {
    expect((await list('?search=%25')).total).toBe(0);
    expect((await list('?search=_')).total).toBe(0);
    expect((await list('?search=%5C')).total).toBe(0);
    const odd = await createTenant({ name: '100% Pure_Data \\ Labs' });
    expect((await list('?search=100%25%20pure_d')).items.map((t) => t.id)).toEqual([odd.id]);
  });

  it('filters by status and partner_id', async () => {
    const suspended = await list('?status=SUSPENDED&per_page=100');
    expect(suspended.total).toBeGreaterThan(50);
    expect(suspended.items.every((t) => t.status === 'SUSPENDED')).toBe(true);
    const partner = await list(`?partner_id=${FIRST_PARTNER_ID}&status=ACTIVE&per_page=100`);
    expect(partner.items.every((t) => t.partner_id === FIRST_PARTNER_ID && t.status === 'ACTIVE')).toBe(true);
    expect((await list('?partner_id=prt_nobody')).total).toBe(0);
  });

  it('422 for bad query parameters', async () => {
    const detail = await expect422(await h.call('GET', `${LIST}?status=DELETED&per_page=101&page=x`), 'get', LIST);
    expect(detail.map((d) => [d.loc, d.type])).toEqual([
      [['query', 'page'], 'int_parsing'],
      [['query', 'per_page'], 'less_than_equal'],
      [['query', 'status'], 'enum'],
    ]);
    expect(detail[2]!.msg).toBe("Input should be 'ACTIVE' or 'SUSPENDED'");
  });

  it('searches through the trigram indexes (the filter matches the indexed expression)', async () => {
    const params = new Params();
    const where = tenantListConditions({ search: 'logis' }, { kind: 'all' }, params);
    await h.ctx.db.exec('SET enable_seqscan = off');
    try {
      const plan = await h.ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM tenants WHERE ${where.join(' AND ')}`, params.values);
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/tenants_search_trgm/);
      const users = await h.ctx.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM users WHERE deleted_at IS NULL AND ${USER_SEARCH_EXPRESSION} LIKE lower($1)`,
        ['%lima%'],
      );
      expect(users.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/users_search_trgm/);
      const ordered = await h.ctx.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM users WHERE deleted_at IS NULL ORDER BY ${USER_LIST_ORDER} LIMIT 20`,
      );
      expect(ordered.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/users_name_order/);
    } finally {
      await h.ctx.db.exec('RESET enable_seqscan');
    }
  });
});

describe('GET /tenants/?ids= (the look-up by several ids)', () => {
  const ids = (page: TenantList) => page.items.map((t) => t.id).sort();

  it('answers just the tenants asked for; unknown, deleted and empty items are absent, duplicates fine', async () => {
    const gone = await createTenant();
    expect((await h.call('DELETE', one(gone.id))).status).toBe(204);
    const page = await list(`?ids=${ACME_TENANT.id},,${PLATFORM_TENANT.id},tnt_nothing,${gone.id},${ACME_TENANT.id}`);
    expect(ids(page)).toEqual([ACME_TENANT.id, PLATFORM_TENANT.id].sort());
    expect(page).toMatchObject({ total: 2, page: 1, per_page: 20, pages: 1 });
  });

  it('combines with the other filters and keeps the scope: other admins never see tenants outside it', async () => {
    const outside = await otherPartnersTenant();
    const asked = `?ids=${ACME_TENANT.id},${PLATFORM_TENANT.id},${outside}`;
    expect(ids(await list(`${asked}&partner_id=${FIRST_PARTNER_ID}`))).toEqual([ACME_TENANT.id]);
    expect(ids(await list(`${asked}&search=acme`))).toEqual([ACME_TENANT.id]);
    expect(ids(await list(asked, 'partnerAdmin'))).toEqual([ACME_TENANT.id]);
    expect(ids(await list(asked, 'tenantAdmin'))).toEqual([ACME_TENANT.id]);
    expect(ids(await list(`?ids=${outside}`, 'tenantAdmin'))).toEqual([]);
  });

  it('422 at ["query","ids"] for more than 100 ids', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `tnt_${i}`).join(',');
    const detail = await expect422(await h.call('GET', `${LIST}?ids=${many}`), 'get', LIST);
    expect(detail.map((d) => [d.loc, d.type])).toEqual([[['query', 'ids'], 'too_long']]);
  });

  it('finds the ids through the primary key', async () => {
    const params = new Params();
    const where = tenantListConditions({ ids: [ACME_TENANT.id, PLATFORM_TENANT.id] }, { kind: 'all' }, params);
    const plan = await h.ctx.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM tenants WHERE ${where.join(' AND ')} ORDER BY lower(name), id LIMIT 100`,
      params.values,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/tenants_pkey/);
  });
});

describe('POST /tenants/', () => {
  it('creates a tenant with defaults filled in', async () => {
    const slug = uniqueSlug('minimal');
    const res = await h.call('POST', LIST, { body: { name: 'Minimal Tenant', slug } });
    expect(res.status).toBe(201);
    expect(await expectContract<Tenant>(res, 'post', LIST)).toEqual({
      id: expect.stringMatching(/^tnt_/),
      name: 'Minimal Tenant',
      slug,
      status: 'ACTIVE',
      contact_email: null,
      partner_id: null,
      settings: DEFAULT_SETTINGS,
      branding: {},
      created_at: NOW_ISO,
      updated_at: NOW_ISO,
    });
  });

  it('keeps every field sent, unknown settings keys included', async () => {
    const body = {
      name: 'Großhandel Müller & Söhne GmbH',
      slug: uniqueSlug('mueller'),
      status: 'SUSPENDED',
      contact_email: 'it@mueller.example',
      partner_id: FIRST_PARTNER_ID,
      settings: {
        mfa_required: true,
        mfa_methods: ['webauthn', 'totp'],
        password_policy: { min_length: 16, require_special: false, max_age_days: 90, history_count: 24, breached_password_check: true },
        session_timeout: 43200,
        ip_allowlist: ['10.0.0.0/8'],
        legacy_sso: { provider: 'okta' },
      },
      branding: { primary_color: '#1E40AF', logo_url: 'https://cdn.example/logo.svg' },
    };
    const created = await createTenant(body);
    expect(created).toMatchObject({ ...body, settings: { ...body.settings, password_policy: { ...DEFAULT_SETTINGS.password_policy, ...body.settings.password_policy } } });
    const fetched = await expectContract<Tenant>(await h.call('GET', one(created.id)), 'get', ONE);
    expect(fetched).toEqual(created);
  });

  it('422 for missing, empty, too long and mistyped fields', async () => {
    expect(await expect422(await h.call('POST', LIST, { body: {} }), 'post', LIST)).toEqual([
      expect.objectContaining({ loc: ['body', 'name'], type: 'missing', msg: 'Field required' }),
      expect.objectContaining({ loc: ['body', 'slug'], type: 'missing', msg: 'Field required' }),
    ]);
    const detail = await expect422(
      await h.call('POST', LIST, {
        body: { name: '', slug: 'ab', status: 'DELETED', contact_email: 'not-an-email', partner_id: 7, branding: 'blue', plan: 'gold' },
      }),
      'post',
      LIST,
    );
    expect(detail.map((d) => [d.loc, d.type, d.msg])).toEqual([
      [['body', 'name'], 'string_too_short', 'String should have at least 1 character'],
      [['body', 'slug'], 'string_pattern_mismatch', "String should match pattern '^[a-z0-9-]{3,63}$'"],
      [['body', 'status'], 'enum', "Input should be 'ACTIVE' or 'SUSPENDED'"],
      [['body', 'contact_email'], 'value_error', 'value is not a valid email address: An email address must have an @-sign.'],
      [['body', 'partner_id'], 'string_type', 'Input should be a valid string'],
      [['body', 'branding'], 'dict_type', 'Input should be a valid dictionary'],
      [['body', 'plan'], 'extra_forbidden', 'Extra inputs are not permitted'],
    ]);
    const long = await expect422(await h.call('POST', LIST, { body: { name: 'x'.repeat(201), slug: 'a'.repeat(64) } }), 'post', LIST);
    expect(long.map((d) => [d.loc, d.type, d.msg])).toEqual([
      [['body', 'name'], 'string_too_long', 'String should have at most 200 characters'],
      [['body', 'slug'], 'string_pattern_mismatch', "String should match pattern '^[a-z0-9-]{3,63}$'"],
    ]);
    for (const slug of ['Acme', 'acme corp', 'acme_corp', 'ümlaut']) {
      expect((await expect422(await h.call('POST', LIST, { body: { name: 'x', slug } }), 'post', LIST))[0]).toMatchObject({ loc: ['body', 'slug'] });
    }
    await createTenant({ name: 'x'.repeat(200), slug: `a${'-'.repeat(61)}z` });
  });

  it('422 at the settings field that breaks a rule', async () => {
    const post = (settings: unknown) => h.call('POST', LIST, { body: { name: 'Rules', slug: uniqueSlug(), settings } });
    const cases: [unknown, (string | number)[], string, string?][] = [
      [{ password_policy: { min_length: 7 } }, ['password_policy', 'min_length'], 'greater_than_equal', 'Input should be greater than or equal to 8'],
      [{ password_policy: { min_length: 129 } }, ['password_policy', 'min_length'], 'less_than_equal', 'Input should be less than or equal to 128'],
      [{ password_policy: { min_length: 12.5 } }, ['password_policy', 'min_length'], 'int_from_float'],
      [{ password_policy: { max_age_days: 0 } }, ['password_policy', 'max_age_days'], 'greater_than_equal'],
      [{ password_policy: { max_age_days: 3651 } }, ['password_policy', 'max_age_days'], 'less_than_equal'],
      [{ password_policy: { history_count: 25 } }, ['password_policy', 'history_count'], 'less_than_equal'],
      [{ password_policy: { history_count: -1 } }, ['password_policy', 'history_count'], 'greater_than_equal'],
      [{ password_policy: { require_digit: 'sometimes' } }, ['password_policy', 'require_digit'], 'bool_parsing'],
      [{ password_policy: 'strong' }, ['password_policy'], 'model_type', 'Input should be a valid dictionary or instance of PasswordPolicy'],
      [{ session_timeout: 4 }, ['session_timeout'], 'greater_than_equal', 'Input should be greater than or equal to 5'],
      [{ session_timeout: 43201 }, ['session_timeout'], 'less_than_equal', 'Input should be less than or equal to 43200'],
      [{ session_timeout: 'long' }, ['session_timeout'], 'int_parsing'],
      [{ mfa_required: 'maybe' }, ['mfa_required'], 'bool_parsing'],
      [{ mfa_methods: 'totp' }, ['mfa_methods'], 'list_type', 'Input should be a valid list'],
      [{ mfa_methods: ['totp', 'fax'] }, ['mfa_methods', 1], 'enum', "Input should be 'totp', 'sms', 'email' or 'webauthn'"],
      [{ mfa_methods: ['totp', 'totp'] }, ['mfa_methods'], 'value_error'],
      [{ mfa_required: true, mfa_methods: [] }, ['mfa_methods'], 'value_error', 'Value error, at least one MFA method is required when MFA is required'],
      ['strict', [], 'model_type', 'Input should be a valid dictionary or instance of TenantSettings'],
    ];
    for (const [settings, loc, type, msg] of cases) {
      const detail = await expect422(await post(settings), 'post', LIST);
      expect(detail, JSON.stringify(settings)).toEqual([expect.objectContaining({ loc: ['body', 'settings', ...loc], type, ...(msg ? { msg } : {}) })]);
    }
    // Several problems come back together.
    const many = await expect422(await post({ session_timeout: 1, password_policy: { min_length: 1, history_count: 99 } }), 'post', LIST);
    expect(many.map((d) => d.loc.join('.'))).toEqual([
      'body.settings.password_policy.min_length',
      'body.settings.password_policy.history_count',
      'body.settings.session_timeout',
    ]);
  });

  it('accepts the edges of every range and coerces as pydantic does', async () => {
    const t = await createTenant({
      settings: {
        mfa_required: 'true',
        mfa_methods: ['email'],
        password_policy: { min_length: '128', max_age_days: 3650, history_count: 0 },
        session_timeout: 5.0,
      },
    });
    expect(t.settings).toMatchObject({ mfa_required: true, session_timeout: 5, password_policy: { min_length: 128, max_age_days: 3650 } });
    const mfaOffNoMethods = await createTenant({ settings: { mfa_required: false, mfa_methods: [] } });
    expect(mfaOffNoMethods.settings.mfa_methods).toEqual([]);
  });

  it('422 at partner_id for an unknown partner', async () => {
    const detail = await expect422(await h.call('POST', LIST, { body: { name: 'x', slug: uniqueSlug(), partner_id: 'prt_nobody' } }), 'post', LIST);
    expect(detail).toEqual([expect.objectContaining({ loc: ['body', 'partner_id'], type: 'value_error', msg: "Value error, Partner 'prt_nobody' not found" })]);
  });

  it("409 for a live tenant's slug; a deleted tenant's slug is free", async () => {
    const res = await h.call('POST', LIST, { body: { name: 'Another Acme', slug: 'acme' } });
    expect(res.status).toBe(409);
    expect(await expectContract<HTTPError>(res, 'post', LIST)).toEqual({ detail: "A tenant with slug 'acme' already exists" });
    const [deleted] = await h.ctx.db.query<{ slug: string }>('SELECT slug FROM tenants WHERE deleted_at IS NOT NULL LIMIT 1');
    const reused = await createTenant({ slug: deleted!.slug });
    expect(reused.slug).toBe(deleted!.slug);
  });
});

describe('GET /tenants/{tenant_id}', () => {
  it('returns one tenant with its settings and branding', async () => {
    const acme = await expectContract<Tenant>(await h.call('GET', one(ACME_TENANT.id)), 'get', ONE);
    expect(acme).toMatchObject({ name: 'Acme Corporation', slug: 'acme', partner_id: FIRST_PARTNER_ID, status: 'ACTIVE' });
    expect(acme.settings).toMatchObject({ mfa_required: true, ip_allowlist: ['10.0.0.0/8', '192.168.10.0/24'] });
  });

  it('404 for unknown, wrongly prefixed and soft-deleted ids', async () => {
    const [deleted] = await h.ctx.db.query<{ id: string }>('SELECT id FROM tenants WHERE deleted_at IS NOT NULL LIMIT 1');
    for (const id of ['tnt_nothing', 'prt_nothing', deleted!.id]) {
      const res = await h.call('GET', one(id));
      expect(res.status).toBe(404);
      expect(await expectContract<HTTPError>(res, 'get', ONE)).toEqual({ detail: 'Tenant not found' });
    }
  });
});

describe('PATCH /tenants/{tenant_id}', () => {
  it('changes only the fields sent and bumps updated_at', async () => {
    const t = await createTenant({ contact_email: 'ops@before.example', branding: { primary_color: '#000000' } });
    h.clock.advance(5000);
    const res = await h.call('PATCH', one(t.id), { body: { name: 'Renamed', status: 'SUSPENDED', contact_email: null } });
    const updated = await expectContract<Tenant>(res, 'patch', ONE);
    expect(updated).toEqual({
      ...t,
      name: 'Renamed',
      status: 'SUSPENDED',
      contact_email: null,
      updated_at: new Date(TEST_NOW.getTime() + 5000).toISOString(),
    });
    const branded = await expectContract<Tenant>(
      await h.call('PATCH', one(t.id), { body: { branding: { logo_url: 'https://x.example/l.png' } } }),
      'patch',
      ONE,
    );
    expect(branded.branding).toEqual({ logo_url: 'https://x.example/l.png' });
  });

  it('replaces settings whole: keys not sent are gone (known ones back to defaults), keys sent back survive', async () => {
    const t = await createTenant({
      settings: { mfa_required: true, mfa_methods: ['sms'], session_timeout: 60, ip_allowlist: ['10.0.0.0/8'], legacy_sso: { provider: 'okta' } },
    });
    const partial = await expectContract<Tenant>(await h.call('PATCH', one(t.id), { body: { settings: { session_timeout: 90 } } }), 'patch', ONE);
    expect(partial.settings).toEqual({ ...DEFAULT_SETTINGS, session_timeout: 90 });
    // The console's way: send everything it loaded, edited, and unknown keys come through untouched.
    const full = { ...t.settings, session_timeout: 120 };
    const merged = await expectContract<Tenant>(await h.call('PATCH', one(t.id), { body: { settings: full } }), 'patch', ONE);
    expect(merged.settings).toEqual(full);
    expect(merged.settings).toMatchObject({ ip_allowlist: ['10.0.0.0/8'], legacy_sso: { provider: 'okta' } });
  });

  it('moves a tenant to another partner, or to none', async () => {
    const t = await createTenant({ partner_id: FIRST_PARTNER_ID });
    const [other] = await h.ctx.db.query<{ id: string }>('SELECT id FROM partners WHERE id <> $1 ORDER BY id LIMIT 1', [FIRST_PARTNER_ID]);
    const moved = await expectContract<Tenant>(await h.call('PATCH', one(t.id), { body: { partner_id: other!.id } }), 'patch', ONE);
    expect(moved.partner_id).toBe(other!.id);
    const detached = await expectContract<Tenant>(await h.call('PATCH', one(t.id), { body: { partner_id: null } }), 'patch', ONE);
    expect(detached.partner_id).toBeNull();
    const detail = await expect422(await h.call('PATCH', one(t.id), { body: { partner_id: 'prt_gone' } }), 'patch', ONE);
    expect(detail).toEqual([expect.objectContaining({ loc: ['body', 'partner_id'], type: 'value_error' })]);
  });

  it("409 for another tenant's slug; its own slug is fine", async () => {
    const t = await createTenant();
    const clash = await h.call('PATCH', one(t.id), { body: { slug: 'acme' } });
    expect(clash.status).toBe(409);
    expect(await expectContract<HTTPError>(clash, 'patch', ONE)).toEqual({ detail: "A tenant with slug 'acme' already exists" });
    const same = await h.call('PATCH', one(t.id), { body: { slug: t.slug } });
    expect(same.status).toBe(200);
    await expectContract(same, 'patch', ONE);
  });

  it('422 for invalid values, nulls where not allowed and unknown fields', async () => {
    const detail = await expect422(
      await h.call('PATCH', one(ACME_TENANT.id), { body: { name: null, slug: 'UPPER', settings: null, id: 'tnt_x', created_at: NOW_ISO } }),
      'patch',
      ONE,
    );
    expect(detail.map((d) => [d.loc, d.type])).toEqual([
      [['body', 'name'], 'string_type'],
      [['body', 'slug'], 'string_pattern_mismatch'],
      [['body', 'settings'], 'model_type'],
      [['body', 'id'], 'extra_forbidden'],
      [['body', 'created_at'], 'extra_forbidden'],
    ]);
    const mfa = await expect422(await h.call('PATCH', one(ACME_TENANT.id), { body: { settings: { mfa_required: true, mfa_methods: [] } } }), 'patch', ONE);
    expect(mfa).toEqual([expect.objectContaining({ loc: ['body', 'settings', 'mfa_methods'], type: 'value_error' })]);
    expect(await expect422(await h.call('PATCH', one(ACME_TENANT.id), { raw: '{"name": "x",}' }), 'patch', ONE)).toEqual([
      expect.objectContaining({ loc: ['body', 13], type: 'json_invalid' }), // Python: char 13
    ]);
  });

  it('404 for an unknown or deleted tenant', async () => {
    const t = await createTenant();
    await h.call('DELETE', one(t.id));
    for (const id of [t.id, 'tnt_nothing']) {
      const res = await h.call('PATCH', one(id), { body: { name: 'Ghost' } });
      expect(res.status).toBe(404);
      expect(await expectContract<HTTPError>(res, 'patch', ONE)).toEqual({ detail: 'Tenant not found' });
    }
  });
});

describe('DELETE /tenants/{tenant_id}', () => {
  it('soft-deletes: 204 without a body, then 404 and gone from lists', async () => {
    const t = await createTenant({ name: 'Zzyzx Doomed Tenant' });
    expect((await list('?search=zzyzx')).total).toBe(1);
    const res = await h.call('DELETE', one(t.id));
    expect(res.status).toBe(204);
    await expectContract(res, 'delete', ONE);
    expect((await h.call('GET', one(t.id))).status).toBe(404);
    expect((await list('?search=zzyzx')).total).toBe(0);
    const again = await h.call('DELETE', one(t.id));
    expect(again.status).toBe(404);
    expect(await expectContract<HTTPError>(again, 'delete', ONE)).toEqual({ detail: 'Tenant not found' });
    const [row] = await h.ctx.db.query<{ deleted_at: string }>('SELECT deleted_at FROM tenants WHERE id = $1', [t.id]);
    expect(row?.deleted_at).toBe(NOW_ISO);
    // Its slug is free again.
    await createTenant({ slug: t.slug });
  });
});
