import { SETTINGS_RULES } from '../../src/lib/api/settings-rules';
import { FIRST_PARTNER_ID } from '../src/seed/fixtures';
import { Params } from '../src/routes/shared/sql';
import { SUMMARY_SQL } from '../src/routes/tenants/tenant-security-store';
import { tenantListConditions, type TenantFilters } from '../src/routes/tenants/tenant-store';
import { createApiHarness, type ApiHarness } from './support/api-harness';
import type { components } from '../../src/lib/api/schema';
import type { HTTPError, HTTPValidationError, TenantList } from './support/api-types';
import { expectContract } from './support/contract';

/**
 * The tenants list's security filters and GET /tenants/security-summary (issue 18; scaikey-api.md,
 * "Extensions"): filters combine with the others, a missing key counts as the contract's default,
 * soft-deleted tenants never count, and every count of the summary is the total of its filter.
 */
type Summary = components['schemas']['TenantSecuritySummary'];

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
  // Stored as a server that predates a key would have left them (the API fills every key on write).
  const rows: [string, string, Record<string, unknown>, boolean][] = [
    ['tnt_sec_bare', 'sec-bare', {}, false],
    ['tnt_sec_partial', 'sec-partial', { mfa_required: true, password_policy: { require_digit: false } }, false],
    ['tnt_sec_wrong_types', 'sec-wrong-types', { mfa_required: 'yes', session_timeout: '15', password_policy: 'strict' }, false],
    ['tnt_sec_deleted', 'sec-deleted', { mfa_required: false, password_policy: { min_length: 8 }, session_timeout: 43200 }, true],
  ];
  for (const [id, slug, settings, deleted] of rows) {
    await h.ctx.db.query(
      `INSERT INTO tenants (id, name, slug, partner_id, settings, deleted_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [id, `Security ${slug}`, slug, FIRST_PARTNER_ID, JSON.stringify(settings), deleted ? new Date().toISOString() : null],
    );
  }
});
afterAll(() => h.close());

const LIST = '/api/v1/admin/tenants/';
const SUMMARY = '/api/v1/admin/tenants/security-summary';

async function total(query: string): Promise<number> {
  const res = await h.call('GET', `${LIST}?per_page=1&${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as TenantList).total;
}

/** The ids of the first page (not held to the contract: a few rows here carry mistyped settings on purpose). */
async function ids(query: string): Promise<string[]> {
  const res = await h.call('GET', `${LIST}?per_page=100&${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as TenantList).items.map((t) => t.id);
}

async function summary(): Promise<Summary> {
  const res = await h.call('GET', SUMMARY);
  expect(res.status).toBe(200);
  return expectContract<Summary>(res, 'get', SUMMARY);
}

/** Each live tenant's settings as the contract reads them: a missing or mistyped key is its default. */
async function effective() {
  const rows = await h.ctx.db.query<{ id: string; settings: Record<string, unknown> }>('SELECT id, settings FROM tenants WHERE deleted_at IS NULL');
  const P = SETTINGS_RULES.password_policy;
  return rows.map(({ id, settings: s }) => {
    const policy = typeof s.password_policy === 'object' && s.password_policy !== null ? (s.password_policy as Record<string, unknown>) : {};
    return {
      id,
      mfaRequired: typeof s.mfa_required === 'boolean' ? s.mfa_required : SETTINGS_RULES.mfa_required.default,
      methods: Array.isArray(s.mfa_methods) ? (s.mfa_methods as string[]) : [...SETTINGS_RULES.mfa_methods.default],
      minLength: typeof policy.min_length === 'number' ? policy.min_length : P.min_length.default,
      expires: typeof policy.max_age_days === 'number',
      timeout: typeof s.session_timeout === 'number' ? s.session_timeout : SETTINGS_RULES.session_timeout.default,
    };
  });
}

describe('the security filters', () => {
  it('count a missing or mistyped key as the contract default', async () => {
    expect(SETTINGS_RULES.mfa_required.default).toBe(false);
    const notRequired = await ids('search=security%20sec-&mfa_required=false');
    expect(notRequired.sort()).toEqual(['tnt_sec_bare', 'tnt_sec_wrong_types']);
    expect(await ids('search=security%20sec-&mfa_required=true')).toEqual(['tnt_sec_partial']);
    // Default min_length 8 and session_timeout 480 (the contract's), for all three.
    const d = SETTINGS_RULES.password_policy.min_length.default;
    const t = SETTINGS_RULES.session_timeout.default;
    expect(await ids(`search=security%20sec-&password_min_length_lt=${d + 1}&password_min_length_gt=${d - 1}`)).toHaveLength(3);
    expect(await ids(`search=security%20sec-&session_timeout_gt=${t - 1}&session_timeout_lt=${t + 1}`)).toHaveLength(3);
    expect(await ids('search=security%20sec-&mfa_method=totp')).toHaveLength(3);
    expect(await ids('search=security%20sec-&password_expires=false')).toHaveLength(3);
  });

  it('leave soft-deleted tenants out', async () => {
    expect(await ids('search=sec-deleted')).toEqual([]);
    expect(await ids('search=sec-deleted&mfa_required=false&session_timeout_gt=40000')).toEqual([]);
  });

  it('match the settings of every row, and combine with search, status and partner', async () => {
    const all = await effective();
    const expectCount = async (query: string, keep: (t: (typeof all)[number]) => boolean) =>
      expect(await total(query), query).toBe(all.filter(keep).length);
    await expectCount('mfa_required=true', (t) => t.mfaRequired);
    await expectCount('mfa_required=false', (t) => !t.mfaRequired);
    await expectCount('password_min_length_lt=12', (t) => t.minLength < 12);
    await expectCount('session_timeout_gt=480', (t) => t.timeout > 480);
    await expectCount('mfa_required=false&password_min_length_lt=10&session_timeout_gt=60', (t) => !t.mfaRequired && t.minLength < 10 && t.timeout > 60);
    await expectCount('mfa_method=webauthn', (t) => t.methods.includes('webauthn'));
    await expectCount('password_expires=true', (t) => t.expires);

    const suspended = await total('status=SUSPENDED');
    const suspendedNoMfa = await total('status=SUSPENDED&mfa_required=false');
    expect(suspendedNoMfa).toBeGreaterThan(0);
    expect(suspendedNoMfa).toBeLessThan(suspended);
    const res = await h.call('GET', `${LIST}?per_page=100&status=SUSPENDED&mfa_required=false&partner_id=${FIRST_PARTNER_ID}&session_timeout_gt=30`);
    const page = await expectContract<TenantList>(res, 'get', LIST);
    expect(page.items.length).toBeGreaterThan(0);
    for (const t of page.items) {
      expect(t.status).toBe('SUSPENDED');
      expect(t.partner_id).toBe(FIRST_PARTNER_ID);
      expect(t.settings.mfa_required).toBe(false);
      expect(t.settings.session_timeout).toBeGreaterThan(30);
    }
  });

  it('refuse values that are not booleans or whole numbers (422 at the parameter)', async () => {
    const res = await h.call('GET', `${LIST}?mfa_required=maybe&password_min_length_lt=twelve&session_timeout_gt=1.5&mfa_method=fax`);
    expect(res.status).toBe(422);
    const detail = (await expectContract<HTTPValidationError>(res, 'get', LIST)).detail ?? [];
    expect(detail.map((d) => d.loc)).toEqual([
      ['query', 'mfa_required'],
      ['query', 'password_min_length_lt'],
      ['query', 'session_timeout_gt'],
      ['query', 'mfa_method'],
    ]);
    expect(detail[0]?.type).toBe('bool_parsing');
    expect(detail[1]?.type).toBe('int_parsing');
    const range = await h.call('GET', `${LIST}?password_min_length_lt=-1&session_timeout_gt=99999999999`);
    expect(range.status).toBe(422);
    expect(((await range.json()) as HTTPValidationError).detail?.map((d) => d.type)).toEqual(['greater_than_equal', 'less_than_equal']);
  });
});

describe('GET /tenants/security-summary', () => {
  it('counts every live tenant once, defaults included, and each count is the total of its filter', async () => {
    const all = await effective();
    const s = await summary();
    expect(s.total).toBe(all.length);
    expect(s.total).toBe(await total(''));
    expect(s.mfa.required).toBe(all.filter((t) => t.mfaRequired).length);
    expect(s.mfa.required + s.mfa.not_required).toBe(s.total);
    expect(s.mfa.required).toBe(await total('mfa_required=true'));
    expect(s.mfa.not_required).toBe(await total('mfa_required=false'));
    for (const method of SETTINGS_RULES.mfa_methods.values) {
      expect(s.mfa.methods[method], method).toBe(all.filter((t) => t.methods.includes(method)).length);
      expect(s.mfa.methods[method], method).toBe(await total(`mfa_method=${method}`));
    }
    expect(s.password_expiry.on).toBe(await total('password_expires=true'));
    expect(s.password_expiry.off).toBe(await total('password_expires=false'));
    for (const [bands, lt, gt] of [
      [s.password_min_length, 'password_min_length_lt', 'password_min_length_gt'],
      [s.session_timeout, 'session_timeout_lt', 'session_timeout_gt'],
    ] as const) {
      expect(bands.reduce((sum, b) => sum + b.count, 0)).toBe(s.total);
      for (const band of bands) {
        const query = [band.min === null ? '' : `${gt}=${band.min - 1}`, band.max === null ? '' : `${lt}=${band.max + 1}`].filter(Boolean).join('&');
        expect(band.count, query).toBe(await total(query));
      }
    }
    expect(s.password_min_length.map((b) => [b.min, b.max])).toEqual([[null, 9], [10, 11], [12, 14], [15, null]]);
    expect(s.session_timeout.map((b) => [b.min, b.max])).toEqual([[null, 15], [16, 60], [61, 480], [481, null]]);
  });

  it('changes when a tenant is deleted', async () => {
    const before = await summary();
    await h.ctx.db.query(
      `INSERT INTO tenants (id, name, slug, settings) VALUES ('tnt_sec_gone', 'Security gone', 'sec-gone', '{"mfa_required": true, "mfa_methods": ["sms"]}')`,
    );
    const added = await summary();
    expect(added.total).toBe(before.total + 1);
    expect(added.mfa.required).toBe(before.mfa.required + 1);
    expect(added.mfa.methods.sms).toBe(before.mfa.methods.sms + 1);
    expect((await h.call('DELETE', '/api/v1/admin/tenants/tnt_sec_gone')).status).toBe(204);
    expect(await summary()).toEqual(before);
  });

  it('is for Super Admins only: 401 without a token, 403 for other admins', async () => {
    expect((await h.call('GET', SUMMARY, { as: null })).status).toBe(401);
    for (const who of ['partnerAdmin', 'tenantAdmin', 'expiredAdmin'] as const) {
      const res = await h.call('GET', SUMMARY, { as: who });
      expect(res.status, who).toBe(403);
      await expectContract<HTTPError>(res, 'get', SUMMARY);
    }
  });

  it('is not taken for a tenant id', async () => {
    expect((await h.call('PUT', SUMMARY)).status).toBe(405);
    expect((await h.call('GET', '/api/v1/admin/tenants/security-summary-x')).status).toBe(404);
  });
});

describe('plans at scale', () => {
  // With sequential scans off, as they would lose at 100,000 tenants (`npm run bench` has the figures).
  const plan = async (sql: string, params: unknown[] = []) => {
    await h.ctx.db.exec('SET enable_seqscan = off');
    try {
      return (await h.ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await h.ctx.db.exec('RESET enable_seqscan');
    }
  };
  const countPlan = (filters: TenantFilters) => {
    const params = new Params();
    const where = tenantListConditions(filters, { kind: 'all' }, params).join(' AND ');
    return plan(`SELECT count(*) FROM tenants WHERE ${where}`, params.values);
  };

  it('answers the summary from tenants_security alone (an index-only scan)', async () => {
    expect(await plan(SUMMARY_SQL)).toMatch(/Index Only Scan using tenants_security\b/);
  });

  it.each<[string, TenantFilters, RegExp]>([
    ['mfa_required', { mfa_required: false }, /Index Only Scan using tenants_security\b/],
    ['password_min_length_lt', { password_min_length_lt: 10 }, /Index Only Scan using tenants_security_min_length|Index Only Scan using tenants_security\b/],
    ['session_timeout_gt', { session_timeout_gt: 480 }, /Index Only Scan using tenants_security_session_timeout|Index Only Scan using tenants_security\b/],
    ['a band', { session_timeout_gt: 15, session_timeout_lt: 61 }, /Index Only Scan using tenants_security_session_timeout|Index Only Scan using tenants_security\b/],
  ])('counts ?%s from an index, never reading the table', async (_name, filters, index) => {
    const p = await countPlan(filters);
    expect(p).toMatch(index);
    expect(p).not.toMatch(/Seq Scan/);
  });
});
