import type { components } from '../../../../src/lib/api/schema';
import type { AuditTarget } from '../../audit/audit-events';
import type { Db } from '../../db/db';
import type { Page } from '../../http/pagination';
import { fetchPage, Params } from '../shared/sql';
import type { AdminRole } from './admin-role-schemas';

/** An assignment as the API returns it (IDs only; names come from their own endpoints). */
export type AdminRoleAssignment = components['schemas']['AdminRoleAssignment'];

const COLUMNS = 'id, user_id, role, partner_id, tenant_id, is_active, expires_at, created_at, updated_at, granted_by';
const NEWEST_FIRST = 'created_at DESC, id DESC';

/** SQL for "in force": active, not expired (expires_at <= now is expired whatever is_active says). */
const inForce = (now: string): string => `is_active AND (expires_at IS NULL OR expires_at > ${now})`;

export async function getAdminRole(db: Db, id: string): Promise<AdminRoleAssignment | undefined> {
  const [row] = await db.query<AdminRoleAssignment>(`SELECT ${COLUMNS} FROM admin_roles WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row;
}

export interface AdminRoleFilters {
  role?: AdminRole;
  user_id?: string;
  /** The stored flag, as the assignment shows it (an expired assignment may still say true). */
  is_active?: boolean;
  /** Not expired by then: expires_at later, or no expiry at all (extension). */
  expires_after?: Date;
  /** Expires by then: an expires_at at or before it (extension). */
  expires_before?: Date;
}

/**
 * No index on expires_at: admin_roles stays small (5,000 rows in the large seed, most without an
 * expiry), and the expiry windows are read in created_at order through admin_roles_created.
 */
export function listAdminRoles(db: Db, filters: AdminRoleFilters, page: number, perPage: number): Promise<Page<AdminRoleAssignment>> {
  const params = new Params();
  const where = ['deleted_at IS NULL'];
  if (filters.role !== undefined) where.push(`role = ${params.add(filters.role)}`);
  if (filters.user_id !== undefined) where.push(`user_id = ${params.add(filters.user_id)}`);
  if (filters.is_active !== undefined) where.push(`is_active = ${params.add(filters.is_active)}`);
  if (filters.expires_after !== undefined) {
    where.push(`(expires_at IS NULL OR expires_at > ${params.add(filters.expires_after.toISOString())})`);
  }
  if (filters.expires_before !== undefined) where.push(`expires_at <= ${params.add(filters.expires_before.toISOString())}`);
  return fetchPage<AdminRoleAssignment>(db, { select: COLUMNS, from: 'admin_roles', where, params, orderBy: NEWEST_FIRST, page, perPage });
}

export function listAdminRolesOfUser(db: Db, userId: string): Promise<AdminRoleAssignment[]> {
  return db.query<AdminRoleAssignment>(
    `SELECT ${COLUMNS} FROM admin_roles WHERE user_id = $1 AND deleted_at IS NULL ORDER BY ${NEWEST_FIRST}`,
    [userId],
  );
}

/** Who holds a role where: the part of an assignment that a duplicate shares and a lock names. */
export type Scope = Pick<AdminRoleAssignment, 'user_id' | 'role' | 'partner_id' | 'tenant_id'>;

/** First key of the two-key advisory locks taken on an assignment's scope ('adr' in ASCII). */
const SCOPE_LOCK_SPACE = 0x616472;
/** First key of the lock guarding the last Super Admin ('sua'). */
const SUPER_ADMIN_LOCK_SPACE = 0x737561;

/**
 * Serialises, until the transaction ends, every write that could put this user+role+scope in
 * force: take it before findActiveDuplicate, in the same transaction, and the check-then-write
 * cannot interleave with another one on the same scope (on a real server, 50 identical parallel
 * assigns made several duplicates before it). The next statement's snapshot sees what the
 * previous holder committed.
 *
 * Why a lock and not a unique index: "in force" is `is_active AND (expires_at IS NULL OR
 * expires_at > now)`, and an index predicate cannot mention now(); an assignment that has
 * expired still says is_active and must not block a new one. An advisory lock works the same on
 * PGlite (which runs one transaction at a time anyway) and PostgreSQL; SERIALIZABLE would need a
 * retry loop around every write. A hash collision between two scopes only makes them wait for
 * each other.
 */
export async function lockScope(tx: Db, scope: Scope): Promise<void> {
  const key = JSON.stringify([scope.user_id, scope.role, scope.partner_id, scope.tenant_id]);
  await tx.query('SELECT 1 AS locked FROM pg_advisory_xact_lock($1::int, hashtext($2))', [SCOPE_LOCK_SPACE, key]);
}

/**
 * Serialises every change that could take the platform's last Super Admin away, so two admins
 * revoking each other at the same moment cannot both succeed (on PGlite a no-op in effect).
 */
export async function lockSuperAdmins(tx: Db): Promise<void> {
  await tx.query('SELECT 1 AS locked FROM pg_advisory_xact_lock($1::int, 0)', [SUPER_ADMIN_LOCK_SPACE]);
}

/**
 * How many Super Admin assignments other than `exceptId` are in force at `now`, in total and
 * without an expiry. Take lockSuperAdmins first.
 */
export async function otherSuperAdminsInForce(db: Db, exceptId: string, now: Date): Promise<{ total: number; permanent: number }> {
  const [row] = await db.query<{ total: number; permanent: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE r.expires_at IS NULL)::int AS permanent
       FROM admin_roles r JOIN users u ON u.id = r.user_id AND u.deleted_at IS NULL AND u.status = 'ACTIVE'
      WHERE r.deleted_at IS NULL AND r.role = 'SUPER_ADMIN' AND r.id <> $1
        AND r.is_active AND (r.expires_at IS NULL OR r.expires_at > $2)`,
    [exceptId, now.toISOString()],
  );
  return row ?? { total: 0, permanent: 0 };
}

/** Another assignment in force with the same user, role and scope, if any (take lockScope first). */
export async function findActiveDuplicate(db: Db, scope: Scope, now: Date, exceptId?: string): Promise<AdminRoleAssignment | undefined> {
  const p = new Params();
  const [row] = await db.query<AdminRoleAssignment>(
    `SELECT ${COLUMNS} FROM admin_roles
      WHERE deleted_at IS NULL AND user_id = ${p.add(scope.user_id)} AND role = ${p.add(scope.role)}
        AND partner_id IS NOT DISTINCT FROM ${p.add(scope.partner_id)}::text
        AND tenant_id IS NOT DISTINCT FROM ${p.add(scope.tenant_id)}::text
        AND ${inForce(`${p.add(now.toISOString())}::timestamptz`)}
        AND id <> ${p.add(exceptId ?? '')}
      LIMIT 1`,
    p.values,
  );
  return row;
}

/** "User usr_x already has an active TENANT_ADMIN role for tenant tnt_y" */
export function describeDuplicate(scope: Scope): string {
  const where = scope.partner_id ? ` for partner ${scope.partner_id}` : scope.tenant_id ? ` for tenant ${scope.tenant_id}` : '';
  return `User ${scope.user_id} already has an active ${scope.role} role${where}`;
}

export interface NewAdminRole extends Scope {
  id: string;
  expires_at: Date | null;
  granted_by: string | null;
}

export async function insertAdminRole(db: Db, role: NewAdminRole, now: Date): Promise<AdminRoleAssignment> {
  const [row] = await db.query<AdminRoleAssignment>(
    `INSERT INTO admin_roles (id, user_id, role, partner_id, tenant_id, is_active, expires_at, granted_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, true, $6, $7, $8, $8)
     RETURNING ${COLUMNS}`,
    [role.id, role.user_id, role.role, role.partner_id, role.tenant_id, role.expires_at?.toISOString() ?? null, role.granted_by, now.toISOString()],
  );
  if (!row) throw new Error('INSERT ... RETURNING gave no row');
  return row;
}

export interface AdminRoleChanges {
  is_active?: boolean;
  expires_at?: Date | null;
}

export async function updateAdminRole(db: Db, id: string, changes: AdminRoleChanges, now: Date): Promise<AdminRoleAssignment> {
  const p = new Params();
  const sets = [`updated_at = ${p.add(now.toISOString())}`];
  if (changes.is_active !== undefined) sets.push(`is_active = ${p.add(changes.is_active)}`);
  if (changes.expires_at !== undefined) sets.push(`expires_at = ${p.add(changes.expires_at?.toISOString() ?? null)}`);
  const [row] = await db.query<AdminRoleAssignment>(
    `UPDATE admin_roles SET ${sets.join(', ')} WHERE id = ${p.add(id)} AND deleted_at IS NULL RETURNING ${COLUMNS}`,
    p.values,
  );
  if (!row) throw new Error(`admin role ${id} vanished during update`);
  return row;
}

/** Soft-deletes a live assignment; false when it was already gone (someone else's revoke won). */
export async function softDeleteAdminRole(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.query('UPDATE admin_roles SET deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL RETURNING id', [now.toISOString(), id]);
  return rows.length > 0;
}

/**
 * Soft-deletes a duplicate admin user left without roles: when no admin role remains, the same
 * email (case-insensitive) is on more than one live user, and the user has never signed in.
 * Returns whether the user was deleted.
 */
export async function cleanupOrphanedUser(db: Db, userId: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE users u SET deleted_at = $1, updated_at = $1
      WHERE u.id = $2 AND u.deleted_at IS NULL AND u.last_login_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM admin_roles r WHERE r.user_id = u.id AND r.deleted_at IS NULL)
        AND (SELECT count(*) FROM users o WHERE lower(o.email) = lower(u.email) AND o.deleted_at IS NULL) > 1
      RETURNING u.id`,
    [now.toISOString(), userId],
  );
  return rows.length > 0;
}

const ROLE_WORDS: Record<AdminRole, string> = { SUPER_ADMIN: 'Super Admin', PARTNER_ADMIN: 'Partner Admin', TENANT_ADMIN: 'Tenant Admin' };

/**
 * An assignment as an audit entry names it, with the names of that moment: "Tenant Admin of Acme
 * Corporation for Ana Lima", "Super Admin for Root Admin". Soft-deleted users, tenants and
 * partners still lend their names (a revoke may follow a delete); unknown ones their ids.
 */
export async function describeScope(db: Db, scope: Scope, id: string | null): Promise<AuditTarget> {
  const [row] = await db.query<{ user_name: string | null; scope_name: string | null }>(
    `SELECT (SELECT coalesce(nullif(display_name, ''), email) FROM users WHERE id = $1) AS user_name,
            coalesce((SELECT name FROM tenants WHERE id = $2), (SELECT name FROM partners WHERE id = $3)) AS scope_name`,
    [scope.user_id, scope.tenant_id ?? '', scope.partner_id ?? ''],
  );
  const where = scope.tenant_id || scope.partner_id ? ` of ${row?.scope_name ?? scope.tenant_id ?? scope.partner_id}` : '';
  return {
    id,
    name: `${ROLE_WORDS[scope.role] ?? scope.role}${where} for ${row?.user_name ?? scope.user_id}`,
    tenantId: scope.tenant_id,
    partnerId: scope.partner_id,
  };
}

/** describeScope of an assignment by id, deleted ones included (a refused PATCH or DELETE). */
export async function describeAdminRole(db: Db, id: string): Promise<AuditTarget | undefined> {
  const [row] = await db.query<AdminRoleAssignment>(`SELECT ${COLUMNS} FROM admin_roles WHERE id = $1`, [id]);
  return row && describeScope(db, row, row.id);
}
