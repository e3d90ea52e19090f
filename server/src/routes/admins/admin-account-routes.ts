import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import { hashPassword, PasswordBusyError } from '../../auth/password';
import { SECRET_SET } from '../../audit/audit-events';
import { createdChanges } from '../../audit/changes';
import { audited, type AuditTrail } from '../../audit/recorder';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import { badRequest, handleError, HttpError } from '../../http/errors';
import { parseBody, parseQuery } from '../../http/request';
import { parse } from '../../http/validate';
import { newId } from '../../ids';
import { resolveAdminRole } from '../../oidc/roles';
import { PLATFORM_TENANT } from '../../seed/fixtures';
import { describeScope, listAdminRolesOfUser, lockSuperAdmins, otherSuperAdminsInForce, softDeleteAdminRole } from '../admin-roles/admin-role-store';
import { refuseOtherMethods } from '../shared/paths';
import { isUniqueViolation } from '../shared/sql';
import {
  ADMIN_NOT_FOUND,
  adminAccountCreate,
  DELETE_FAILED,
  type AdminAccountCreate,
  EMAIL_EXISTS,
  inAdminsShape,
  listQuery,
  meetsPasswordRules,
  normalizeGuid,
  OWN_ACCOUNT,
  pageNumber,
  WEAK_PASSWORD,
} from './admin-account-schemas';
import {
  accountTarget,
  deleteAdminAccountRow,
  describeAdminAccount,
  emailTaken,
  findAdminAccount,
  insertAdminAccount,
  listAdminAccounts,
  lockEmail,
  removeUser,
  revokeRolesOf,
} from './admin-account-store';

const LAST_SUPER_ADMIN =
  'This account holds the only Super Admin role in force. Deleting it would leave the platform without a Super Admin: assign Super Admin to someone else first.';

/**
 * Revokes the user's Super Admin assignments in force one at a time, each only while another
 * Super Admin remains in force (the rule of scaikey-api.md "Security rules", with the Admin API's
 * own lock and count): the last one the platform has is refused, and the caller's transaction
 * rolls back with nothing changed. Take lockSuperAdmins first.
 */
async function revokeSuperAdminGuarded(tx: Db, userId: string, now: Date): Promise<void> {
  for (let held = await resolveAdminRole(tx, userId, now); held?.role === 'SUPER_ADMIN'; held = await resolveAdminRole(tx, userId, now)) {
    const others = await otherSuperAdminsInForce(tx, held.assignmentId, now);
    if (others.total === 0) throw badRequest(LAST_SUPER_ADMIN);
    await softDeleteAdminRole(tx, held.assignmentId, now);
  }
}

/**
 * Deletes an admin account in one transaction: its roles are revoked (Super Admin under the
 * last-Super-Admin guard), its user soft-deleted with its refresh tokens and sessions, its row
 * removed. Under lockSuperAdmins, so two admins deleting each other at once cannot both succeed,
 * and a second delete of the same account finds nothing (404).
 */
export async function removeAdminAccount(db: Db, audit: AuditTrail, adminId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSuperAdmins(tx);
    const account = await findAdminAccount(tx, adminId);
    if (!account) throw new HttpError(404, ADMIN_NOT_FOUND);
    // Named while they still exist: each revoked role gets its own entry (its History says why it went).
    const target = (await describeAdminAccount(tx, account.id)) ?? audit.target;
    const roles = await Promise.all((await listAdminRolesOfUser(tx, account.user_id)).map((role) => describeScope(tx, role, role.id)));
    await revokeSuperAdminGuarded(tx, account.user_id, now);
    await revokeRolesOf(tx, account.user_id, now);
    await removeUser(tx, account.user_id, now);
    await deleteAdminAccountRow(tx, account.id);
    await audit.success(tx, { target });
    for (const role of roles) await audit.also(tx, { action: 'admin_role.revoked', resourceType: 'admin_role', target: role });
  });
}

/** The hash, or a 503 when too many are queued (the sign-in page's "busy"); never on the event loop. */
async function hashOrBusy(password: string): Promise<string> {
  try {
    return await hashPassword(password);
  } catch (err) {
    if (err instanceof PasswordBusyError) {
      throw new HttpError(503, 'Too many passwords are being checked right now: try again in a moment', { 'Retry-After': '1' });
    }
    throw err;
  }
}

/**
 * A new account and its user, in one transaction. The password rule first (no database needed),
 * then the email, checked before hashing so a duplicate costs no scrypt, and again under its lock,
 * with the unique index as the last word.
 */
async function createAdminAccount(ctx: AppContext, audit: AuditTrail, body: AdminAccountCreate): Promise<void> {
  if (!meetsPasswordRules(body.password)) throw badRequest(WEAK_PASSWORD);
  if (await emailTaken(ctx.db, body.email, PLATFORM_TENANT.id)) throw badRequest(EMAIL_EXISTS);
  const passwordHash = await hashOrBusy(body.password);
  const account = { ...body, id: randomUUID(), userId: newId('usr'), tenantId: PLATFORM_TENANT.id, passwordHash };
  try {
    await ctx.db.transaction(async (tx) => {
      await lockEmail(tx, body.email);
      if (await emailTaken(tx, body.email, PLATFORM_TENANT.id)) throw badRequest(EMAIL_EXISTS);
      await insertAdminAccount(tx, account, ctx.now());
      await audit.success(tx, {
        target: accountTarget(account.id, `${body.firstName} ${body.lastName}`, body.email, account.tenantId),
        // The password is recorded as having been set, never as itself.
        changes: createdChanges({ email: body.email, first_name: body.firstName, last_name: body.lastName, password: SECRET_SET }),
        statusCode: 204,
      });
    });
  } catch (err) {
    throw isUniqueViolation(err) ? badRequest(EMAIL_EXISTS) : err;
  }
}

/** removeAdminAccount, any failure but a refusal answered with the documented 500 (and logged as handleError would). */
async function removeOrFail(ctx: AppContext, audit: AuditTrail, adminId: string): Promise<void> {
  try {
    await removeAdminAccount(ctx.db, audit, adminId, ctx.now());
  } catch (err) {
    if (err instanceof HttpError) throw err;
    console.error(`[server] DELETE /api/admins/${adminId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    throw new HttpError(500, DELETE_FAILED);
  }
}

/**
 * The Admins API, mounted by app.ts at /api/admins: Super Admins only (the role in force, read
 * from the database on every request by requireAuth). Its errors are `{"detail": "..."}` with 400
 * for anything the request got wrong (admin-account-schemas.ts).
 */
export function adminAccountRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError((err, c) => handleError(inAdminsShape(err), c));
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can manage admin accounts');
  const describe = (db: Db, id: string) => {
    const guid = normalizeGuid(id);
    return guid === null ? Promise.resolve(undefined) : describeAdminAccount(db, guid);
  };

  app.get('/page/:page', auth, superOnly, async (c) => {
    const page = parse(pageNumber, c.req.param('page'), ['path', 'page']);
    const { pageSize } = parseQuery(c, listQuery);
    return c.json(await listAdminAccounts(ctx.db, page, pageSize));
  });

  app.post('/', auth, audited(ctx, 'admin_account.created', 'admin_account'), superOnly, async (c) => {
    const trail = c.get('audit');
    const body = await parseBody(c, adminAccountCreate);
    trail.target = { id: null, name: `${body.firstName} ${body.lastName} (${body.email})`, tenantId: PLATFORM_TENANT.id };
    await createAdminAccount(ctx, trail, body);
    return c.body(null, 204);
  });

  app.delete('/:adminId', auth, audited(ctx, 'admin_account.deleted', 'admin_account', { idParam: 'adminId', describe }), superOnly, async (c) => {
    const adminId = normalizeGuid(c.req.param('adminId'));
    const account = adminId === null ? undefined : await findAdminAccount(ctx.db, adminId);
    if (!account) throw new HttpError(404, ADMIN_NOT_FOUND);
    if (account.user_id === c.get('caller').id) throw badRequest(OWN_ACCOUNT);
    await removeOrFail(ctx, c.get('audit'), account.id);
    return c.body(null, 204);
  });

  refuseOtherMethods(app, '/page/:page', ['GET']);
  refuseOtherMethods(app, '/', ['POST']);
  refuseOtherMethods(app, '/:adminId', ['DELETE']);
  return app;
}
