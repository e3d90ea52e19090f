import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import { badRequest, conflict, notFound, RequestValidationError } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseBody, parseQuery } from '../../http/request';
import { bool, oneOf, optional, str, withDefault } from '../../http/validate';
import { newId } from '../../ids';
import { collection, refuseOtherMethods } from '../shared/paths';
import { isLive, missingReferences } from '../shared/lookups';
import { ADMIN_ROLES, adminRoleCreate, adminRoleUpdate } from './admin-role-schemas';
import {
  cleanupOrphanedUser,
  describeDuplicate,
  findActiveDuplicate,
  getAdminRole,
  insertAdminRole,
  listAdminRoles,
  listAdminRolesOfUser,
  lockScope,
  softDeleteAdminRole,
  updateAdminRole,
} from './admin-role-store';

/** /admin-roles: Super Admins only, every method. */
export function adminRoleRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can manage admin roles');
  const mustExist = async (id: string, db: Db = ctx.db) => (await getAdminRole(db, id)) ?? Promise.reject(notFound('Admin role'));

  app.on('GET', collection('/admin-roles'), auth, superOnly, async (c) => {
    const q = parseQuery(c, {
      ...pageParams,
      role: optional(oneOf(ADMIN_ROLES)),
      user_id: optional(str()),
      is_active: optional(bool()),
    });
    return c.json(await listAdminRoles(ctx.db, q, q.page, q.per_page));
  });

  app.on('POST', collection('/admin-roles'), auth, superOnly, async (c) => {
    const now = ctx.now();
    const body = await parseBody(c, adminRoleCreate(now));
    const missing = await missingReferences(ctx.db, [
      { table: 'users', id: body.user_id, loc: ['body', 'user_id'] },
      { table: 'partners', id: body.partner_id, loc: ['body', 'partner_id'] },
      { table: 'tenants', id: body.tenant_id, loc: ['body', 'tenant_id'] },
    ]);
    if (missing.length) throw new RequestValidationError(missing);
    const scope = { user_id: body.user_id, role: body.role, partner_id: body.partner_id ?? null, tenant_id: body.tenant_id ?? null };
    const created = await ctx.db.transaction(async (tx) => {
      await lockScope(tx, scope);
      if (await findActiveDuplicate(tx, scope, now)) throw conflict(describeDuplicate(scope));
      return insertAdminRole(tx, { ...scope, id: newId('adr'), expires_at: body.expires_at ?? null, granted_by: c.get('auth').sub }, now);
    });
    return c.json(created, 201);
  });

  app.get('/admin-roles/user/:user_id', auth, superOnly, async (c) => {
    const userId = c.req.param('user_id');
    if (!(await isLive(ctx.db, 'users', userId))) throw notFound('User');
    return c.json(await listAdminRolesOfUser(ctx.db, userId));
  });

  app.get('/admin-roles/:role_id', auth, superOnly, async (c) => c.json(await mustExist(c.req.param('role_id'))));

  app.patch('/admin-roles/:role_id', auth, superOnly, async (c) => {
    const now = ctx.now();
    const changes = await parseBody(c, adminRoleUpdate(now));
    const role = await mustExist(c.req.param('role_id'));
    // Decided with the product owner: deactivating your own SUPER_ADMIN assignment is refused
    // like revoking it, so nobody locks themselves out by accident.
    if (role.role === 'SUPER_ADMIN' && role.user_id === c.get('auth').sub && changes.is_active === false) {
      throw badRequest('You cannot deactivate your own Super Admin role');
    }
    if (changes.is_active === undefined && changes.expires_at === undefined) return c.json(role);
    const updated = await ctx.db.transaction(async (tx) => {
      // The scope never changes (only is_active and expires_at can), so the row read above names
      // the right lock; its flags are read again under it, as a concurrent PATCH may have changed them.
      await lockScope(tx, role);
      const current = await mustExist(role.id, tx);
      const isActive = changes.is_active ?? current.is_active;
      const expiresAt = changes.expires_at !== undefined ? changes.expires_at : current.expires_at === null ? null : new Date(current.expires_at);
      const inForce = isActive && (expiresAt === null || expiresAt.getTime() > now.getTime());
      if (inForce && (await findActiveDuplicate(tx, current, now, current.id))) throw conflict(describeDuplicate(current));
      return updateAdminRole(tx, current.id, changes, now);
    });
    return c.json(updated);
  });

  app.delete('/admin-roles/:role_id', auth, superOnly, async (c) => {
    const q = parseQuery(c, { cleanup_orphaned_user: withDefault(bool(), () => true) });
    const role = await mustExist(c.req.param('role_id'));
    if (role.role === 'SUPER_ADMIN' && role.user_id === c.get('auth').sub) {
      throw badRequest('You cannot revoke your own Super Admin role');
    }
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await softDeleteAdminRole(tx, role.id, now);
      if (q.cleanup_orphaned_user) await cleanupOrphanedUser(tx, role.user_id, now);
    });
    return c.body(null, 204);
  });

  refuseOtherMethods(app, collection('/admin-roles'), ['GET', 'POST']);
  refuseOtherMethods(app, '/admin-roles/user/:user_id', ['GET']);
  refuseOtherMethods(app, '/admin-roles/:role_id', ['GET', 'PATCH', 'DELETE']);
  return app;
}
