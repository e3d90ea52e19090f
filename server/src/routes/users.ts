import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../auth/middleware';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { pageParams } from '../http/pagination';
import { parseQuery } from '../http/request';
import { oneOf, optional, str } from '../http/validate';
import { collection, refuseOtherMethods } from './shared/paths';
import { containsPattern, fetchPage, Params } from './shared/sql';

export interface UserRow {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  status: string;
  tenant_id: string | null;
  last_login_at: string | null;
  created_at: string;
}

/** Never password_hash. */
const COLUMNS = 'id, email, first_name, last_name, display_name, status, tenant_id, last_login_at, created_at';
const USER_STATUSES = ['ACTIVE', 'SUSPENDED', 'PENDING'] as const;

/** The index users_name_order (003_admin_api_indexes.sql) serves this order. */
export const USER_LIST_ORDER = 'lower(coalesce(display_name, email)), id';

/** Exactly the expression of the users_search_trgm index (001_core.sql). Change both together. */
export const USER_SEARCH_EXPRESSION =
  "(lower(email) || ' ' || coalesce(lower(display_name), '') || ' ' || coalesce(lower(first_name), '') || ' ' || coalesce(lower(last_name), ''))";

/** /users: read-only pickers, Super Admins only. */
export function userRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can view users');

  app.on('GET', collection('/users'), auth, superOnly, async (c) => {
    const q = parseQuery(c, {
      ...pageParams,
      search: optional(str()),
      status: optional(oneOf(USER_STATUSES)),
      tenant_id: optional(str()),
      partner_id: optional(str()),
    });
    const params = new Params();
    const where = ['deleted_at IS NULL'];
    if (q.search) where.push(`${USER_SEARCH_EXPRESSION} LIKE lower(${params.add(containsPattern(q.search))})`);
    if (q.status !== undefined) where.push(`status = ${params.add(q.status)}`);
    if (q.tenant_id !== undefined) where.push(`tenant_id = ${params.add(q.tenant_id)}`);
    if (q.partner_id !== undefined) {
      where.push(`tenant_id IN (SELECT t.id FROM tenants t WHERE t.partner_id = ${params.add(q.partner_id)})`);
    }
    const page = await fetchPage<UserRow>(ctx.db, {
      select: COLUMNS,
      from: 'users',
      where,
      params,
      orderBy: USER_LIST_ORDER,
      page: q.page,
      perPage: q.per_page,
    });
    return c.json(page);
  });

  app.get('/users/:user_id', auth, superOnly, async (c) => {
    const [row] = await ctx.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL`, [
      c.req.param('user_id'),
    ]);
    if (!row) throw notFound('User');
    return c.json(row);
  });

  refuseOtherMethods(app, collection('/users'), ['GET']);
  refuseOtherMethods(app, '/users/:user_id', ['GET']);
  return app;
}
