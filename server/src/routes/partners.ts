import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../auth/middleware';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { pageParams } from '../http/pagination';
import { parseQuery } from '../http/request';
import { oneOf, optional, str } from '../http/validate';
import { collection, refuseOtherMethods } from './shared/paths';
import { containsPattern, fetchPage, Params } from './shared/sql';

export interface PartnerRow {
  id: string;
  name: string;
  slug: string;
  status: string;
  contact_email: string | null;
  max_tenants: number | null;
  max_users_per_tenant: number | null;
  max_applications_per_tenant: number | null;
}

const COLUMNS = 'id, name, slug, status, contact_email, max_tenants, max_users_per_tenant, max_applications_per_tenant';
const PARTNER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;

/** /partners: read-only pickers, Super Admins only. */
export function partnerRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can view partners');

  app.on('GET', collection('/partners'), auth, superOnly, async (c) => {
    const q = parseQuery(c, { ...pageParams, search: optional(str()), status: optional(oneOf(PARTNER_STATUSES)) });
    const params = new Params();
    const where = ['deleted_at IS NULL'];
    if (q.search) {
      where.push(`(lower(name) || ' ' || slug || ' ' || coalesce(lower(contact_email), '')) LIKE lower(${params.add(containsPattern(q.search))})`);
    }
    if (q.status !== undefined) where.push(`status = ${params.add(q.status)}`);
    const page = await fetchPage<PartnerRow>(ctx.db, {
      select: COLUMNS,
      from: 'partners',
      where,
      params,
      orderBy: 'lower(name), id',
      page: q.page,
      perPage: q.per_page,
    });
    return c.json(page);
  });

  app.get('/partners/:partner_id', auth, superOnly, async (c) => {
    const [row] = await ctx.db.query<PartnerRow>(`SELECT ${COLUMNS} FROM partners WHERE id = $1 AND deleted_at IS NULL`, [
      c.req.param('partner_id'),
    ]);
    if (!row) throw notFound('Partner');
    return c.json(row);
  });

  refuseOtherMethods(app, collection('/partners'), ['GET']);
  refuseOtherMethods(app, '/partners/:partner_id', ['GET']);
  return app;
}
