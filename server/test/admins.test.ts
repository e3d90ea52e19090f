import type { AuditTrail } from '../src/audit/recorder';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { hashPassword, PasswordBusyError, verifyPassword } from '../src/auth/password';
import type * as PasswordModule from '../src/auth/password';
import { signAccessToken } from '../src/auth/tokens';
import { createApp } from '../src/app';
import { signIdToken } from '../src/oidc/id-token';
import { removeAdminAccount } from '../src/routes/admins/admin-account-routes';
import {
  meetsPasswordRules,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../src/routes/admins/admin-account-schemas';
import { ADMIN_ACCOUNT_PAGE_SQL } from '../src/routes/admins/admin-account-store';
import { ACME_TENANT, ANA_LIMA, PLATFORM_TENANT, SEED_ACCOUNTS, SEED_ADMIN_ACCOUNT_IDS, SEED_ROLE_IDS } from '../src/seed/fixtures';
import type { components } from '../../src/lib/api/schema';
import { createApiHarness, TEST_NOW, type ApiHarness } from './support/api-harness';
import type { HTTPError, User, UserList } from './support/api-types';
import { expectContract } from './support/contract';
import { createHarness, readSignInForm, type Harness } from './support/oidc-harness';
import { ENGINES, useHarnessOn } from './support/engines';

/**
 * The Admins API (/api/admins, scaikey-api.md "Admin accounts"): every status code and rule,
 * each response checked against the contract; the guards that need real concurrency on both
 * engines; and an account's whole life through the OIDC sign-in.
 */

// The real hashing, with a seam to make one hash find the queue full (the 503 test).
vi.mock('../src/auth/password', async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordModule>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

type AdminAccount = components['schemas']['AdminAccount'];
type AdminAccountList = components['schemas']['AdminAccountList'];

const LIST = '/api/admins/page/{page}';
const CREATE = '/api/admins';
const ONE = '/api/admins/{adminId}';
const page = (n: number | string, query = '') => `/api/admins/page/${n}${query}`;
const one = (id: string) => `/api/admins/${id}`;
const GOOD_PASSWORD = 'Str0ng-Passw0rd!';
const EMAIL_EXISTS = { detail: 'Email already exists' };
const WEAK = { detail: 'Password does not meet security requirements' };

let unique = 0;
/** A body for POST /api/admins with an email no other test uses. */
function newAccount(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  unique += 1;
  return { email: `new.admin.${unique}@scaikey.test`, password: GOOD_PASSWORD, firstName: 'Nadia', lastName: `Novak ${unique}`, ...overrides };
}

/** The whole list, every page read (100 a page). */
async function allAccounts(h: ApiHarness): Promise<AdminAccount[]> {
  const items: AdminAccount[] = [];
  for (let n = 1; ; n++) {
    const body = (await (await h.call('GET', page(n, '?pageSize=100'))).json()) as AdminAccountList;
    items.push(...body.items);
    if (n >= body.totalPages) return items;
  }
}

/** Creates an account through the API and returns it as listed, with its user's id. */
async function createAccount(h: ApiHarness, overrides: Record<string, unknown> = {}): Promise<AdminAccount & { userId: string }> {
  const body = newAccount(overrides);
  const res = await h.call('POST', CREATE, { body });
  expect(res.status, await res.clone().text()).toBe(204);
  const account = (await allAccounts(h)).find((a) => a.email === body.email);
  if (!account) throw new Error(`${String(body.email)} is not listed`);
  const [user] = await h.ctx.db.query<{ id: string }>('SELECT user_id AS id FROM admin_accounts WHERE id = $1', [account.id]);
  return { ...account, userId: user!.id };
}

/** A long-lived access token for any user, role claim included (the middleware ignores it anyway). */
function tokenOf(h: ApiHarness, userId: string): Promise<string> {
  return h.token({ sub: userId, scope: 'openid profile email', tenant_id: PLATFORM_TENANT.id, role: 'super_admin', ttl: 86_400 * 365 });
}

async function grantSuperAdmin(h: ApiHarness, userId: string): Promise<string> {
  const res = await h.call('POST', '/api/v1/admin/admin-roles/', { body: { user_id: userId, role: 'SUPER_ADMIN' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function expect400(res: Response, method: 'get' | 'post', path: string, field: string): Promise<string> {
  const body = await expectContract<HTTPError>(res, method, path);
  expect(res.status).toBe(400);
  expect(body.detail).toMatch(new RegExp(`(^|; )${field}: `));
  return body.detail;
}

describe('the Admins API on the standard seed', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(() => h.close());
  afterEach(() => h.clock.reset());

  describe('GET /api/admins/page/{page}', () => {
    it('lists the seeded admin accounts newest first, in its own envelope, the seeded admins among them', async () => {
      const res = await h.call('GET', page(1));
      const body = await expectContract<AdminAccountList>(res, 'get', LIST);
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ totalCount: 36, page: 1, pageSize: 50, totalPages: 1 });
      expect(body.items).toHaveLength(36);
      const order = [...body.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      expect(body.items.map((a) => a.id)).toEqual(order.map((a) => a.id));
      const byId = new Map(body.items.map((a) => [a.id, a]));
      for (const [key, id] of Object.entries(SEED_ADMIN_ACCOUNT_IDS)) {
        const seeded = SEED_ACCOUNTS[key as keyof typeof SEED_ACCOUNTS];
        expect(byId.get(id)).toMatchObject({ email: seeded.email, fullName: `${seeded.firstName} ${seeded.lastName}` });
      }
      for (const a of body.items) expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('pages with pageSize, and answers a page past the last with no items and the true totals', async () => {
      const all = ((await (await h.call('GET', page(1, '?pageSize=100'))).json()) as AdminAccountList).items;
      const pages: AdminAccount[] = [];
      for (let n = 1; n <= 4; n++) {
        const res = await h.call('GET', page(n, '?pageSize=10'));
        const body = await expectContract<AdminAccountList>(res, 'get', LIST);
        expect(body).toMatchObject({ totalCount: 36, page: n, pageSize: 10, totalPages: 4 });
        pages.push(...body.items);
      }
      expect(pages.map((a) => a.id)).toEqual(all.map((a) => a.id));
      for (const [n, size] of [[5, 10], [2, 50], [1_000_000_000, 100]] as const) {
        const res = await h.call('GET', page(n, `?pageSize=${size}`));
        expect(await expectContract(res, 'get', LIST)).toEqual({ items: [], totalCount: 36, page: n, pageSize: size, totalPages: Math.ceil(36 / size) });
      }
      expect(((await (await h.call('GET', page(1, '?pageSize=1&utm=x'))).json()) as AdminAccountList).items).toHaveLength(1);
    });

    it.each(['0', '101', '-1', 'abc', '', '2.5', '1e2', '10&pageSize=20'])('answers pageSize=%s with a 400 naming pageSize', async (value) => {
      await expect400(await h.call('GET', page(1, `?pageSize=${value}`)), 'get', LIST, 'pageSize');
    });

    it.each(['0', '-1', 'abc', '1.5', '99999999999999999999'])('answers page %s with a 400 naming page', async (value) => {
      await expect400(await h.call('GET', page(value)), 'get', LIST, 'page');
    });

    it('answers NUL or invalid UTF-8 in the URL with its own 400, not the Admin API 422', async () => {
      await expect400(await h.call('GET', page(1, '?pageSize=%00')), 'get', LIST, 'pageSize');
      const res = await h.call('GET', page('%FF'));
      expect(res.status).toBe(400);
      expect(((await res.json()) as HTTPError).detail).toMatch(/^path: .*UTF-8/);
    });
  });

  describe('who may call it', () => {
    const calls = (): [string, string, unknown][] => [
      ['GET', page(1), undefined],
      ['POST', CREATE, newAccount()],
      ['DELETE', one(SEED_ADMIN_ACCOUNT_IDS.expiredAdmin), undefined],
    ];
    const contractPath: Record<string, [method: 'get' | 'post' | 'delete', path: string]> = {
      GET: ['get', LIST],
      POST: ['post', CREATE],
      DELETE: ['delete', ONE],
    };

    it('answers 401 without a token, with a bad one, an expired one, or an ID token', async () => {
      const r = SEED_ACCOUNTS.root;
      const idToken = await signIdToken(h.ctx, {
        user: { id: r.id, email: r.email, first_name: r.firstName, last_name: r.lastName, display_name: null, tenant_id: PLATFORM_TENANT.id },
        clientId: h.ctx.config.client.clientId,
        scope: 'openid profile email',
        authTime: TEST_NOW.toISOString(),
        role: 'super_admin',
      });
      const expired = await h.token({ sub: r.id, scope: 'openid', tenant_id: PLATFORM_TENANT.id, role: 'super_admin', ttl: -60 });
      for (const [method, path, body] of calls()) {
        for (const options of [{ as: null }, { token: 'not-a-jwt' }, { token: idToken }, { token: expired }]) {
          const res = await h.call(method, path, { ...options, body });
          const [m, p] = contractPath[method]!;
          await expectContract(res, m, p);
          expect(res.status, `${method} ${JSON.stringify(options).slice(0, 40)}`).toBe(401);
        }
      }
    });

    it('answers 403 to a valid token without Super Admin in force: partner, tenant, expired, or no role at all', async () => {
      const roleless = await createAccount(h);
      const tokens = [undefined, undefined, undefined, await tokenOf(h, roleless.userId)];
      for (const [i, who] of (['partnerAdmin', 'tenantAdmin', 'expiredAdmin', null] as const).entries()) {
        for (const [method, path, body] of calls()) {
          const res = await h.call(method, path, { as: who ?? undefined, token: tokens[i], body });
          const [m, p] = contractPath[method]!;
          expect(await expectContract(res, m, p)).toEqual({ detail: 'Only Super Admins can manage admin accounts' });
          expect(res.status).toBe(403);
        }
      }
      expect((await allAccounts(h)).some((a) => a.id === SEED_ADMIN_ACCOUNT_IDS.expiredAdmin)).toBe(true);
    });

    it('reads the role from the database: a revoked Super Admin is refused at the next call, whatever the token says', async () => {
      const admin = await createAccount(h);
      const roleId = await grantSuperAdmin(h, admin.userId);
      const token = await tokenOf(h, admin.userId);
      expect((await h.call('GET', page(1), { token })).status).toBe(200);
      expect((await h.call('DELETE', `/api/v1/admin/admin-roles/${roleId}`)).status).toBe(204);
      expect((await h.call('GET', page(1), { token })).status).toBe(403);
    });

    it('answers other methods with 405 and keeps CORS for the console', async () => {
      expect((await h.call('GET', CREATE)).status).toBe(405);
      expect((await h.call('PATCH', one(SEED_ADMIN_ACCOUNT_IDS.expiredAdmin))).status).toBe(405);
      expect((await h.call('POST', page(1), { body: {} })).status).toBe(405);
      const origin = h.ctx.config.client.allowedOrigins[0]!;
      const preflight = await h.call('OPTIONS', one(SEED_ADMIN_ACCOUNT_IDS.expiredAdmin), {
        as: null,
        headers: { Origin: origin, 'Access-Control-Request-Method': 'DELETE', 'Access-Control-Request-Headers': 'authorization' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
      const list = await h.call('GET', page(1), { headers: { Origin: origin } });
      expect(list.headers.get('access-control-allow-origin')).toBe(origin);
    });
  });

  describe('POST /api/admins', () => {
    it('answers 204 with no body and creates the account and its ScaiKey user, holding no role, hashed password', async () => {
      // Later than the accounts other tests made, so it is the newest.
      h.clock.advance(60_000);
      const body = newAccount({ email: 'Grace.Hopper@ScaiKey.test', firstName: '  Grace ', lastName: ' Hopper' });
      const res = await h.call('POST', CREATE, { body });
      expect(await expectContract(res, 'post', CREATE)).toBeUndefined();
      expect(res.status).toBe(204);

      const [newest] = ((await (await h.call('GET', page(1, '?pageSize=1'))).json()) as AdminAccountList).items;
      expect(newest).toMatchObject({ email: 'Grace.Hopper@ScaiKey.test', fullName: 'Grace Hopper', createdAt: h.ctx.now().toISOString() });

      // In /users/ and the pickers, in the platform tenant, found by email as the console does.
      const users = await expectContract<UserList>(await h.call('GET', '/api/v1/admin/users/?search=grace.hopper@scaikey.test'), 'get', '/api/v1/admin/users/');
      expect(users.items).toHaveLength(1);
      const user = users.items[0]!;
      expect(user).toMatchObject<Partial<User>>({
        email: 'Grace.Hopper@ScaiKey.test',
        first_name: 'Grace',
        last_name: 'Hopper',
        display_name: 'Grace Hopper',
        status: 'ACTIVE',
        tenant_id: PLATFORM_TENANT.id,
        last_login_at: null,
      });
      expect(await (await h.call('GET', `/api/v1/admin/admin-roles/user/${user.id}`)).json()).toEqual([]);
      const [row] = await h.ctx.db.query<{ password_hash: string; account_user: string }>(
        'SELECT u.password_hash, a.user_id AS account_user FROM users u JOIN admin_accounts a ON a.user_id = u.id WHERE a.id = $1',
        [newest!.id],
      );
      expect(row!.account_user).toBe(user.id);
      expect(row!.password_hash).toMatch(/^scrypt\$/);
      expect(row!.password_hash).not.toContain(GOOD_PASSWORD);
      expect(await verifyPassword(GOOD_PASSWORD, row!.password_hash)).toBe(true);
    });

    it('refuses an email already taken, in any case: by an admin account wherever its user lives, or by a live platform user', async () => {
      const staffer = 'not.an.account@scaikey-platform.example';
      await h.ctx.db.query(
        `INSERT INTO users (id, email, tenant_id, status) VALUES ('usr_platformnoaccount0001', $1, $2, 'ACTIVE')`,
        [staffer, PLATFORM_TENANT.id],
      );
      for (const email of ['ROOT@scaikey.test', SEED_ACCOUNTS.tenantAdmin.email, staffer.toUpperCase()]) {
        const res = await h.call('POST', CREATE, { body: newAccount({ email }) });
        expect(await expectContract(res, 'post', CREATE), email).toEqual(EMAIL_EXISTS);
        expect(res.status).toBe(400);
      }
      // Another tenant's user who is no admin account does not block it (Ana Lima is Acme's).
      expect((await h.call('POST', CREATE, { body: newAccount({ email: ANA_LIMA.email.toUpperCase() }) })).status).toBe(204);
      const [{ n }] = (await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE lower(email) = $1', [ANA_LIMA.email])) as [{ n: number }];
      expect(n).toBe(2);
    });

    it('enforces the password rule itself, whatever the client checked', async () => {
      for (const password of ['Sh0rt!', 'nouppercase1!', 'NOLOWERCASE1!', 'No-Digits-Here!', 'NoSpecial123', '        ', '']) {
        const res = await h.call('POST', CREATE, { body: newAccount({ password }) });
        expect(await expectContract(res, 'post', CREATE), password).toEqual(WEAK);
        expect(res.status).toBe(400);
      }
      for (const password of ['Passw0rd!', 'Ünïcødé 1x', 'Ab1 cdef', `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH - 4)}`]) {
        expect((await h.call('POST', CREATE, { body: newAccount({ password }) })).status, password).toBe(204);
      }
    });

    it('says the same rule as the contract (one rule, not two)', () => {
      const doc = parseYaml(readFileSync(new URL('../../openapi/scaikey-admin.yaml', import.meta.url), 'utf8')) as {
        components: { schemas: { AdminAccountCreate: { properties: { password: { pattern: string; minLength: number; maxLength: number } } } } };
      };
      const rule = doc.components.schemas.AdminAccountCreate.properties.password;
      expect([rule.minLength, rule.maxLength]).toEqual([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]);
      const pattern = new RegExp(rule.pattern, 'u');
      const samples = ['Passw0rd!', 'passw0rd!', 'PASSW0RD!', 'Password!', 'Passw0rdd', 'Pa0!', 'Ünïcødé 1x', 'ÄÖÜ1äöü\n', 'Aa1²aaaa', 'Aa٣!aaaa', 'A\u{1D7D9}a!aaaa', '        ', 'Aa1!'.repeat(64), 'Aa1!'.repeat(65)];
      for (const p of samples) {
        const length = [...p].length;
        const contract = length >= rule.minLength && length <= rule.maxLength && pattern.test(p);
        expect(meetsPasswordRules(p) && length <= PASSWORD_MAX_LENGTH, JSON.stringify(p)).toBe(contract);
      }
    });

    it('trims first and last name and takes 1–100 characters of each', async () => {
      expect((await h.call('POST', CREATE, { body: newAccount({ firstName: 'É'.repeat(100), lastName: '  L  ' }) })).status).toBe(204);
      await expect400(await h.call('POST', CREATE, { body: newAccount({ firstName: '   ' }) }), 'post', CREATE, 'firstName');
      await expect400(await h.call('POST', CREATE, { body: newAccount({ lastName: '' }) }), 'post', CREATE, 'lastName');
      await expect400(await h.call('POST', CREATE, { body: newAccount({ lastName: 'x'.repeat(101) }) }), 'post', CREATE, 'lastName');
    });

    it.each([
      ['a missing email', { email: undefined }, 'email'],
      ['a missing password', { password: undefined }, 'password'],
      ['a missing firstName', { firstName: undefined }, 'firstName'],
      ['a missing lastName', { lastName: undefined }, 'lastName'],
      ['an email that is not one', { email: 'not-an-email' }, 'email'],
      ['an email too long', { email: `${'a'.repeat(250)}@x.io` }, 'email'],
      ['a number for email', { email: 42 }, 'email'],
      ['null for password', { password: null }, 'password'],
      ['a list for firstName', { firstName: ['Ada'] }, 'firstName'],
      ['a password over 256 characters', { password: `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH)}` }, 'password'],
      ['NUL in a name', { firstName: 'Ada\u0000' }, 'firstName'],
      ['NUL in the password', { password: 'Passw0rd!\u0000' }, 'password'],
      ['a lone surrogate in the email', { email: 'a\ud800@x.io' }, 'email'],
      ['a field the API does not know', { role: 'SUPER_ADMIN' }, 'role'],
    ])('answers %s with a 400 naming the field, and never echoes the password', async (_what, overrides, field) => {
      const detail = await expect400(await h.call('POST', CREATE, { body: newAccount(overrides) }), 'post', CREATE, field);
      expect(detail).not.toContain('Passw0rd');
      expect(detail).not.toContain(GOOD_PASSWORD);
    });

    it.each([
      ['not JSON', '{"email": '],
      ['an empty body', ''],
      ['a JSON array', '[]'],
      ['a JSON string', '"admin"'],
      ['JSON nested too deep', `${'['.repeat(40)}${']'.repeat(40)}`],
    ])('answers %s with a 400 about the request body', async (_what, raw) => {
      const res = await h.call('POST', CREATE, { raw });
      const body = await expectContract<HTTPError>(res, 'post', CREATE);
      expect(res.status).toBe(400);
      expect(body.detail).toMatch(/^Request body: /);
    });

    it('answers a body over 1 MB with 413 and creates nothing', async () => {
      const res = await h.call('POST', CREATE, { body: newAccount({ lastName: 'x'.repeat(1024 * 1024) }) });
      expect(await expectContract(res, 'post', CREATE)).toEqual({ detail: 'Request body too large: at most 1 MB' });
      expect(res.status).toBe(413);
    });

    it('answers 503 with Retry-After when too many passwords are being hashed, and creates nothing', async () => {
      vi.mocked(hashPassword).mockRejectedValueOnce(new PasswordBusyError());
      const body = newAccount();
      const res = await h.call('POST', CREATE, { body });
      expect(await expectContract(res, 'post', CREATE)).toEqual({ detail: expect.stringMatching(/try again/) });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect((await allAccounts(h)).some((a) => a.email === body.email)).toBe(false);
      expect((await h.call('POST', CREATE, { body })).status).toBe(204);
    });

    it('lets a deleted account’s email be used again', async () => {
      const gone = await createAccount(h);
      expect((await h.call('DELETE', one(gone.id))).status).toBe(204);
      expect((await h.call('POST', CREATE, { body: newAccount({ email: gone.email.toUpperCase() }) })).status).toBe(204);
    });
  });

  describe('DELETE /api/admins/{adminId}', () => {
    it('answers 204, revokes every role, removes the user, and is permanent (404 after)', async () => {
      const account = await createAccount(h);
      await grantSuperAdmin(h, account.userId);
      const tenantRole = await h.call('POST', '/api/v1/admin/admin-roles/', { body: { user_id: account.userId, role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id } });
      expect(tenantRole.status).toBe(201);
      const before = await h.call('GET', page(1, '?pageSize=1'));
      const { totalCount } = (await before.json()) as AdminAccountList;

      const res = await h.call('DELETE', one(account.id.toUpperCase()));
      expect(await expectContract(res, 'delete', ONE)).toBeUndefined();
      expect(res.status).toBe(204);

      expect(((await (await h.call('GET', page(1, '?pageSize=1'))).json()) as AdminAccountList).totalCount).toBe(totalCount - 1);
      expect((await allAccounts(h)).some((a) => a.id === account.id)).toBe(false);
      expect((await h.call('GET', `/api/v1/admin/users/${account.userId}`)).status).toBe(404);
      expect(((await (await h.call('GET', `/api/v1/admin/users/?search=${account.email}`)).json()) as UserList).items).toEqual([]);
      const roles = await h.ctx.db.query<{ deleted_at: string | null }>('SELECT deleted_at FROM admin_roles WHERE user_id = $1', [account.userId]);
      expect(roles).toHaveLength(2);
      expect(roles.every((r) => r.deleted_at === TEST_NOW.toISOString())).toBe(true);
      expect(await h.ctx.db.query('SELECT 1 FROM admin_accounts WHERE id = $1', [account.id])).toEqual([]);

      const again = await h.call('DELETE', one(account.id));
      expect(await expectContract(again, 'delete', ONE)).toEqual({ detail: 'Admin not found' });
      expect(again.status).toBe(404);
    });

    it.each([
      ['an unknown GUID', '6f1c2f1e-0000-4000-8000-000000000000'],
      ['an id that is no GUID', 'not-a-guid'],
      ['a user id', SEED_ACCOUNTS.expiredAdmin.id],
      ['a role id', SEED_ROLE_IDS.expiredAdmin],
    ])('answers %s with 404 "Admin not found"', async (_what, id) => {
      const res = await h.call('DELETE', one(id));
      expect(await expectContract(res, 'delete', ONE)).toEqual({ detail: 'Admin not found' });
      expect(res.status).toBe(404);
    });

    it('refuses to delete your own account with a 400, and nothing changes', async () => {
      const res = await h.call('DELETE', one(SEED_ADMIN_ACCOUNT_IDS.root));
      expect(await expectContract(res, 'delete', ONE)).toEqual({ detail: 'Cannot delete your own admin account' });
      expect(res.status).toBe(400);
      expect((await allAccounts(h)).some((a) => a.id === SEED_ADMIN_ACCOUNT_IDS.root)).toBe(true);
      expect((await h.call('GET', `/api/v1/admin/admin-roles/${SEED_ROLE_IDS.root}`)).status).toBe(200);
      expect((await h.call('GET', page(1))).status).toBe(200);
    });

    it('turns the deleted admin’s access token away at its next call (401), on both APIs', async () => {
      const account = await createAccount(h);
      await grantSuperAdmin(h, account.userId);
      const token = await tokenOf(h, account.userId);
      expect((await h.call('GET', page(1), { token })).status).toBe(200);
      expect((await h.call('DELETE', one(account.id))).status).toBe(204);
      for (const path of [page(1), '/api/v1/admin/auth/me', '/api/v1/admin/admin-roles/']) {
        const res = await h.call('GET', path, { token });
        expect(res.status, path).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      }
    });

    it('deletes a seeded admin account too: Eve, whose role had expired', async () => {
      const res = await h.call('DELETE', one(SEED_ADMIN_ACCOUNT_IDS.expiredAdmin));
      expect(res.status).toBe(204);
      const [eve] = await h.ctx.db.query<{ deleted_at: string | null }>('SELECT deleted_at FROM users WHERE id = $1', [SEED_ACCOUNTS.expiredAdmin.id]);
      expect(eve?.deleted_at).toBe(TEST_NOW.toISOString());
    });

    it('answers the documented 500 when the delete fails, and changes nothing', async () => {
      const account = await createAccount(h);
      const spy = vi.spyOn(h.ctx.db, 'transaction').mockRejectedValueOnce(new Error('connection reset'));
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const res = await h.call('DELETE', one(account.id));
        expect(await expectContract(res, 'delete', ONE)).toEqual({ detail: 'Failed to delete admin account' });
        expect(res.status).toBe(500);
        expect(quiet).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
        quiet.mockRestore();
      }
      expect((await allAccounts(h)).some((a) => a.id === account.id)).toBe(true);
    });
  });
});

describe.each(ENGINES)('the Admins API under concurrency on %s', (engine) => {
  let h: ApiHarness;
  useHarnessOn(engine, (harness) => (h = harness));

  const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

  it('creates one account from 20 creations of one email at once (any case); the rest say "Email already exists"', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.call('POST', CREATE, { body: newAccount({ email: i % 2 ? 'race@scaikey.test' : 'RACE@scaikey.test' }) })),
    );
    expect(statuses(responses)).toEqual([204, ...Array<number>(19).fill(400)]);
    for (const r of responses.filter((r) => r.status === 400)) expect(await r.json()).toEqual(EMAIL_EXISTS);
    const [{ n }] = (await h.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE lower(email) = 'race@scaikey.test'")) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('deletes an account once when 20 deletes of it arrive at once; the rest are 404', async () => {
    const account = await createAccount(h);
    const responses = await Promise.all(Array.from({ length: 20 }, () => h.call('DELETE', one(account.id))));
    expect(statuses(responses)).toEqual([204, ...Array<number>(19).fill(404)]);
  });

  it('never leaves the platform without a Super Admin: two deleting each other at once, then the last one alone', async () => {
    const x = await createAccount(h);
    const y = await createAccount(h);
    await grantSuperAdmin(h, x.userId);
    await grantSuperAdmin(h, y.userId);
    // Only x and y hold Super Admin in force from here on.
    await h.ctx.db.query("UPDATE admin_roles SET is_active = false WHERE role = 'SUPER_ADMIN' AND user_id <> ALL($1::text[])", [[x.userId, y.userId]]);
    const [xToken, yToken] = await Promise.all([tokenOf(h, x.userId), tokenOf(h, y.userId)]);
    const responses = await Promise.all([h.call('DELETE', one(y.id), { token: xToken }), h.call('DELETE', one(x.id), { token: yToken })]);
    const codes = statuses(responses);
    expect(codes[0]).toBe(204);
    expect([400, 401]).toContain(codes[1]);
    const inForce = async () =>
      h.ctx.db.query<{ user_id: string }>(
        `SELECT r.user_id FROM admin_roles r JOIN users u ON u.id = r.user_id AND u.deleted_at IS NULL
          WHERE r.role = 'SUPER_ADMIN' AND r.deleted_at IS NULL AND r.is_active AND (r.expires_at IS NULL OR r.expires_at > $1)`,
        [TEST_NOW.toISOString()],
      );
    const survivors = await inForce();
    expect(survivors).toHaveLength(1);

    // Nobody else could ask to delete the last one (any other caller is a Super Admin too), so
    // the guard is called as the route calls it: refused, and nothing changed.
    const last = survivors[0]!.user_id === x.userId ? x : y;
    // A trail that would fail the test if used: the refusal comes before anything is recorded.
    const unusedTrail = new Proxy({}, { get: () => expect.unreachable('the refused delete touched the audit trail') }) as AuditTrail;
    await expect(removeAdminAccount(h.ctx.db, unusedTrail, last.id, TEST_NOW)).rejects.toMatchObject({ status: 400, detail: expect.stringMatching(/only Super Admin/) });
    expect(await inForce()).toEqual(survivors);
    expect(await h.ctx.db.query('SELECT 1 AS kept FROM admin_accounts WHERE id = $1', [last.id])).toHaveLength(1);
    expect((await h.call('DELETE', one(last.id), { token: last === x ? xToken : yToken })).status).toBe(400);
    // Root's Super Admin back, for the tests after this one.
    await h.ctx.db.query('UPDATE admin_roles SET is_active = true WHERE id = $1', [SEED_ROLE_IDS.root]);
  });

  it('reads a page of 2,000+ accounts through admin_accounts_newest in list order, joining only its own users', async () => {
    // The large seed's proportions: 2,100 accounts among 20,000 users.
    await h.ctx.db.query(
      `INSERT INTO users (id, email, first_name, last_name, tenant_id, created_at)
       SELECT 'usr_bulkaccount' || lpad(n::text, 5, '0'), 'bulk' || n || '@scaikey-platform.example', 'Bulk', 'Admin ' || n, $1,
              $2::timestamptz - n * interval '1 minute'
         FROM generate_series(1, 2100) AS n
       UNION ALL
       SELECT 'usr_bulkuser' || lpad(n::text, 5, '0'), 'bulk.user' || n || '@acme.example', 'Bulk', 'User ' || n, $3, $2::timestamptz
         FROM generate_series(1, 15000) AS n`,
      [PLATFORM_TENANT.id, TEST_NOW.toISOString(), ACME_TENANT.id],
    );
    await h.ctx.db.query(
      `INSERT INTO admin_accounts (id, user_id, created_at)
       SELECT gen_random_uuid(), id, created_at FROM users WHERE id LIKE 'usr_bulkaccount%'`,
    );
    await h.ctx.db.exec('ANALYZE users, admin_accounts');
    for (const offset of [0, 1000]) {
      const plan = (await h.ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${ADMIN_ACCOUNT_PAGE_SQL}`, [50, offset])).map((r) => r['QUERY PLAN']).join('\n');
      // The page is cut from the index before anything is joined; each of its users is one index look-up.
      expect(plan, plan).toMatch(/Limit .*\n\s*->\s+Index Only Scan using admin_accounts_newest/);
      expect(plan, plan).toMatch(/Index Scan using users_pkey/);
      expect(plan, plan).not.toMatch(/Sort|Seq Scan/);
    }
    const body = (await (await h.call('GET', page(21))).json()) as AdminAccountList;
    expect(body.totalCount).toBeGreaterThan(2000);
    const plain = await h.ctx.db.query<{ id: string }>('SELECT id FROM admin_accounts ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 1000');
    expect(body.items.map((a) => a.id)).toEqual(plain.map((a) => a.id));
  });
});

describe('an admin account’s life through the OIDC sign-in', () => {
  let o: Harness;
  let app: ReturnType<typeof createApp>;
  let rootToken: string;
  beforeAll(async () => {
    o = await createHarness();
    vi.stubGlobal('fetch', o.fetch);
    // The harness has its own small world: give it the platform tenant new accounts live in.
    await o.ctx.db.query('INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)', [PLATFORM_TENANT.id, PLATFORM_TENANT.name, PLATFORM_TENANT.slug]);
    app = createApp(o.ctx);
    rootToken = await signAccessToken(o.ctx, { sub: o.ids.superAdmin, scope: 'openid profile email', tenant_id: null, role: 'super_admin' });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await o.close();
  });

  const call = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  async function submitSignIn(email: string, password: string) {
    const client = o.client();
    const browser = o.browser();
    const request = await client.createSigninRequest({});
    const signInPage = await browser.get(request.url);
    const { loginId, action } = readSignInForm(await signInPage.text(), request.url);
    return { client, browser, res: await browser.postForm(action, { login_id: loginId, email, password }) };
  }

  it('signs in with its password holding no role, then after its delete can neither refresh, call, nor sign in again', async () => {
    const email = 'life.cycle@scaikey.test';
    expect((await call('POST', CREATE, rootToken, { email, password: GOOD_PASSWORD, firstName: 'Lif', lastName: 'Cycle' })).status).toBe(204);

    const { client, browser, res } = await submitSignIn(email, GOOD_PASSWORD);
    expect(res.status).toBe(303);
    const signedIn = await client.processSigninResponse(res.headers.get('location')!);
    expect(signedIn.profile).toMatchObject({ email, name: 'Lif Cycle' });
    expect(browser.cookies.has('scaikey_session')).toBe(true);
    const me = await call('GET', '/api/v1/admin/auth/me', signedIn.access_token);
    expect(await me.json()).toMatchObject({ email, display_name: 'Lif Cycle', role: null });
    // No role: the Admins API (and so the console) refuses it.
    expect((await call('GET', page(1), signedIn.access_token)).status).toBe(403);

    const list = (await (await call('GET', page(1), rootToken)).json()) as AdminAccountList;
    const account = list.items.find((a) => a.email === email)!;
    expect((await call('DELETE', one(account.id), rootToken)).status).toBe(204);

    const userId = signedIn.profile.sub;
    const tokens = await o.ctx.db.query<{ revoked_at: string | null }>('SELECT revoked_at FROM oauth_refresh_tokens WHERE user_id = $1', [userId]);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revoked_at !== null)).toBe(true);
    expect(await o.ctx.db.query('SELECT 1 FROM oauth_sessions WHERE user_id = $1', [userId])).toEqual([]);
    await expect(
      client.useRefreshToken({
        state: { refresh_token: signedIn.refresh_token!, id_token: signedIn.id_token, session_state: signedIn.session_state, scope: signedIn.scope, profile: signedIn.profile },
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await call('GET', '/api/v1/admin/auth/me', signedIn.access_token)).status).toBe(401);

    const again = await submitSignIn(email, GOOD_PASSWORD);
    expect(again.res.status).toBe(200);
    expect(await again.res.text()).toContain('Invalid email or password.');
  });
});
