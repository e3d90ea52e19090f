import type { components } from '../../../../src/lib/api/schema';
import type { Db } from '../../db/db';
import type { Page } from '../../http/pagination';
import { idsCondition } from '../shared/by-ids';
import { containsPattern, fetchPage, Params } from '../shared/sql';

/** The SQL of /partners: live partners only, never deleted_at or the timestamps. */

export type Partner = components['schemas']['Partner'];

const COLUMNS = 'id, name, slug, status, contact_email, max_tenants, max_users_per_tenant, max_applications_per_tenant';
const SEARCH_EXPRESSION = "(lower(name) || ' ' || slug || ' ' || coalesce(lower(contact_email), ''))";

export interface PartnerFilters {
  search?: string;
  status?: string;
  /** Only these partners (`?ids=`). */
  ids?: string[];
}

export function listPartners(db: Db, filters: PartnerFilters, page: number, perPage: number): Promise<Page<Partner>> {
  const params = new Params();
  const where = ['deleted_at IS NULL'];
  if (filters.ids !== undefined) where.push(idsCondition(filters.ids, params));
  if (filters.search) where.push(`${SEARCH_EXPRESSION} LIKE lower(${params.add(containsPattern(filters.search))})`);
  if (filters.status !== undefined) where.push(`status = ${params.add(filters.status)}`);
  return fetchPage<Partner>(db, { select: COLUMNS, from: 'partners', where, params, orderBy: 'lower(name), id', page, perPage });
}

export async function getPartner(db: Db, id: string): Promise<Partner | undefined> {
  const [row] = await db.query<Partner>(`SELECT ${COLUMNS} FROM partners WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row;
}
