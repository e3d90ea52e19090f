import type { AuditTarget } from '../../audit/audit-events';
import type { components } from '../../../../src/lib/api/schema';
import type { Db } from '../../db/db';
import type { Page } from '../../http/pagination';
import { idsCondition } from '../shared/by-ids';
import { containsPattern, fetchPage, Params } from '../shared/sql';

/** The SQL of /users (getUser also reads /auth/me's profile): live users only. */

export type User = components['schemas']['User'];

/** Never password_hash. */
const COLUMNS = 'id, email, first_name, last_name, display_name, status, tenant_id, last_login_at, created_at';

/** The index users_name_order (003_admin_api_indexes.sql) serves this order. */
export const USER_LIST_ORDER = 'lower(coalesce(display_name, email)), id';

/** Exactly the expression of the users_search_trgm index (001_core.sql). Change both together. */
export const USER_SEARCH_EXPRESSION =
  "(lower(email) || ' ' || coalesce(lower(display_name), '') || ' ' || coalesce(lower(first_name), '') || ' ' || coalesce(lower(last_name), ''))";

export interface UserFilters {
  search?: string;
  status?: string;
  tenant_id?: string;
  /** Users of any of this partner's tenants. */
  partner_id?: string;
  /** Only these users (`?ids=`). */
  ids?: string[];
}

export function listUsers(db: Db, filters: UserFilters, page: number, perPage: number): Promise<Page<User>> {
  const params = new Params();
  const where = ['deleted_at IS NULL'];
  if (filters.ids !== undefined) where.push(idsCondition(filters.ids, params));
  if (filters.search) where.push(`${USER_SEARCH_EXPRESSION} LIKE lower(${params.add(containsPattern(filters.search))})`);
  if (filters.status !== undefined) where.push(`status = ${params.add(filters.status)}`);
  if (filters.tenant_id !== undefined) where.push(`tenant_id = ${params.add(filters.tenant_id)}`);
  if (filters.partner_id !== undefined) {
    where.push(`tenant_id IN (SELECT t.id FROM tenants t WHERE t.partner_id = ${params.add(filters.partner_id)})`);
  }
  return fetchPage<User>(db, { select: COLUMNS, from: 'users', where, params, orderBy: USER_LIST_ORDER, page, perPage });
}

/** A live user whatever their status (a SUSPENDED user is still listed and shown). */
export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.query<User>(`SELECT ${COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row;
}

/** A user as an audit entry names it: display name, else email. */
export async function describeUser(db: Db, id: string): Promise<AuditTarget | undefined> {
  const [row] = await db.query<{ name: string; tenant_id: string | null }>(
    `SELECT coalesce(nullif(display_name, ''), email) AS name, tenant_id FROM users WHERE id = $1`,
    [id],
  );
  return row && { id, name: row.name, tenantId: row.tenant_id, partnerId: null };
}
