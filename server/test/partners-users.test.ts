import { ACME_TENANT, ANA_LIMA, FIRST_PARTNER_ID, SEED_ACCOUNTS } from '../src/seed/fixtures';
import { createApiHarness, TEST_NOW, type ApiHarness } from './support/api-harness';
import type { HTTPError, HTTPValidationError, Partner, PartnerList, User, UserList } from './support/api-types';
import { expectContract } from './support/contract';

/** The read-only pickers: /partners and /users, Super Admins only. */

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const PARTNERS = '/api/v1/admin/partners/';
const PARTNER = '/api/v1/admin/partners/{partner_id}';
const USERS = '/api/v1/admin/users/';
const USER = '/api/v1/admin/users/{user_id}';

describe('permissions', () => {
  it.each([
    [PARTNERS, PARTNERS, 'Only Super Admins can view partners'],
    [`/api/v1/admin/partners/${FIRST_PARTNER_ID}`, PARTNER, 'Only Super Admins can view partners'],
    [USERS, USERS, 'Only Super Admins can view users'],
    [`/api/v1/admin/users/${SEED_ACCOUNTS.root.id}`, USER, 'Only Super Admins can view users'],
  ])('GET %s: 401 without a token, 403 for other admins', async (path, template, message) => {
    const anonymous = await h.call('GET', path, { as: null });
    expect(anonymous.status).toBe(401);
    await expectContract(anonymous, 'get', template);
    for (const who of ['partnerAdmin', 'tenantAdmin', 'expiredAdmin'] as const) {
      const res = await h.call('GET', path, { as: who });
      expect(res.status).toBe(403);
      expect(await expectContract<HTTPError>(res, 'get', template)).toEqual({ detail: message });
    }
  });
});

describe('GET /partners/', () => {
  it('lists the five partners by name', async () => {
    const page = await expectContract<PartnerList>(await h.call('GET', PARTNERS), 'get', PARTNERS);
    expect(page).toMatchObject({ total: 5, page: 1, per_page: 20, pages: 1 });
    expect(page.items.map((p) => p.name)).toEqual([
      'Andes Digital Alliance',
      'Bluefjord Consulting AS',
      'Kalahari Cloud Services',
      'Northwind Partners',
      'Sakura Systems Integration K.K.',
    ]);
    expect(page.items.find((p) => p.id === FIRST_PARTNER_ID)).toMatchObject({ slug: 'northwind-partners', max_tenants: 2000 });
  });

  it('filters by search (name, slug, contact email) and status', async () => {
    const search = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?search=FJORD`), 'get', PARTNERS);
    expect(search.items.map((p) => p.slug)).toEqual(['bluefjord-consulting']);
    const byEmail = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?search=sakura-si.example`), 'get', PARTNERS);
    expect(byEmail.total).toBe(1);
    const suspended = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?status=SUSPENDED`), 'get', PARTNERS);
    expect(suspended.items.map((p) => p.name)).toEqual(['Kalahari Cloud Services']);
    const paged = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?per_page=2&page=3`), 'get', PARTNERS);
    expect(paged).toMatchObject({ total: 5, pages: 3, page: 3 });
    expect(paged.items).toHaveLength(1);
  });

  it('422 for bad query parameters', async () => {
    const res = await h.call('GET', `${PARTNERS}?status=active&per_page=1000`);
    expect(res.status).toBe(422);
    const { detail } = await expectContract<HTTPValidationError>(res, 'get', PARTNERS);
    expect(detail?.map((d) => d.loc)).toEqual([
      ['query', 'per_page'],
      ['query', 'status'],
    ]);
  });
});

describe('GET /partners/{partner_id}', () => {
  it('returns one partner with its limits', async () => {
    const partner = await expectContract<Partner>(await h.call('GET', `/api/v1/admin/partners/${FIRST_PARTNER_ID}`), 'get', PARTNER);
    expect(partner).toEqual({
      id: FIRST_PARTNER_ID,
      name: 'Northwind Partners',
      slug: 'northwind-partners',
      status: 'ACTIVE',
      contact_email: 'partners@northwind-partners.example',
      max_tenants: 2000,
      max_users_per_tenant: 5000,
      max_applications_per_tenant: 50,
    });
  });

  it('404 for unknown and soft-deleted partners', async () => {
    await h.ctx.db.query(`INSERT INTO partners (id, name, slug, deleted_at) VALUES ('prt_gone', 'Gone', 'gone', $1)`, [TEST_NOW.toISOString()]);
    for (const id of ['prt_nothing', 'prt_gone', ACME_TENANT.id]) {
      const res = await h.call('GET', `/api/v1/admin/partners/${id}`);
      expect(res.status).toBe(404);
      expect(await expectContract<HTTPError>(res, 'get', PARTNER)).toEqual({ detail: 'Partner not found' });
    }
    const list = await expectContract<PartnerList>(await h.call('GET', PARTNERS), 'get', PARTNERS);
    expect(list.total).toBe(5);
  });
});

describe('GET /users/', () => {
  it('pages users ordered by display name (or email), without password hashes', async () => {
    const page = await expectContract<UserList>(await h.call('GET', `${USERS}?per_page=100`), 'get', USERS);
    expect(page.total).toBeGreaterThanOrEqual(2990);
    expect(page.items).toHaveLength(100);
    const keys = (name: User) => (name.display_name ?? name.email).toLowerCase();
    for (let i = 1; i < page.items.length; i++) {
      expect(keys(page.items[i - 1]!).localeCompare(keys(page.items[i]!), 'en', { sensitivity: 'base' }) <= 0 || keys(page.items[i - 1]!) <= keys(page.items[i]!)).toBe(true);
    }
    expect(JSON.stringify(page)).not.toMatch(/password|scrypt/);
  });

  it('searches email, display, first and last name', async () => {
    const ana = await expectContract<UserList>(await h.call('GET', `${USERS}?search=ana%20lima`), 'get', USERS);
    expect(ana.items.map((u) => u.id)).toContain(ANA_LIMA.id);
    const byEmail = await expectContract<UserList>(await h.call('GET', `${USERS}?search=ROOT@scaikey`), 'get', USERS);
    expect(byEmail.items.map((u) => u.email)).toEqual(['root@scaikey.test']);
    const byLast = await expectContract<UserList>(await h.call('GET', `${USERS}?search=okafor&per_page=100`), 'get', USERS);
    expect(byLast.items.every((u) => `${u.email} ${u.display_name} ${u.first_name} ${u.last_name}`.toLowerCase().includes('okafor'))).toBe(true);
  });

  it('filters by status, tenant and partner', async () => {
    const pending = await expectContract<UserList>(await h.call('GET', `${USERS}?status=PENDING&per_page=100`), 'get', USERS);
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.items.every((u) => u.status === 'PENDING' && u.last_login_at === null)).toBe(true);
    const acme = await expectContract<UserList>(await h.call('GET', `${USERS}?tenant_id=${ACME_TENANT.id}&per_page=100`), 'get', USERS);
    expect(acme.items.every((u) => u.tenant_id === ACME_TENANT.id)).toBe(true);
    expect(acme.items.map((u) => u.email)).toEqual(expect.arrayContaining(['tenant.admin@scaikey.test', ANA_LIMA.email]));
    const partner = await expectContract<UserList>(await h.call('GET', `${USERS}?partner_id=${FIRST_PARTNER_ID}&per_page=100`), 'get', USERS);
    expect(partner.total).toBeGreaterThan(acme.total);
    const tenantIds = new Set(
      (await h.ctx.db.query<{ id: string }>('SELECT id FROM tenants WHERE partner_id = $1', [FIRST_PARTNER_ID])).map((r) => r.id),
    );
    expect(partner.items.every((u) => u.tenant_id !== null && tenantIds.has(u.tenant_id))).toBe(true);
  });

  it('422 for bad query parameters', async () => {
    const res = await h.call('GET', `${USERS}?status=DELETED&page=-1`);
    expect(res.status).toBe(422);
    const { detail } = await expectContract<HTTPValidationError>(res, 'get', USERS);
    expect(detail?.map((d) => [d.loc, d.type])).toEqual([
      [['query', 'page'], 'greater_than_equal'],
      [['query', 'status'], 'enum'],
    ]);
  });
});

describe('GET /users/{user_id}', () => {
  it('returns one user', async () => {
    const user = await expectContract<User>(await h.call('GET', `/api/v1/admin/users/${SEED_ACCOUNTS.root.id}`), 'get', USER);
    expect(user).toEqual({
      id: SEED_ACCOUNTS.root.id,
      email: 'root@scaikey.test',
      first_name: 'Rhea',
      last_name: 'Root',
      display_name: 'Rhea Root',
      status: 'ACTIVE',
      tenant_id: expect.stringMatching(/^tnt_/),
      last_login_at: expect.any(String),
      created_at: expect.any(String),
    });
  });

  it('404 for unknown and soft-deleted users', async () => {
    await h.ctx.db.query(`INSERT INTO users (id, email, deleted_at) VALUES ('usr_gone', 'gone@x.example', $1)`, [TEST_NOW.toISOString()]);
    for (const id of ['usr_nothing', 'usr_gone', FIRST_PARTNER_ID]) {
      const res = await h.call('GET', `/api/v1/admin/users/${id}`);
      expect(res.status).toBe(404);
      expect(await expectContract<HTTPError>(res, 'get', USER)).toEqual({ detail: 'User not found' });
    }
  });
});

describe('?ids= on /partners/ and /users/ (the look-up by several ids)', () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id).sort();

  it('answers just the records asked for, in the list envelope; unknown, deleted and empty items are absent', async () => {
    await h.ctx.db.query(
      `INSERT INTO partners (id, name, slug, deleted_at) VALUES ('prt_gone_ids', 'Gone', 'gone-ids', $1)`,
      [TEST_NOW.toISOString()],
    );
    const [second] = await h.ctx.db.query<{ id: string }>('SELECT id FROM partners WHERE deleted_at IS NULL AND id <> $1 LIMIT 1', [FIRST_PARTNER_ID]);
    const query = `ids=${FIRST_PARTNER_ID},,${second!.id},prt_nothing,prt_gone_ids,${FIRST_PARTNER_ID}`;
    const partners = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?${query}`), 'get', PARTNERS);
    expect(ids(partners)).toEqual([FIRST_PARTNER_ID, second!.id].sort());
    expect(partners).toMatchObject({ total: 2, page: 1, per_page: 20, pages: 1 });

    await h.ctx.db.query(`INSERT INTO users (id, email, deleted_at) VALUES ('usr_gone_ids', 'gone-ids@x.example', $1)`, [
      TEST_NOW.toISOString(),
    ]);
    const users = await expectContract<UserList>(
      await h.call('GET', `${USERS}?ids=${encodeURIComponent(` ${ANA_LIMA.id} ,${SEED_ACCOUNTS.root.id},usr_gone_ids,usr_nothing`)}`),
      'get',
      USERS,
    );
    expect(ids(users)).toEqual([ANA_LIMA.id, SEED_ACCOUNTS.root.id].sort());
    expect(users.total).toBe(2);
  });

  it('combines with the other filters; ids= with no id matches nothing', async () => {
    const both = `ids=${ANA_LIMA.id},${SEED_ACCOUNTS.root.id}`;
    const inAcme = await expectContract<UserList>(await h.call('GET', `${USERS}?${both}&tenant_id=${ACME_TENANT.id}`), 'get', USERS);
    expect(ids(inAcme)).toEqual([ANA_LIMA.id]);
    const searched = await expectContract<UserList>(await h.call('GET', `${USERS}?${both}&search=root@`), 'get', USERS);
    expect(ids(searched)).toEqual([SEED_ACCOUNTS.root.id]);
    const suspended = await expectContract<PartnerList>(await h.call('GET', `${PARTNERS}?ids=${FIRST_PARTNER_ID}&status=SUSPENDED`), 'get', PARTNERS);
    expect(suspended.total).toBe(0);
    const none = await expectContract<UserList>(await h.call('GET', `${USERS}?ids=,`), 'get', USERS);
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('takes at most 100 ids (duplicates count): 101 → 422 at ["query","ids"]', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `usr_${i}`);
    const ok = await expectContract<UserList>(await h.call('GET', `${USERS}?per_page=100&ids=${hundred.join(',')}`), 'get', USERS);
    expect(ok.items).toEqual([]);
    for (const path of [USERS, PARTNERS]) {
      const res = await h.call('GET', `${path}?ids=${[...hundred, 'usr_0'].join(',')}`);
      expect(res.status).toBe(422);
      const { detail } = await expectContract<HTTPValidationError>(res, 'get', path);
      expect(detail).toEqual([
        expect.objectContaining({ loc: ['query', 'ids'], type: 'too_long', msg: 'List should have at most 100 items after validation, not 101' }),
      ]);
    }
  });

  it('stays Super Admins only', async () => {
    for (const path of [`${USERS}?ids=${ANA_LIMA.id}`, `${PARTNERS}?ids=${FIRST_PARTNER_ID}`]) {
      const res = await h.call('GET', path, { as: 'partnerAdmin' });
      expect(res.status).toBe(403);
    }
  });
});
