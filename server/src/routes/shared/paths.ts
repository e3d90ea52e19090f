import type { Hono } from 'hono';
import type { AuthEnv } from '../../auth/middleware';

/** A collection answers with and without the trailing slash: `/tenants/` (FastAPI's form) and `/tenants`. */
export function collection(path: string): string[] {
  return [path, `${path}/`];
}

/**
 * Registered after a path's real routes: any other method gets Starlette's 405 with an Allow
 * header (before authentication, as routing comes first there too).
 */
export function refuseOtherMethods(app: Hono<AuthEnv>, paths: string | string[], allowed: string[]): void {
  for (const path of Array.isArray(paths) ? paths : [paths]) {
    app.all(path, (c) => c.json({ detail: 'Method Not Allowed' }, 405, { Allow: allowed.join(', ') }));
  }
}
