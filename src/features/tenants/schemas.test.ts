import { parseSearchParams } from '@/hooks/use-search-params-state';
import { fromTenant, slugify, tenantFormSchema, tenantListSearchSchema, toUpdateBody, type Tenant } from './schemas';

const tenant: Tenant = {
  id: 'tnt_1',
  name: 'Acme Corporation',
  slug: 'acme',
  status: 'ACTIVE',
  contact_email: 'it@acme.example',
  partner_id: 'prt_1',
  settings: { mfa_required: false, mfa_methods: ['totp'], session_timeout: 480 },
  branding: {},
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
};

describe('slugify', () => {
  it.each([
    ['Acme Corp. (EU)', 'acme-corp-eu'],
    ['  Ünïcode & Sons, Ltd.  ', 'unicode-sons-ltd'],
    ['---', ''],
    ['x'.repeat(70), 'x'.repeat(63)],
    [`${'a'.repeat(62)} b`, 'a'.repeat(62)],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('tenantFormSchema', () => {
  const valid = { name: 'Acme', slug: 'acme', contact_email: null, partner_id: null, status: 'ACTIVE' as const };

  it.each([
    [{ slug: 'ab' }, 'Use at least 3 characters'],
    [{ slug: 'a'.repeat(64) }, 'Use at most 63 characters'],
    [{ slug: 'Acme' }, 'Use only lowercase letters, digits and hyphens'],
    [{ slug: '' }, 'Enter a slug'],
    [{ name: '   ' }, 'Enter a name'],
    [{ contact_email: 'nope' }, 'Enter a valid email address, or leave it empty'],
  ])('refuses %o with "%s"', (change, message) => {
    const result = tenantFormSchema.safeParse({ ...valid, ...change });
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('accepts a full tenant and an empty contact email', () => {
    expect(tenantFormSchema.parse({ ...valid, contact_email: 'a@b.example', partner_id: 'prt_1' })).toMatchObject({
      contact_email: 'a@b.example',
      partner_id: 'prt_1',
    });
    expect(tenantFormSchema.safeParse(valid).success).toBe(true);
  });
});

describe('toUpdateBody', () => {
  it('sends only what changed', () => {
    const values = tenantFormSchema.parse({ ...fromTenant(tenant), name: 'Acme Corp', partner_id: null });
    expect(toUpdateBody(tenant, values)).toEqual({ name: 'Acme Corp', partner_id: null });
    expect(toUpdateBody(tenant, tenantFormSchema.parse(fromTenant(tenant)))).toEqual({});
  });
});

describe('tenantListSearchSchema', () => {
  it('reads the list state from the URL, falling back to defaults for bad values', () => {
    expect(parseSearchParams(tenantListSearchSchema, new URLSearchParams('search=acme&status=SUSPENDED&partner_id=prt_1&page=3&per_page=50'))).toEqual({
      search: 'acme',
      status: 'SUSPENDED',
      partner_id: 'prt_1',
      page: 3,
      per_page: 50,
    });
    expect(parseSearchParams(tenantListSearchSchema, new URLSearchParams('status=GONE&page=-1&per_page=7'))).toEqual({
      search: '',
      status: undefined,
      partner_id: undefined,
      page: 1,
      per_page: 20,
    });
  });
});
