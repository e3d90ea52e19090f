import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware';
import type { AppContext } from '../context';
import { handleError } from '../http/errors';
import { adminRoleRoutes } from './admin-roles/admin-role-routes';
import { auditRoutes } from './audit/audit-routes';
import { authMeRoutes } from './auth-me/auth-me-routes';
import { partnerRoutes } from './partners/partner-routes';
import { tenantRoutes } from './tenants/tenant-routes';
import { userRoutes } from './users/user-routes';

/** The Admin API, mounted by app.ts at /api/v1/admin. Each route carries its own auth guard. */
export function createAdminRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError(handleError);
  app.route('/', authMeRoutes(ctx));
  app.route('/', adminRoleRoutes(ctx));
  app.route('/', tenantRoutes(ctx));
  app.route('/', partnerRoutes(ctx));
  app.route('/', userRoutes(ctx));
  app.route('/', auditRoutes(ctx));
  return app;
}
