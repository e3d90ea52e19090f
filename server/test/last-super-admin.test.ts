import { SEED_ACCOUNTS, SEED_ROLE_IDS } from '../src/seed/fixtures';
import { CLAIMS, TEST_NOW, type ApiHarness } from './support/api-harness';
import { ENGINES, useHarnessOn } from './support/engines';

/**
 * Issue 11, item 4: nobody can lock everyone out. Your own Super Admin assignment cannot be
 * revoked, deactivated or given an expiry; no change may leave the platform without a Super
 * Admin in force, even when two admins act at the same moment (on both engines).
 */

const ROLES = '/api/v1/admin/admin-roles/';
const role = (id: string) => `/api/v1/admin/admin-roles/${id}`;
const inDays = (days: number) => new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString();
const EVE = SEED_ACCOUNTS.expiredAdmin.id;
const ROOT_ROLE = SEED_ROLE_IDS.root;

describe.each(ENGINES)('on %s', (engine) => {
  let h: ApiHarness;
  useHarnessOn(engine, (harness) => (h = harness));

  /** Eve, made Super Admin by root (optionally with an expiry); her assignment id and a token. */
  async function eveAsSuperAdmin(expiresAt?: string): Promise<{ id: string; token: string }> {
    const res = await h.call('POST', ROLES, { body: { user_id: EVE, role: 'SUPER_ADMIN', ...(expiresAt ? { expires_at: expiresAt } : {}) } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    return { id, token: await h.token({ ...CLAIMS.expiredAdmin, role: 'super_admin' }) };
  }

  /**
   * The seed has more Super Admins than root: set them aside (deactivated) so root and Eve are
   * the platform's only ones; the returned function puts them back.
   */
  async function onlyRootAndEve(): Promise<() => Promise<void>> {
    const others = await h.ctx.db.query<{ id: string }>(
      `UPDATE admin_roles SET is_active = false
        WHERE role = 'SUPER_ADMIN' AND deleted_at IS NULL AND is_active AND id <> $1 AND user_id <> $2
        RETURNING id`,
      [ROOT_ROLE, EVE],
    );
    return async () => {
      for (const { id } of others) await h.ctx.db.query('UPDATE admin_roles SET is_active = true WHERE id = $1', [id]);
    };
  }

  async function superAdminsInForce(): Promise<number> {
    const [row] = await h.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM admin_roles WHERE role = 'SUPER_ADMIN' AND deleted_at IS NULL AND is_active
         AND (expires_at IS NULL OR expires_at > $1)`,
      [TEST_NOW.toISOString()],
    );
    return row?.n ?? 0;
  }

  it('refuses an expiry on your own Super Admin assignment, as it refuses deactivating or revoking it', async () => {
    const expire = await h.call('PATCH', role(ROOT_ROLE), { body: { expires_at: inDays(30) } });
    expect(expire.status).toBe(400);
    expect(await expire.json()).toEqual({ detail: 'You cannot put an expiry on your own Super Admin role' });
    expect((await h.call('PATCH', role(ROOT_ROLE), { body: { is_active: false } })).status).toBe(400);
    expect((await h.call('DELETE', role(ROOT_ROLE))).status).toBe(400);
    // Clearing an expiry that is not there, or re-activating, is harmless and allowed.
    expect((await h.call('PATCH', role(ROOT_ROLE), { body: { expires_at: null } })).status).toBe(200);
    const stored = (await (await h.call('GET', role(ROOT_ROLE))).json()) as { is_active: boolean; expires_at: string | null };
    expect(stored).toMatchObject({ is_active: true, expires_at: null });
  });

  it('refuses an expiry on the last Super Admin without one, from another Super Admin', async () => {
    // Eve holds Super Admin for 10 days; root is the only one without an end date.
    const restore = await onlyRootAndEve();
    onTestFinished(restore);
    const eve = await eveAsSuperAdmin(inDays(10));
    const res = await h.call('PATCH', role(ROOT_ROLE), { token: eve.token, body: { expires_at: inDays(30) } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/only Super Admin role in force without an expiry/);
    // Once Eve's own role has no end date, root's may get one.
    expect((await h.call('PATCH', role(eve.id), { body: { expires_at: null } })).status).toBe(200);
    expect((await h.call('PATCH', role(ROOT_ROLE), { token: eve.token, body: { expires_at: inDays(30) } })).status).toBe(200);
    // Put things back: root's role permanent again, Eve's gone.
    expect((await h.call('PATCH', role(ROOT_ROLE), { token: eve.token, body: { expires_at: null } })).status).toBe(200);
    expect((await h.call('DELETE', `${role(eve.id)}?cleanup_orphaned_user=false`)).status).toBe(204);
  });

  it('two Super Admins revoking each other at the same moment: one wins, a Super Admin remains', async () => {
    const restore = await onlyRootAndEve();
    onTestFinished(restore);
    const eve = await eveAsSuperAdmin();
    const before = await superAdminsInForce();
    const [rootRevokesEve, eveRevokesRoot] = await Promise.all([
      h.call('DELETE', `${role(eve.id)}?cleanup_orphaned_user=false`),
      h.call('DELETE', `${role(ROOT_ROLE)}?cleanup_orphaned_user=false`, { token: eve.token }),
    ]);
    const statuses = [rootRevokesEve.status, eveRevokesRoot.status].sort((a, b) => a - b);
    // The loser is refused either at the door (403: its role is already gone) or by the guard (400).
    expect(statuses[0]).toBe(204);
    expect([400, 403]).toContain(statuses[1]);
    expect(await superAdminsInForce()).toBe(before - 1);
    expect(await superAdminsInForce()).toBeGreaterThanOrEqual(1);
    if (eveRevokesRoot.status === 204) {
      // Restore root through the database (the test needs it as the seeded Super Admin).
      await h.ctx.db.query('UPDATE admin_roles SET deleted_at = NULL WHERE id = $1', [ROOT_ROLE]);
      await h.ctx.db.query('UPDATE admin_roles SET deleted_at = now() WHERE id = $1', [eve.id]);
    }
  });

  it('two Super Admins deactivating each other at the same moment: one wins', async () => {
    const restore = await onlyRootAndEve();
    onTestFinished(restore);
    const eve = await eveAsSuperAdmin();
    const before = await superAdminsInForce();
    const results = await Promise.all([
      h.call('PATCH', role(eve.id), { body: { is_active: false } }),
      h.call('PATCH', role(ROOT_ROLE), { token: eve.token, body: { is_active: false } }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await superAdminsInForce()).toBe(before - 1);
    await h.ctx.db.query('UPDATE admin_roles SET is_active = true WHERE id = $1', [ROOT_ROLE]);
    await h.ctx.db.query('UPDATE admin_roles SET deleted_at = now() WHERE id = $1', [eve.id]);
  });
});
