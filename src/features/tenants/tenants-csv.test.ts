import { QueryClient } from '@tanstack/react-query';
import { csvHeader, csvRows } from '@/lib/csv';
import { answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import type { Tenant } from './schemas';
import { settingsColumns, TENANT_CSV_COLUMNS, tenantExportPages, type TenantCsvRow } from './tenants-csv';
import { tenantRecord } from '@/testing/tenant-fixtures';

/** The tenants CSV: settings flattened into columns from the contract's rules, and the pages with partner names. */

const tenant = (over: Partial<Tenant> = {}): Tenant => tenantRecord({ updated_at: '2025-02-01T00:00:00Z', ...over });

const FULL_SETTINGS: Tenant['settings'] = {
  mfa_required: true,
  mfa_methods: ['totp', 'webauthn'],
  password_policy: {
    min_length: 12,
    require_uppercase: true,
    require_lowercase: false,
    require_digit: true,
    require_special: false,
    max_age_days: 90,
    history_count: 5,
  },
  session_timeout: 60,
};

const SETTINGS_HEADERS = [
  'MFA required',
  'MFA methods',
  'Minimum password length',
  'Password needs an uppercase letter',
  'Password needs a lowercase letter',
  'Password needs a digit',
  'Password needs a special character',
  'Password expires after (days)',
  'Passwords remembered',
  'Session timeout (minutes)',
];

const cells = (settings: unknown) => settingsColumns().map((column) => column.value(settings));

describe('settingsColumns', () => {
  it('makes one column per setting of the contract, in its order, labelled with its x-label and x-unit', () => {
    expect(settingsColumns().map((column) => column.header)).toEqual(SETTINGS_HEADERS);
  });

  it('flattens stored settings: values as they are, MFA methods by their labels', () => {
    expect(cells(FULL_SETTINGS)).toEqual([true, 'TOTP, WebAuthn', 12, true, false, true, false, 90, 5, 60]);
  });

  it('leaves a setting the tenant does not store empty, rather than writing the default as if stored', () => {
    expect(cells({})).toEqual(Array(10).fill(null));
    expect(cells({ session_timeout: 30, password_policy: { min_length: 10 } })).toEqual([null, null, 10, null, null, null, null, null, null, 30]);
    expect(cells(null)).toEqual(Array(10).fill(null));
    expect(cells({ password_policy: 'not an object' })).toEqual(Array(10).fill(null));
  });

  it('writes a stored null (no password expiry) and an empty method list as empty cells', () => {
    const settings = { ...FULL_SETTINGS, mfa_methods: [], password_policy: { ...FULL_SETTINGS.password_policy!, max_age_days: null } };
    const row = cells(settings);
    expect(row[1]).toBe('');
    expect(row[7]).toBeNull();
  });

  it('keeps a value it has no label for, and a malformed value, as it comes', () => {
    const row = cells({ mfa_methods: ['totp', 'push'], session_timeout: 'forever' });
    expect(row[1]).toBe('TOTP, push');
    expect(row[9]).toBe('forever');
  });

  it('follows the rules it is given: a new setting is a new column, a group is walked, a missing label is the path in words', () => {
    const rules = {
      session_timeout: { label: 'Session timeout', unit: 'minutes', default: 480 },
      lockout: {
        max_attempts: { label: 'Sign-in attempts before lockout', default: 5 },
        lock_minutes: { unit: 'minutes', default: 15 },
      },
      ip_allowlist: { default: [] },
    };
    const columns = settingsColumns(rules);
    expect(columns.map((column) => column.header)).toEqual([
      'Session timeout (minutes)',
      'Sign-in attempts before lockout',
      'Lockout lock minutes (minutes)',
      'Ip allowlist',
    ]);
    const settings = { lockout: { max_attempts: 3 }, ip_allowlist: ['10.0.0.0/8', '192.168.0.1'] };
    expect(columns.map((column) => column.value(settings))).toEqual([null, 3, null, '10.0.0.0/8, 192.168.0.1']);
  });
});

describe('TENANT_CSV_COLUMNS', () => {
  it('writes the tenant, its partner, its settings and its id, neutralising a name that would run as a formula', () => {
    const row: TenantCsvRow = {
      tenant: tenant({ name: '=HYPERLINK("http://evil","x")', contact_email: 'ops@acme.example', settings: FULL_SETTINGS }),
      partner: 'Initech, Ltd',
    };
    expect(csvHeader(TENANT_CSV_COLUMNS)).toBe(
      ['Name', 'Slug', 'Status', 'Partner', 'Contact email', 'Created', 'Updated', ...SETTINGS_HEADERS, 'Tenant ID'].join(',') + '\r\n',
    );
    expect(csvRows(TENANT_CSV_COLUMNS, [row])).toBe(
      `"'=HYPERLINK(""http://evil"",""x"")",acme,Active,"Initech, Ltd",ops@acme.example,2025-01-01T00:00:00Z,2025-02-01T00:00:00Z,` +
        'true,"TOTP, WebAuthn",12,true,false,true,false,90,5,60,tnt_acme\r\n',
    );
  });

  it('leaves the partner empty for a tenant without one, and shows a status it does not know as it comes', () => {
    const row: TenantCsvRow = { tenant: tenant({ status: 'ARCHIVED' }), partner: null };
    expect(csvRows(TENANT_CSV_COLUMNS, [row])).toBe(`Acme,acme,ARCHIVED,,,2025-01-01T00:00:00Z,2025-02-01T00:00:00Z,${','.repeat(10)}tnt_acme\r\n`);
  });
});

describe('tenantExportPages', () => {
  const partners = [
    { id: 'prt_a', name: 'Alpha Partners' },
    { id: 'prt_b', name: 'Beta Partners' },
  ];

  function serve(tenants: Tenant[], partnerList = partners) {
    const asked: URLSearchParams[] = [];
    const partnerQueries: string[] = [];
    mockFetch({
      'GET /api/v1/admin/tenants/': (request) => {
        const query = new URL(request.url).searchParams;
        asked.push(query);
        return jsonResponse(200, { items: tenants, total: 250, page: Number(query.get('page')), per_page: 100, pages: 3 });
      },
      'GET /api/v1/admin/partners/': answersIds(partnerList, partnerQueries),
      'GET /api/v1/admin/partners/prt_gone': jsonResponse(404, { detail: 'Partner not found' }),
    });
    return { asked, partnerQueries };
  }

  const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

  it('asks for the page with the filters on screen, and names the partners with one look-up', async () => {
    const server = serve([
      tenant({ id: 'tnt_1', partner_id: 'prt_a' }),
      tenant({ id: 'tnt_2', partner_id: 'prt_b' }),
      tenant({ id: 'tnt_3', partner_id: 'prt_a' }),
      tenant({ id: 'tnt_4', partner_id: null }),
    ]);
    const fetchPage = tenantExportPages({ search: 'acme', status: 'SUSPENDED', partner_id: undefined }, client());
    const page = await fetchPage(2, 100, new AbortController().signal);

    expect(Object.fromEntries(server.asked[0]!)).toEqual({ page: '2', per_page: '100', search: 'acme', status: 'SUSPENDED' });
    expect(page.total).toBe(250);
    expect(page.items.map((row) => [row.tenant.id, row.partner])).toEqual([
      ['tnt_1', 'Alpha Partners'],
      ['tnt_2', 'Beta Partners'],
      ['tnt_3', 'Alpha Partners'],
      ['tnt_4', null],
    ]);
    expect(server.partnerQueries).toHaveLength(1);
    expect(new URLSearchParams(server.partnerQueries[0]).get('ids')).toBe('prt_a,prt_b');
  });

  it('reuses names already looked up, and names a deleted partner as the screen does', async () => {
    const queryClient = client();
    const server = serve([tenant({ id: 'tnt_1', partner_id: 'prt_a' }), tenant({ id: 'tnt_2', partner_id: 'prt_b' })]);
    const fetchPage = tenantExportPages({ search: '', status: undefined, partner_id: 'prt_a' }, queryClient);
    await fetchPage(1, 100, new AbortController().signal);
    const second = await fetchPage(2, 100, new AbortController().signal);
    expect(server.asked.map((query) => query.get('partner_id'))).toEqual(['prt_a', 'prt_a']);
    expect(server.partnerQueries).toHaveLength(1);
    expect(second.items.map((row) => row.partner)).toEqual(['Alpha Partners', 'Beta Partners']);

    serve([tenant({ id: 'tnt_9', partner_id: 'prt_gone' })]);
    const gone = await tenantExportPages({ search: '', status: undefined, partner_id: undefined }, queryClient)(1, 100, new AbortController().signal);
    expect(gone.items[0]!.partner).toBe('Deleted partner (prt_gone)');
  });

  it('fails the page when a partner name cannot be had, rather than writing a placeholder into the file', async () => {
    mockFetch({
      'GET /api/v1/admin/tenants/': jsonResponse(200, { items: [tenant({ partner_id: 'prt_a' })], total: 1, page: 1, per_page: 100, pages: 1 }),
      'GET /api/v1/admin/partners/prt_a': jsonResponse(503, { detail: 'Service unavailable' }),
    });
    const fetchPage = tenantExportPages({ search: '', status: undefined, partner_id: undefined }, client());
    await expect(fetchPage(1, 100, new AbortController().signal)).rejects.toThrow();
  });
});
