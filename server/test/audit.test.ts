import type { components } from '../../src/lib/api/schema';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '../src/audit/audit-events';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS, SEED_ROLE_IDS } from '../src/seed/fixtures';
import { TEST_NOW, type ApiHarness, type CallOptions } from './support/api-harness';
import { expectContract } from './support/contract';
import { ENGINES, useHarnessOn } from './support/engines';
import { duplicateAdmins, spareUsers } from './support/seed-queries';

/**
 * Issue 15, the stand-in's side: every write through the Admin API and the Admins API leaves an
 * entry (refused ones as failures, with the reason), in the change's own transaction; secrets never
 * appear; the log is served with every documented filter, newest first, Super Admins only.
 */

type AuditEvent = components['schemas']['AuditEvent'];
type AuditEventList = components['schemas']['AuditEventList'];
type Tenant = components['schemas']['Tenant'];

const LOG = '/api/v1/admin/audit/';
const TENANTS = '/api/v1/admin/tenants/';
const ROLES = '/api/v1/admin/admin-roles/';
const tenantUrl = (id: string) => `/api/v1/admin/tenants/${id}`;
const roleUrl = (id: string) => `/api/v1/admin/admin-roles/${id}`;

const ROOT = SEED_ACCOUNTS.root;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(seq += 1)}`;

describe.each(ENGINES)('the audit log on %s', (engine) => {
  let h: ApiHarness;
  useHarnessOn(engine, (harness) => (h = harness));
  const userWithoutRoles = spareUsers(() => h.ctx.db);

  /** Sends a request with a user agent, and returns the entries it left (by the X-Request-Id it was given). */
  async function traced(method: string, path: string, options: CallOptions = {}): Promise<{ res: Response; entries: AuditEvent[] }> {
    const res = await h.call(method, path, { ...options, headers: { 'User-Agent': UA, ...options.headers } });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const ids = await h.ctx.db.query<{ id: string }>('SELECT id FROM audit_events WHERE request_id = $1 ORDER BY action', [requestId]);
    const entries = await Promise.all(ids.map(async ({ id }) => expectContract<AuditEvent>(await h.call('GET', `${LOG}${id}`), 'get', '/api/v1/admin/audit/{event_id}')));
    return { res, entries };
  }

  async function newTenant(): Promise<Tenant> {
    const slug = unique('audit');
    const res = await h.call('POST', TENANTS, { body: { name: `Audit ${slug}`, slug } });
    expect(res.status).toBe(201);
    return (await res.json()) as Tenant;
  }

  async function list(query: Record<string, string>, as: CallOptions['as'] = 'superAdmin'): Promise<AuditEventList> {
    const res = await h.call('GET', `${LOG}?${new URLSearchParams(query).toString()}`, { as });
    expect(res.status).toBe(200);
    return expectContract<AuditEventList>(res, 'get', LOG);
  }

  describe('recording tenant writes', () => {
    it('a create: who, what, where from, and every field as null → value', async () => {
      const slug = unique('created');
      const { res, entries } = await traced('POST', TENANTS, {
        body: { name: 'Created Co', slug, settings: { session_timeout: 60 } },
        headers: { 'X-Forwarded-For': '203.0.113.7' },
      });
      expect(res.status).toBe(201);
      const tenant = (await res.json()) as Tenant;
      expect(entries).toEqual([
        expect.objectContaining({
          id: expect.stringMatching(/^aud_/),
          occurred_at: TEST_NOW.toISOString(),
          actor_id: ROOT.id,
          actor_email: ROOT.email,
          action: 'tenant.created',
          resource_type: 'tenant',
          resource_id: tenant.id,
          resource_name: 'Created Co',
          tenant_id: tenant.id,
          partner_id: null,
          result: 'success',
          status_code: 201,
          user_agent: UA,
          // Not behind a trusted proxy: a forged X-Forwarded-For is not believed (no socket here).
          ip_address: null,
          detail: null,
        }),
      ]);
      expect(entries[0]!.changes).toMatchObject({
        name: { before: null, after: 'Created Co' },
        slug: { before: null, after: slug },
        'settings.session_timeout': { before: null, after: 60 },
      });
      expect(Object.keys(entries[0]!.changes!)).not.toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at']));
    });

    it('records the proxy-given address only when told to trust the proxy', async () => {
      h.ctx.config.trustForwardedFor = true;
      try {
        const tenant = await newTenant();
        const { entries } = await traced('PATCH', tenantUrl(tenant.id), { body: { name: 'Proxied' }, headers: { 'X-Forwarded-For': '198.51.100.1, 203.0.113.9' } });
        expect(entries[0]?.ip_address).toBe('203.0.113.9');
      } finally {
        h.ctx.config.trustForwardedFor = false;
      }
    });

    it('a settings-only save is tenant.settings_updated with only the fields that changed, before → after', async () => {
      const tenant = await newTenant();
      const settings = { ...tenant.settings, session_timeout: 60, password_policy: { ...tenant.settings.password_policy, min_length: 12 } };
      const { res, entries } = await traced('PATCH', tenantUrl(tenant.id), { body: { settings } });
      expect(res.status).toBe(200);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'tenant.settings_updated', result: 'success', status_code: 200, resource_name: tenant.name });
      expect(entries[0]!.changes).toEqual({
        'settings.session_timeout': { before: tenant.settings.session_timeout, after: 60 },
        'settings.password_policy.min_length': { before: tenant.settings.password_policy?.min_length, after: 12 },
      });
    });

    it('a rename is tenant.updated under the new name; the old one is in its changes', async () => {
      const tenant = await newTenant();
      const { entries } = await traced('PATCH', tenantUrl(tenant.id), { body: { name: 'Renamed Co', status: 'SUSPENDED' } });
      expect(entries[0]).toMatchObject({ action: 'tenant.updated', resource_name: 'Renamed Co' });
      expect(entries[0]!.changes).toEqual({
        name: { before: tenant.name, after: 'Renamed Co' },
        status: { before: 'ACTIVE', after: 'SUSPENDED' },
      });
    });

    it('a delete keeps its entry, and the entries keep the name, after the tenant is gone', async () => {
      const tenant = await newTenant();
      h.clock.advance(1000);
      const { res, entries } = await traced('DELETE', tenantUrl(tenant.id)).finally(() => h.clock.reset());
      expect(res.status).toBe(204);
      expect(entries).toEqual([expect.objectContaining({ action: 'tenant.deleted', resource_id: tenant.id, resource_name: tenant.name, status_code: 204, changes: null })]);
      const history = await list({ resource_id: tenant.id });
      expect(history.items.map((e) => e.action)).toEqual(['tenant.deleted', 'tenant.created']);
    });
  });

  describe('recording refused attempts as failures, with the reason', () => {
    it('a duplicate slug: 409, the name tried, nothing created', async () => {
      const { entries } = await traced('POST', TENANTS, { body: { name: 'Second Acme', slug: ACME_TENANT.slug } });
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'tenant.created',
          result: 'failure',
          status_code: 409,
          resource_id: null,
          resource_name: 'Second Acme',
          detail: `A tenant with slug '${ACME_TENANT.slug}' already exists`,
          changes: null,
        }),
      ]);
    });

    it('a 422 names the fields and the rule, never the values sent', async () => {
      const { res, entries } = await traced('POST', TENANTS, { body: { name: 'Bad', slug: 'Not A Slug!! s3cr3t-value', contact_email: 'nope' } });
      expect(res.status).toBe(422);
      expect(entries[0]).toMatchObject({ result: 'failure', status_code: 422, action: 'tenant.created' });
      expect(entries[0]!.detail).toMatch(/^slug: /);
      expect(entries[0]!.detail).toMatch(/contact_email: /);
      expect(JSON.stringify(entries[0])).not.toContain('s3cr3t-value');
    });

    it('a 403 for a Tenant Admin, as that admin, on the tenant by its name', async () => {
      const { res, entries } = await traced('PATCH', tenantUrl(ACME_TENANT.id), { as: 'tenantAdmin', body: { name: 'Mine now' } });
      expect(res.status).toBe(403);
      expect(entries).toEqual([
        expect.objectContaining({
          actor_id: SEED_ACCOUNTS.tenantAdmin.id,
          action: 'tenant.updated',
          result: 'failure',
          status_code: 403,
          resource_id: ACME_TENANT.id,
          resource_name: ACME_TENANT.name,
          detail: 'Only Super Admins can manage tenants',
        }),
      ]);
    });

    it('a 404 and a 412 carry the id asked for and the reason', async () => {
      const missing = await traced('DELETE', tenantUrl('tnt_doesnotexist'));
      expect(missing.entries).toEqual([expect.objectContaining({ action: 'tenant.deleted', result: 'failure', status_code: 404, resource_id: 'tnt_doesnotexist', resource_name: null, detail: 'Tenant not found' })]);
      const tenant = await newTenant();
      const stale = await traced('PATCH', tenantUrl(tenant.id), { body: { settings: { ...tenant.settings, session_timeout: 90 } }, headers: { 'If-Match': '"stale"' } });
      expect(stale.res.status).toBe(412);
      expect(stale.entries).toEqual([expect.objectContaining({ action: 'tenant.settings_updated', result: 'failure', status_code: 412, resource_name: tenant.name })]);
    });

    it('no token: a 401 and no entry, as there is nobody to record', async () => {
      const before = await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
      expect((await h.call('POST', TENANTS, { as: null, body: { name: 'x', slug: unique('anon') } })).status).toBe(401);
      expect(await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).toEqual(before);
    });
  });

  describe('what the log will not take from a client', () => {
    it('a request id of its own: the stand-in makes every id, so nobody can point at someone else\'s request', async () => {
      const tenant = await newTenant();
      const { res, entries } = await traced('PATCH', tenantUrl(tenant.id), { body: { name: 'Renamed again' }, headers: { 'X-Request-Id': 'forged-id' } });
      expect(res.headers.get('x-request-id')).not.toBe('forged-id');
      expect(entries.map((e) => e.request_id)).toEqual([res.headers.get('x-request-id')]);
    });

    it('a secret kept among the settings: recorded as "set", never as itself', async () => {
      const tenant = await newTenant();
      const settings = { ...tenant.settings, smtp: { host: 'mail.example', password: 'smtp-pa55-value' }, webhook_secret: 'whsec-value', credentials: { user: 'u', key: 'cred-value' } };
      const first = await traced('PATCH', tenantUrl(tenant.id), { body: { settings } });
      expect(first.entries[0]!.changes).toEqual({
        'settings.smtp.host': { before: null, after: 'mail.example' },
        'settings.smtp.password': { before: null, after: 'set' },
        'settings.webhook_secret': { before: null, after: 'set' },
        'settings.credentials': { before: null, after: 'set' },
      });
      const second = await traced('PATCH', tenantUrl(tenant.id), { body: { settings: { ...settings, smtp: { host: 'mail.example', password: 'other-pa55' }, webhook_secret: undefined } } });
      expect(second.entries[0]!.changes).toEqual({
        'settings.smtp.password': { before: 'set', after: 'set' },
        'settings.webhook_secret': { before: 'set', after: null },
      });
      for (const value of ['smtp-pa55-value', 'whsec-value', 'cred-value', 'other-pa55']) {
        expect(await h.ctx.db.query('SELECT id FROM audit_events t WHERE strpos(t::text, $1) > 0', [value]), value).toEqual([]);
      }
    });
  });

  describe('two deletes of one thing at once', () => {
    it('one succeeds and is recorded; the other is a 404 and a failure, not a second success', async () => {
      const tenant = await newTenant();
      const both = await Promise.all([traced('DELETE', tenantUrl(tenant.id)), traced('DELETE', tenantUrl(tenant.id))]);
      expect(both.map((t) => t.res.status).sort()).toEqual([204, 404]);
      const history = await list({ resource_id: tenant.id, action: 'tenant.deleted' });
      expect(history.items.map((e) => e.result).sort()).toEqual(['failure', 'success']);
    });
  });

  describe('recording role assignments', () => {
    it('assign, change and revoke, each named "<role> of <scope> for <person>"', async () => {
      const userId = await userWithoutRoles();
      const [user] = await h.ctx.db.query<{ name: string }>("SELECT coalesce(nullif(display_name, ''), email) AS name FROM users WHERE id = $1", [userId]);
      const name = `Tenant Admin of ${ACME_TENANT.name} for ${user!.name}`;
      const assigned = await traced('POST', ROLES, { body: { user_id: userId, role: 'TENANT_ADMIN', tenant_id: ACME_TENANT.id } });
      const role = (await assigned.res.json()) as { id: string };
      expect(assigned.entries).toEqual([
        expect.objectContaining({ action: 'admin_role.assigned', resource_type: 'admin_role', resource_id: role.id, resource_name: name, tenant_id: ACME_TENANT.id, status_code: 201 }),
      ]);
      expect(assigned.entries[0]!.changes).toMatchObject({ role: { before: null, after: 'TENANT_ADMIN' }, user_id: { before: null, after: userId }, is_active: { before: null, after: true } });

      h.clock.advance(1000);
      const changed = await traced('PATCH', roleUrl(role.id), { body: { is_active: false } });
      expect(changed.entries).toEqual([expect.objectContaining({ action: 'admin_role.updated', resource_name: name, changes: { is_active: { before: true, after: false } } })]);

      h.clock.advance(1000);
      const revoked = await traced('DELETE', `${roleUrl(role.id)}?cleanup_orphaned_user=false`).finally(() => h.clock.reset());
      expect(revoked.entries).toEqual([expect.objectContaining({ action: 'admin_role.revoked', resource_id: role.id, resource_name: name, status_code: 204 })]);
      expect((await list({ resource_id: role.id })).items.map((e) => e.action)).toEqual(['admin_role.revoked', 'admin_role.updated', 'admin_role.assigned']);
    });

    it('a revoke that removes an orphaned user records that too, in the same request', async () => {
      const [target] = await duplicateAdmins(h.ctx.db);
      const { entries } = await traced('DELETE', roleUrl(target!.role_id));
      expect(entries.map((e) => [e.action, e.resource_id])).toEqual([
        ['admin_role.revoked', target!.role_id],
        ['user.removed_as_orphan', target!.user_id],
      ]);
    });

    it('revoking your own Super Admin role is recorded as refused', async () => {
      const { entries } = await traced('DELETE', roleUrl(SEED_ROLE_IDS.root));
      expect(entries).toEqual([
        expect.objectContaining({ action: 'admin_role.revoked', result: 'failure', status_code: 400, resource_name: `Super Admin for ${ROOT.firstName} ${ROOT.lastName}`, detail: 'You cannot revoke your own Super Admin role' }),
      ]);
    });
  });

  describe('recording admin accounts, never their passwords', () => {
    const password = 'Xy9!never-in-the-log';

    it('create and delete; the password is "set", and appears nowhere in the log', async () => {
      const email = `${unique('acct')}@audit.example`;
      const created = await traced('POST', '/api/admins', { body: { email, password, firstName: 'Audra', lastName: 'Account' } });
      expect(created.res.status).toBe(204);
      expect(created.entries).toEqual([
        expect.objectContaining({ action: 'admin_account.created', resource_type: 'admin_account', resource_name: `Audra Account (${email})`, tenant_id: PLATFORM_TENANT.id, status_code: 204 }),
      ]);
      expect(created.entries[0]!.changes).toEqual({
        email: { before: null, after: email },
        first_name: { before: null, after: 'Audra' },
        last_name: { before: null, after: 'Account' },
        password: { before: null, after: 'set' },
      });
      const accountId = created.entries[0]!.resource_id!;
      // A Super Admin role for it, so deleting the account revokes one.
      const [user] = await h.ctx.db.query<{ user_id: string }>('SELECT user_id FROM admin_accounts WHERE id = $1::uuid', [accountId]);
      const role = (await (await h.call('POST', ROLES, { body: { user_id: user!.user_id, role: 'SUPER_ADMIN' } })).json()) as { id: string };

      const weak = await traced('POST', '/api/admins', { body: { email: `${unique('weak')}@audit.example`, password: 'weakpass-secret', firstName: 'W', lastName: 'P' } });
      expect(weak.entries).toEqual([expect.objectContaining({ result: 'failure', status_code: 400, detail: 'Password does not meet security requirements' })]);

      const deleted = await traced('DELETE', `/api/admins/${accountId}`);
      expect(deleted.res.status).toBe(204);
      expect(deleted.entries.map((e) => [e.action, e.resource_id])).toEqual([
        ['admin_account.deleted', accountId],
        ['admin_role.revoked', role.id],
      ]);
      expect(deleted.entries[0]!.resource_name).toBe(`Audra Account (${email})`);

      for (const secret of [password, 'weakpass-secret']) {
        const rows = await h.ctx.db.query('SELECT id FROM audit_events t WHERE strpos(t::text, $1) > 0', [secret]);
        expect(rows, `"${secret}" in the audit log`).toEqual([]);
      }
    });
  });

  describe('one transaction: no change without its entry', () => {
    const breakTheLog = () =>
      h.ctx.db.exec(`
        CREATE OR REPLACE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$;
        CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse();`);
    const mendTheLog = () => h.ctx.db.exec('DROP TRIGGER IF EXISTS audit_refuse ON audit_events; DROP FUNCTION IF EXISTS audit_refuse();');

    it('when the entry cannot be written, the client gets a 500 and the change is rolled back', async () => {
      const tenant = await newTenant();
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await breakTheLog();
      try {
        const patch = await h.call('PATCH', tenantUrl(tenant.id), { body: { name: 'Never saved', settings: { ...tenant.settings, session_timeout: 15 } } });
        expect(patch.status).toBe(500);
        const slug = unique('never');
        expect((await h.call('POST', TENANTS, { body: { name: 'Never created', slug } })).status).toBe(500);
        expect((await h.call('DELETE', tenantUrl(tenant.id))).status).toBe(500);
        const userId = await userWithoutRoles();
        expect((await h.call('POST', ROLES, { body: { user_id: userId, role: 'SUPER_ADMIN' } })).status).toBe(500);
        expect((await h.call('PATCH', roleUrl(SEED_ROLE_IDS.anaLima), { body: { is_active: false } })).status).toBe(500);
        expect((await h.call('DELETE', `${roleUrl(SEED_ROLE_IDS.anaLima)}?cleanup_orphaned_user=false`)).status).toBe(500);
        const email = `${unique('never')}@audit.example`;
        expect((await h.call('POST', '/api/admins', { body: { email, password: 'Xy9!long-enough', firstName: 'N', lastName: 'V' } })).status).toBe(500);
        const [account] = await h.ctx.db.query<{ id: string }>('SELECT id FROM admin_accounts ORDER BY created_at DESC LIMIT 1');
        expect((await h.call('DELETE', `/api/admins/${account!.id}`)).status).toBe(500);

        await mendTheLog();
        const after = (await (await h.call('GET', tenantUrl(tenant.id))).json()) as Tenant;
        expect(after).toEqual(tenant);
        expect((await h.call('GET', `${TENANTS}?search=${slug}`)).status).toBe(200);
        expect(((await (await h.call('GET', `${TENANTS}?search=${slug}`)).json()) as { total: number }).total).toBe(0);
        expect(((await (await h.call('GET', `${ROLES}?user_id=${userId}`)).json()) as { total: number }).total).toBe(0);
        expect(await (await h.call('GET', roleUrl(SEED_ROLE_IDS.anaLima))).json()).toMatchObject({ is_active: true });
        expect(await h.ctx.db.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email])).toEqual([]);
        expect(await h.ctx.db.query('SELECT 1 FROM admin_accounts WHERE id = $1::uuid', [account!.id])).toHaveLength(1);
        expect(logged).toHaveBeenCalled();
      } finally {
        await mendTheLog();
        logged.mockRestore();
      }
    });

    it('when the change fails, its entry goes with it: only the failure is left', async () => {
      const tenant = await newTenant();
      // Two saves of the same ETag: the second must not leave a success entry behind its 412.
      const etag = (await h.call('GET', tenantUrl(tenant.id))).headers.get('etag')!;
      await traced('PATCH', tenantUrl(tenant.id), { body: { name: 'First save' }, headers: { 'If-Match': etag } });
      const second = await traced('PATCH', tenantUrl(tenant.id), { body: { name: 'Second save' }, headers: { 'If-Match': etag } });
      expect(second.entries.map((e) => e.result)).toEqual(['failure']);
    });
  });

  describe('reading the log', () => {
    it('filters by each documented parameter, combined, newest first, paginated', async () => {
      const tenant = await newTenant();
      h.clock.advance(60_000);
      await h.call('PATCH', tenantUrl(tenant.id), { body: { name: `${tenant.name} 2` } });
      h.clock.advance(60_000);
      await h.call('PATCH', tenantUrl(tenant.id), { as: 'tenantAdmin', body: { name: 'refused' } });
      const start = TEST_NOW.toISOString();
      try {
        const all = await list({ resource_id: tenant.id });
        expect(all.items.map((e) => e.action)).toEqual(['tenant.updated', 'tenant.updated', 'tenant.created']);
        expect(all.items.map((e) => e.result)).toEqual(['failure', 'success', 'success']);
        expect(all.total).toBe(3);
        const times = all.items.map((e) => Date.parse(e.occurred_at));
        expect([...times].sort((a, b) => b - a)).toEqual(times);

        expect((await list({ resource_id: tenant.id, result: 'failure' })).items).toHaveLength(1);
        expect((await list({ resource_id: tenant.id, actor_id: SEED_ACCOUNTS.tenantAdmin.id })).items).toHaveLength(1);
        expect((await list({ resource_id: tenant.id, actor_email: ROOT.email.toUpperCase() })).items).toHaveLength(2);
        expect((await list({ resource_id: tenant.id, action: 'tenant.created' })).items).toHaveLength(1);
        expect((await list({ tenant_id: tenant.id, resource_type: 'tenant' })).total).toBe(3);
        expect((await list({ tenant_id: tenant.id, resource_type: 'admin_role' })).total).toBe(0);
        // start inclusive, end exclusive
        const t1 = new Date(TEST_NOW.getTime() + 60_000).toISOString();
        expect((await list({ resource_id: tenant.id, start_time: t1 })).items.map((e) => e.occurred_at)).toHaveLength(2);
        expect((await list({ resource_id: tenant.id, start_time: start, end_time: t1 })).items).toHaveLength(1);
        const paged = await list({ resource_id: tenant.id, per_page: '2', page: '2' });
        expect(paged).toMatchObject({ total: 3, page: 2, per_page: 2, pages: 2 });
        expect(paged.items.map((e) => e.action)).toEqual(['tenant.created']);
        expect((await list({ ip_address: '192.0.2.250', resource_id: tenant.id })).total).toBe(0);
        expect((await list({ partner_id: FIRST_PARTNER_ID, resource_id: tenant.id })).total).toBe(0);

        const everyFilter = await list({
          tenant_id: tenant.id, actor_id: ROOT.id, actor_email: ROOT.email, action: 'tenant.updated', resource_type: 'tenant',
          resource_id: tenant.id, result: 'success', start_time: start, end_time: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(),
        });
        expect(everyFilter.items.map((e) => e.resource_name)).toEqual([`${tenant.name} 2`]);
      } finally {
        h.clock.reset();
      }
    });

    it('past 10,000 matches says the total is only a lower bound, and still serves the deeper pages', async () => {
      // 10,050 entries in a year nothing else is in, by one INSERT ... SELECT.
      await h.ctx.db.query(
        `INSERT INTO audit_events (id, occurred_at, actor_id, actor_email, action, resource_type, result, status_code)
         SELECT 'aud_cap' || n, timestamptz '2001-01-01T00:00:00Z' + n * interval '1 minute', $1, $2, 'auth.sign_in_succeeded', 'session', 'success', 303
           FROM generate_series(1, 10050) AS n`,
        [ROOT.id, ROOT.email],
      );
      const window = { start_time: '2001-01-01T00:00:00Z', end_time: '2002-01-01T00:00:00Z' };
      const first = await list({ ...window, per_page: '100' });
      expect(first).toMatchObject({ total: 10_000, total_capped: true, pages: 100 });
      expect(first.items[0]!.id).toBe('aud_cap10050');
      const deep = await list({ ...window, per_page: '100', page: '101' });
      expect(deep.items.map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => `aud_cap${50 - i}`));
      expect(deep.total_capped).toBe(true);
      const exact = await list({ ...window, end_time: '2001-01-02T00:00:00Z' });
      expect(exact).toMatchObject({ total: 1439, total_capped: false });
      await h.ctx.db.query("DELETE FROM audit_events WHERE id LIKE 'aud_cap%'");
    });

    it('filters by partner and by address', async () => {
      h.ctx.config.trustForwardedFor = true;
      try {
        const slug = unique('partnered');
        const res = await h.call('POST', TENANTS, { body: { name: 'Partnered', slug, partner_id: FIRST_PARTNER_ID }, headers: { 'X-Forwarded-For': '192.0.2.77' } });
        const tenant = (await res.json()) as Tenant;
        const byPartner = await list({ partner_id: FIRST_PARTNER_ID, resource_id: tenant.id });
        expect(byPartner.items.map((e) => e.action)).toEqual(['tenant.created']);
        const byAddress = await list({ ip_address: '192.0.2.77' });
        expect(byAddress.items.map((e) => e.resource_id)).toEqual([tenant.id]);
      } finally {
        h.ctx.config.trustForwardedFor = false;
      }
    });

    it('refuses bad filters the FastAPI way', async () => {
      for (const query of ['result=maybe', 'start_time=yesterday', 'per_page=101', 'start_time=2026-11-02T00:00:00Z&end_time=2026-11-01T00:00:00Z']) {
        const res = await h.call('GET', `${LOG}?${query}`);
        expect(res.status, query).toBe(422);
        await expectContract(res, 'get', LOG);
      }
    });

    it('serves one entry, the actions and the resource types; 404 for an unknown entry', async () => {
      const actions = await expectContract<string[]>(await h.call('GET', '/api/v1/admin/audit/actions'), 'get', '/api/v1/admin/audit/actions');
      expect(actions).toEqual([...AUDIT_ACTIONS]);
      const types = await expectContract<string[]>(await h.call('GET', '/api/v1/admin/audit/resource-types'), 'get', '/api/v1/admin/audit/resource-types');
      expect(types).toEqual([...AUDIT_RESOURCE_TYPES]);
      const res = await h.call('GET', `${LOG}aud_nothing`);
      expect(res.status).toBe(404);
      await expectContract(res, 'get', '/api/v1/admin/audit/{event_id}');
    });

    it('is for Super Admins only: 401 without a token, 403 for other admins', async () => {
      const [entry] = await h.ctx.db.query<{ id: string }>('SELECT id FROM audit_events LIMIT 1');
      for (const path of [LOG, `${LOG}actions`, `${LOG}resource-types`, `${LOG}${entry!.id}`]) {
        expect((await h.call('GET', path, { as: null })).status).toBe(401);
        for (const as of ['tenantAdmin', 'partnerAdmin', 'expiredAdmin'] as const) {
          const res = await h.call('GET', path, { as });
          expect(res.status, `${as} ${path}`).toBe(403);
          expect(await res.json()).toEqual({ detail: 'Only Super Admins can view the audit log' });
        }
      }
    });
  });
});
