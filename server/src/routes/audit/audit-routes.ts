import { Hono } from 'hono';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '../../audit/audit-events';
import { getAuditEvent, listAuditEvents } from '../../audit/audit-store';
import { requireAuth, requireSuperAdmin, type AuthEnv } from '../../auth/middleware';
import type { AppContext } from '../../context';
import { notFound, RequestValidationError } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseQuery } from '../../http/request';
import { datetime, oneOf, optional, str } from '../../http/validate';
import { collection, refuseOtherMethods } from '../shared/paths';

const RESULTS = ['success', 'failure'] as const;

/** /audit: the audit log, read-only, Super Admins only. Written by server/src/audit/recorder.ts. */
export function auditRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can view the audit log');

  app.on('GET', collection('/audit'), auth, superOnly, async (c) => {
    const q = parseQuery(c, {
      ...pageParams,
      tenant_id: optional(str()),
      partner_id: optional(str()),
      actor_id: optional(str()),
      actor_email: optional(str()),
      action: optional(str()),
      resource_type: optional(str()),
      resource_id: optional(str()),
      result: optional(oneOf(RESULTS)),
      start_time: optional(datetime()),
      end_time: optional(datetime()),
      ip_address: optional(str()),
    });
    if (q.start_time && q.end_time && q.end_time.getTime() < q.start_time.getTime()) {
      throw new RequestValidationError([
        { loc: ['query', 'end_time'], msg: 'Value error, end_time must not be before start_time', type: 'value_error', input: c.req.query('end_time') },
      ]);
    }
    return c.json(await listAuditEvents(ctx.db, q, q.page, q.per_page));
  });

  // Before /audit/:event_id, which would otherwise take "actions" for an id.
  app.get('/audit/actions', auth, superOnly, (c) => c.json([...AUDIT_ACTIONS]));
  app.get('/audit/resource-types', auth, superOnly, (c) => c.json([...AUDIT_RESOURCE_TYPES]));

  app.get('/audit/:event_id', auth, superOnly, async (c) => {
    const event = await getAuditEvent(ctx.db, c.req.param('event_id'));
    if (!event) throw notFound('Audit event');
    return c.json(event);
  });

  refuseOtherMethods(app, collection('/audit'), ['GET']);
  refuseOtherMethods(app, ['/audit/actions', '/audit/resource-types', '/audit/:event_id'], ['GET']);
  return app;
}
