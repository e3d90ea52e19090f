import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import type { AuditAction } from '../../audit/audit-events';
import { createdChanges, diffChanges } from '../../audit/changes';
import { audited, type AuditTrail } from '../../audit/recorder';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import { badRequest, conflict, notFound, RequestValidationError } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseBody, parseQuery } from '../../http/request';
import { bool, datetime, oneOf, optional, str, withDefault, type Validator } from '../../http/validate';
import { newId } from '../../ids';
import { collection, refuseOtherMethods } from '../shared/paths';
import { isLive, missingReferences } from '../shared/lookups';
import { ADMIN_ROLES, adminRoleCreate, adminRoleUpdate } from './admin-role-schemas';
import { describeUser } from '../users/user-store';
import {
  cleanupOrphanedUser,
  describeAdminRole,
  describeScope,
  describeDuplicate,
  findActiveDuplicate,
  getAdminRole,
  insertAdminRole,
  listAdminRoles,
  listAdminRolesOfUser,
  lockScope,
  lockSuperAdmins,
  otherSuperAdminsInForce,
  softDeleteAdminRole,
  updateAdminRole,
  type AdminRoleAssignment,
  type AdminRoleChanges,
} from './admin-role-store';

type Guarded = 'revoke' | 'deactivate' | 'expire';
const WITHOUT_SUPER_ADMIN: Record<Guarded, string> = {
  revoke: 'Revoking it',
  deactivate: 'Deactivating it',
  expire: 'Putting an expiry on it',
};

/**
 * No change may leave the platform without a Super Admin in force (scaikey-api.md, "Security
 * rules"). Revoking or deactivating a Super Admin assignment in force needs another one in force;
 * putting an expiry on one without an expiry needs another without an expiry, or the platform
 * would be locked out on that date. Runs under lockSuperAdmins, so two admins revoking each other
 * at once cannot both pass.
 */
async function guardLastSuperAdmin(tx: Db, role: AdminRoleAssignment, change: Guarded, now: Date): Promise<void> {
  if (role.role !== 'SUPER_ADMIN') return;
  const inForce = role.is_active && (role.expires_at === null || Date.parse(role.expires_at) > now.getTime());
  if (!inForce) return;
  await lockSuperAdmins(tx);
  const others = await otherSuperAdminsInForce(tx, role.id, now);
  if (change === 'expire') {
    if (role.expires_at !== null || others.permanent > 0) return;
    throw badRequest(
      'This is the only Super Admin role in force without an expiry. Putting an expiry on it would leave the platform without a Super Admin once it passes: assign Super Admin to someone else first.',
    );
  }
  if (others.total > 0) return;
  throw badRequest(
    `This is the only Super Admin role in force. ${WITHOUT_SUPER_ADMIN[change]} would leave the platform without a Super Admin: assign Super Admin to someone else first.`,
  );
}

/** A POST body as adminRoleCreate leaves it (expires_at a Date). */
type AdminRoleCreate = ReturnType<typeof adminRoleCreate> extends Validator<infer T> ? T : never;

/**
 * A new assignment: its user, partner and tenant must be live (422 naming the field), and no
 * assignment in force may have the same user, role and scope (409), checked under the scope's lock.
 */
async function createAssignment(db: Db, audit: AuditTrail, body: AdminRoleCreate, grantedBy: string, now: Date): Promise<AdminRoleAssignment> {
  const missing = await missingReferences(db, [
    { table: 'users', id: body.user_id, loc: ['body', 'user_id'] },
    { table: 'partners', id: body.partner_id, loc: ['body', 'partner_id'] },
    { table: 'tenants', id: body.tenant_id, loc: ['body', 'tenant_id'] },
  ]);
  if (missing.length) throw new RequestValidationError(missing);
  const scope = { user_id: body.user_id, role: body.role, partner_id: body.partner_id ?? null, tenant_id: body.tenant_id ?? null };
  return db.transaction(async (tx) => {
    await lockScope(tx, scope);
    if (await findActiveDuplicate(tx, scope, now)) throw conflict(describeDuplicate(scope));
    const created = await insertAdminRole(tx, { ...scope, id: newId('adr'), expires_at: body.expires_at ?? null, granted_by: grantedBy }, now);
    await audit.success(tx, { target: await describeScope(tx, created, created.id), changes: createdChanges(created) });
    return created;
  });
}

/**
 * A PATCH of is_active or expires_at: one that puts the assignment in force must not duplicate
 * another (409), and none may leave the platform without a Super Admin (guardLastSuperAdmin).
 */
async function changeAssignment(db: Db, audit: AuditTrail, role: AdminRoleAssignment, changes: AdminRoleChanges, now: Date): Promise<AdminRoleAssignment> {
  return db.transaction(async (tx) => {
    // The scope never changes (only is_active and expires_at can), so the row read before names
    // the right lock; its flags are read again under it, as a concurrent PATCH may have changed them.
    await lockScope(tx, role);
    const current = await getAdminRole(tx, role.id);
    if (!current) throw notFound('Admin role');
    const isActive = changes.is_active ?? current.is_active;
    const expiresAt = changes.expires_at !== undefined ? changes.expires_at : current.expires_at === null ? null : new Date(current.expires_at);
    const inForce = isActive && (expiresAt === null || expiresAt.getTime() > now.getTime());
    if (inForce && (await findActiveDuplicate(tx, current, now, current.id))) throw conflict(describeDuplicate(current));
    if (!inForce) await guardLastSuperAdmin(tx, current, changes.is_active === false ? 'deactivate' : 'expire', now);
    else if (expiresAt !== null) await guardLastSuperAdmin(tx, current, 'expire', now);
    const updated = await updateAdminRole(tx, current.id, changes, now);
    await audit.success(tx, { changes: diffChanges(current, updated) });
    return updated;
  });
}

/** A DELETE: never the last Super Admin in force; the user goes too when left an orphan (and asked to). */
async function revokeAssignment(db: Db, audit: AuditTrail, role: AdminRoleAssignment, cleanupOrphan: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await guardLastSuperAdmin(tx, role, 'revoke', now);
    // Two revokes at once: the second finds it gone (404), and records no success.
    if (!(await softDeleteAdminRole(tx, role.id, now))) throw notFound('Admin role');
    await audit.success(tx);
    if (cleanupOrphan && (await cleanupOrphanedUser(tx, role.user_id, now))) {
      const user = (await describeUser(tx, role.user_id)) ?? { id: role.user_id, name: null };
      await audit.also(tx, { action: 'user.removed_as_orphan', resourceType: 'user', target: user });
    }
  });
}

/** /admin-roles: Super Admins only, every method. */
export function adminRoleRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can manage admin roles');
  const audit = (action: AuditAction) => audited(ctx, action, 'admin_role', { idParam: 'role_id', describe: describeAdminRole });
  const mustExist = async (id: string) => (await getAdminRole(ctx.db, id)) ?? Promise.reject(notFound('Admin role'));

  app.on('GET', collection('/admin-roles'), auth, superOnly, async (c) => {
    const q = parseQuery(c, {
      ...pageParams,
      role: optional(oneOf(ADMIN_ROLES)),
      user_id: optional(str()),
      is_active: optional(bool()),
      expires_after: optional(datetime()),
      expires_before: optional(datetime()),
    });
    return c.json(await listAdminRoles(ctx.db, q, q.page, q.per_page));
  });

  app.on('POST', collection('/admin-roles'), auth, audit('admin_role.assigned'), superOnly, async (c) => {
    const now = ctx.now();
    const trail = c.get('audit');
    const body = await parseBody(c, adminRoleCreate(now));
    const scope = { user_id: body.user_id, role: body.role, partner_id: body.partner_id ?? null, tenant_id: body.tenant_id ?? null };
    trail.target = await describeScope(ctx.db, scope, null);
    return c.json(await createAssignment(ctx.db, trail, body, c.get('caller').id, now), 201);
  });

  app.get('/admin-roles/user/:user_id', auth, superOnly, async (c) => {
    const userId = c.req.param('user_id');
    if (!(await isLive(ctx.db, 'users', userId))) throw notFound('User');
    return c.json(await listAdminRolesOfUser(ctx.db, userId));
  });

  app.get('/admin-roles/:role_id', auth, superOnly, async (c) => c.json(await mustExist(c.req.param('role_id'))));

  app.patch('/admin-roles/:role_id', auth, audit('admin_role.updated'), superOnly, async (c) => {
    const now = ctx.now();
    const trail = c.get('audit');
    const changes = await parseBody(c, adminRoleUpdate(now));
    const role = await mustExist(c.req.param('role_id'));
    trail.target = await describeScope(ctx.db, role, role.id);
    // Decided with the product owner: deactivating your own SUPER_ADMIN assignment, or putting an
    // expiry on it, is refused like revoking it, so nobody locks themselves out by accident.
    const own = role.role === 'SUPER_ADMIN' && role.user_id === c.get('caller').id;
    if (own && changes.is_active === false) throw badRequest('You cannot deactivate your own Super Admin role');
    if (own && changes.expires_at) throw badRequest('You cannot put an expiry on your own Super Admin role');
    if (changes.is_active === undefined && changes.expires_at === undefined) return c.json(role);
    return c.json(await changeAssignment(ctx.db, trail, role, changes, now));
  });

  app.delete('/admin-roles/:role_id', auth, audit('admin_role.revoked'), superOnly, async (c) => {
    const trail = c.get('audit');
    const q = parseQuery(c, { cleanup_orphaned_user: withDefault(bool(), () => true) });
    const role = await mustExist(c.req.param('role_id'));
    trail.target = await describeScope(ctx.db, role, role.id);
    if (role.role === 'SUPER_ADMIN' && role.user_id === c.get('caller').id) {
      throw badRequest('You cannot revoke your own Super Admin role');
    }
    await revokeAssignment(ctx.db, trail, role, q.cleanup_orphaned_user, ctx.now());
    return c.body(null, 204);
  });

  refuseOtherMethods(app, collection('/admin-roles'), ['GET', 'POST']);
  refuseOtherMethods(app, '/admin-roles/user/:user_id', ['GET']);
  refuseOtherMethods(app, '/admin-roles/:role_id', ['GET', 'PATCH', 'DELETE']);
  return app;
}
