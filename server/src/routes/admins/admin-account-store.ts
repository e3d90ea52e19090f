import type { components } from '../../../../src/lib/api/schema';
import type { AuditTarget } from '../../audit/audit-events';
import type { Db } from '../../db/db';

/**
 * The SQL of the Admins API. An admin account is a row of admin_accounts (006_admin_accounts.sql)
 * over one user, whose email, name and password it uses. The row is the account: it exists until
 * the Admins API deletes it. (Should its user be removed some other way, say by the orphan
 * cleanup of DELETE /admin-roles, the account stays listed, cannot sign in, and can be deleted.)
 */

export type AdminAccount = components['schemas']['AdminAccount'];
export type AdminAccountList = components['schemas']['AdminAccountList'];

/** The index admin_accounts_newest serves this order. */
const NEWEST_FIRST = 'created_at DESC, id DESC';
/** First and last name as given at creation; a seeded user without them shows its display name, else its email. */
const FULL_NAME = "coalesce(nullif(concat_ws(' ', u.first_name, u.last_name), ''), u.display_name, u.email)";

/**
 * The SQL of one page, $1 LIMIT and $2 OFFSET (exported so a test can EXPLAIN it). The page's
 * accounts are found first, from admin_accounts_newest alone; only they are joined to their users.
 * Joining first let the planner hash all 20,000 users of the large seed for a deep page (~200 ms).
 */
export const ADMIN_ACCOUNT_PAGE_SQL = `SELECT a.id, u.email, ${FULL_NAME} AS "fullName", a.created_at AS "createdAt"
  FROM (SELECT id, user_id, created_at FROM admin_accounts ORDER BY ${NEWEST_FIRST} LIMIT $1 OFFSET $2) a
  JOIN users u ON u.id = a.user_id
 ORDER BY a.created_at DESC, a.id DESC`;

/** One page in the Admins API's envelope; past the last page, no items and the true totals. */
export async function listAdminAccounts(db: Db, page: number, pageSize: number): Promise<AdminAccountList> {
  const [row] = await db.query<{ total: number }>('SELECT count(*)::int AS total FROM admin_accounts');
  const totalCount = row?.total ?? 0;
  const offset = (page - 1) * pageSize;
  const items = offset < totalCount ? await db.query<AdminAccount>(ADMIN_ACCOUNT_PAGE_SQL, [pageSize, offset]) : [];
  return { items, totalCount, page, pageSize, totalPages: Math.ceil(totalCount / pageSize) };
}

export interface AdminAccountRef {
  id: string;
  user_id: string;
}

/** `id` must be a GUID already (normalizeGuid): the column is uuid. */
export async function findAdminAccount(db: Db, id: string): Promise<AdminAccountRef | undefined> {
  const [row] = await db.query<AdminAccountRef>('SELECT id, user_id FROM admin_accounts WHERE id = $1::uuid', [id]);
  return row;
}

/**
 * Whether the email (any case) is taken for a new admin account: by an admin account, wherever
 * its user lives (Theo, a seeded one, is in Acme), or by a live user of the platform tenant,
 * where the account's user would go (users_email_tenant_live would refuse it there anyway).
 */
export async function emailTaken(db: Db, email: string, platformTenantId: string): Promise<boolean> {
  const [row] = await db.query<{ taken: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower($1) AND u.deleted_at IS NULL AND u.tenant_id = $2)
         OR EXISTS (SELECT 1 FROM admin_accounts a JOIN users u ON u.id = a.user_id WHERE lower(u.email) = lower($1)) AS taken`,
    [email, platformTenantId],
  );
  return row?.taken === true;
}

/** First key of the advisory lock on a new account's email ('adm' in ASCII). */
const EMAIL_LOCK_SPACE = 0x61646d;

/** Serialises creations with the same email (any case) until the transaction ends: take it before emailTaken. */
export async function lockEmail(tx: Db, email: string): Promise<void> {
  await tx.query('SELECT 1 AS locked FROM pg_advisory_xact_lock($1::int, hashtext(lower($2)))', [EMAIL_LOCK_SPACE, email]);
}

export interface NewAdminAccount {
  id: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  tenantId: string;
  passwordHash: string;
}

/** The user (ACTIVE, no role) and its account, both created at `now`. Run inside a transaction. */
export async function insertAdminAccount(tx: Db, account: NewAdminAccount, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.query(
    `INSERT INTO users (id, email, first_name, last_name, display_name, status, tenant_id, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $8, $8)`,
    [account.userId, account.email, account.firstName, account.lastName, `${account.firstName} ${account.lastName}`, account.tenantId, account.passwordHash, at],
  );
  await tx.query('INSERT INTO admin_accounts (id, user_id, created_at) VALUES ($1::uuid, $2, $3)', [account.id, account.userId, at]);
}

/** Soft-deletes every admin role assignment the user still has (in force or not). */
export async function revokeRolesOf(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.query('UPDATE admin_roles SET deleted_at = $2, updated_at = $2 WHERE user_id = $1 AND deleted_at IS NULL', [userId, now.toISOString()]);
}

/**
 * Soft-deletes the user and ends everything it signed in with: its refresh tokens are revoked and
 * its sign-in sessions (the provider's cookies) removed. The token endpoint, the session lookup
 * and the Admin API's auth middleware refuse a deleted user on their own as well; this makes the
 * refusal not depend on each of them remembering to.
 */
export async function removeUser(tx: Db, userId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.query('UPDATE users SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL', [userId, at]);
  await tx.query('UPDATE oauth_refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, at]);
  await tx.query('DELETE FROM oauth_sessions WHERE user_id = $1', [userId]);
}

/** Removes the account row for good (the Admins API's delete is permanent). */
export async function deleteAdminAccountRow(tx: Db, id: string): Promise<void> {
  await tx.query('DELETE FROM admin_accounts WHERE id = $1::uuid', [id]);
}

/** An account as an audit entry names it, "Ana Lima (ana@example.test)"; its user's tenant as the entry's. */
export function accountTarget(id: string, fullName: string, email: string, tenantId: string | null): AuditTarget {
  return { id, name: `${fullName} (${email})`, tenantId, partnerId: null };
}

/** accountTarget of a stored account (`id` a GUID: see normalizeGuid), or undefined. */
export async function describeAdminAccount(db: Db, id: string): Promise<AuditTarget | undefined> {
  const [row] = await db.query<{ id: string; full_name: string; email: string; tenant_id: string | null }>(
    `SELECT a.id, ${FULL_NAME} AS full_name, u.email, u.tenant_id FROM admin_accounts a JOIN users u ON u.id = a.user_id WHERE a.id = $1::uuid`,
    [id],
  );
  return row && accountTarget(row.id, row.full_name, row.email, row.tenant_id);
}
