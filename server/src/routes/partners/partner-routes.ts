import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseQuery } from '../../http/request';
import { oneOf, optional, str } from '../../http/validate';
import { idsParam } from '../shared/by-ids';
import { collection, refuseOtherMethods } from '../shared/paths';
import { PARTNER_STATUSES } from './partner-schemas';
import { getPartner, listPartners } from './partner-store';

/** /partners: read-only pickers, Super Admins only. */
export function partnerRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can view partners');

  app.on('GET', collection('/partners'), auth, superOnly, async (c) => {
    const q = parseQuery(c, { ...pageParams, search: optional(str()), status: optional(oneOf(PARTNER_STATUSES)), ...idsParam });
    return c.json(await listPartners(ctx.db, q, q.page, q.per_page));
  });

  app.get('/partners/:partner_id', auth, superOnly, async (c) => {
    const partner = await getPartner(ctx.db, c.req.param('partner_id'));
    if (!partner) throw notFound('Partner');
    return c.json(partner);
  });

  refuseOtherMethods(app, collection('/partners'), ['GET']);
  refuseOtherMethods(app, '/partners/:partner_id', ['GET']);
  return app;
}
