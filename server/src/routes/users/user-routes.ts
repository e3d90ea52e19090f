import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseQuery } from '../../http/request';
import { oneOf, optional, str } from '../../http/validate';
import { idsParam } from '../shared/by-ids';
import { collection, refuseOtherMethods } from '../shared/paths';
import { USER_STATUSES } from './user-schemas';
import { getUser, listUsers } from './user-store';

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
      ...idsParam,
    });
    return c.json(await listUsers(ctx.db, q, q.page, q.per_page));
  });

  app.get('/users/:user_id', auth, superOnly, async (c) => {
    const user = await getUser(ctx.db, c.req.param('user_id'));
    if (!user) throw notFound('User');
    return c.json(user);
  });

  refuseOtherMethods(app, collection('/users'), ['GET']);
  refuseOtherMethods(app, '/users/:user_id', ['GET']);
  return app;
}
