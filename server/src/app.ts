import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { loadOrCreateKeys } from './auth/keys';
import type { ServerConfig } from './config';
import type { AppContext } from './context';
import { openDb } from './db/db';
import { handleError } from './http/errors';
import { limitBody, MAX_JSON_BODY_BYTES, rejectMalformedUrl } from './http/hostile-input';
import { requestId } from './http/request-id';
import { createOidcRoutes } from './oidc/routes';
import { createAdminRoutes } from './routes/admin-api';
import { adminAccountRoutes } from './routes/admins/admin-account-routes';
import { withAdminsErrors } from './routes/admins/admin-account-schemas';

/**
 * The whole stand-in as one Hono app: CORS for the console's origins, the Admin API under
 * /api/v1/admin and the Admins API under /api/admins (both behind a body limit and a URL check),
 * the OIDC provider under /api/v1/platform, FastAPI-shaped 404 and 500.
 * Tests call `createApp(ctx).request(...)`; main.ts serves it.
 */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  const allowed = new Set(ctx.config.client.allowedOrigins);
  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
      exposeHeaders: ['WWW-Authenticate', 'ETag', 'X-Request-Id'],
      credentials: true,
      maxAge: 600,
    }),
  );
  // Every answer carries X-Request-Id, of the stand-in's making: the audit log records it, so an
  // entry and a client's report of a failed request can be matched.
  app.use('*', requestId());
  // Before any route: 413 past 1 MB, 422 for NUL or invalid UTF-8 in the path or query.
  app.use('/api/v1/admin/*', limitBody(MAX_JSON_BODY_BYTES), rejectMalformedUrl());
  app.route('/api/v1/admin', createAdminRoutes(ctx));
  // The same guards for the Admins API, its URL refusals in its own shape (400, a detail string).
  app.use('/api/admins/*', limitBody(MAX_JSON_BODY_BYTES), withAdminsErrors(rejectMalformedUrl()));
  app.route('/api/admins', adminAccountRoutes(ctx));
  app.route('/api/v1/platform', createOidcRoutes(ctx));
  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError(handleError);
  return app;
}

/** Opens the database (running migrations), loads or makes the signing key, uses the real clock. */
export async function createContext(config: ServerConfig): Promise<AppContext> {
  const db = await openDb(config);
  const keys = await loadOrCreateKeys(config.dataDir);
  return { db, config, keys, now: () => new Date() };
}
