import type { Context, MiddlewareHandler } from 'hono';
import type { AuthEnv } from '../auth/middleware';
import type { AppContext } from '../context';
import type { Db } from '../db/db';
import { requestAddress } from '../http/client-address';
import { HttpError, RequestValidationError } from '../http/errors';
import type { AuditAction, AuditChanges, AuditOrigin, AuditResourceType, AuditTarget } from './audit-events';
import { insertAuditEvent } from './audit-store';

/**
 * How the stand-in keeps its audit log (scaikey-api.md, "Audit log"):
 *
 * - A write route runs behind `audited(...)`, after requireAuth and before requireSuperAdmin (so
 *   a 403 is recorded too). The route calls `c.get('audit').success(tx, ...)` inside the very
 *   transaction that makes the change: if the entry cannot be written, the change rolls back and
 *   the client gets a 500; if the change rolls back, so does its entry.
 * - Whatever the route answers with 400 or above (403, 404, 409, 412, 422, 400, 500) becomes a
 *   `failure` entry after the fact, outside any transaction (nothing changed), with the error's
 *   detail as the reason. A validation error's reason names the fields and says what is wrong
 *   with them, never what was sent (`input` may be a password).
 * - Requests refused before anyone is known (401, 413, a malformed URL) are not recorded: there
 *   is no actor to record.
 */

/** Longest user agent and email kept: anything longer is cut (a client controls both). */
const MAX_TEXT = 512;

export const clip = (value: string | null | undefined, max = MAX_TEXT): string | null =>
  value == null ? null : value.length > max ? value.slice(0, max) : value;

/** Who sent this request and from where, for an entry (actor left to the caller). */
export function originOf(c: Context, ctx: AppContext, actor: { id: string | null; email: string | null }): AuditOrigin {
  return {
    actorId: actor.id,
    actorEmail: clip(actor.email, 254),
    ipAddress: requestAddress(c, ctx.config.trustForwardedFor) ?? null,
    userAgent: clip(c.req.header('user-agent')),
    requestId: c.get('requestId') ?? null,
  };
}

export interface AuditSuccess {
  /** When the route learns the action only from the request (tenant.updated vs settings_updated). */
  action?: AuditAction;
  target?: AuditTarget;
  changes?: AuditChanges | null;
  /** Default: 201 for POST, 204 for DELETE, else 200. */
  statusCode?: number;
}

export interface AuditTrail {
  /** What is being attempted; a route may narrow it once it has read the body. */
  action: AuditAction;
  /** What it is about, as far as known; a route fills it in as it learns (a failure uses it). */
  target: AuditTarget;
  /** Writes the success entry, in the change's transaction `tx`. */
  success(tx: Db, entry?: AuditSuccess): Promise<void>;
  /** A further entry of the same request (user.removed_as_orphan during a revoke), in `tx`. */
  also(tx: Db, entry: AuditSuccess & { action: AuditAction; resourceType: AuditResourceType; target: AuditTarget }): Promise<void>;
}

export interface AuditedOptions {
  /** The path parameter holding the resource's id, recorded even when the request is refused. */
  idParam?: string;
  /** The resource's name (and tenant/partner) by id, for a failure the route did not describe. */
  describe?: (db: Db, id: string) => Promise<AuditTarget | undefined>;
}

const defaultStatus = (method: string): number => (method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200);

/**
 * The reason of a refused request, from the error that refused it (Hono keeps it as `c.error`):
 * an HttpError's detail, or a 422's fields and messages, never the values sent.
 */
export function refusalReason(err: Error | undefined): string | null {
  if (err instanceof HttpError) return clip(err.detail, 1000);
  if (err instanceof RequestValidationError) {
    const parts = err.issues.slice(0, 5).map((issue) => {
      const loc = issue.loc.filter((part) => part !== 'body' && part !== 'query' && part !== 'path').join('.');
      return loc ? `${loc}: ${issue.msg}` : issue.msg;
    });
    if (err.issues.length > 5) parts.push(`and ${err.issues.length - 5} more`);
    return clip(parts.join('; '), 1000);
  }
  // Anything else was answered as a plain 500 (handleError): say no more than the client was told.
  return err ? 'Internal Server Error' : null;
}

/** Records the request as `action` on a `resourceType` (see the module comment). */
export function audited(
  ctx: AppContext,
  action: AuditAction,
  resourceType: AuditResourceType,
  options: AuditedOptions = {},
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const origin = originOf(c, ctx, { id: caller.id, email: caller.email });
    const pathId = options.idParam ? c.req.param(options.idParam) ?? null : null;
    const write = (db: Db, entry: AuditSuccess & { action: AuditAction; resourceType: AuditResourceType; target: AuditTarget }, result: 'success' | 'failure', detail: string | null) =>
      insertAuditEvent(db, {
        ...origin,
        occurredAt: ctx.now(),
        action: entry.action,
        resourceType: entry.resourceType,
        target: entry.target,
        result,
        statusCode: entry.statusCode ?? defaultStatus(c.req.method),
        changes: entry.changes ?? null,
        detail,
      });
    const trail: AuditTrail = {
      action,
      target: { id: pathId, name: null },
      async success(tx, entry = {}) {
        if (entry.action) trail.action = entry.action;
        if (entry.target) trail.target = entry.target;
        await write(tx, { ...entry, action: trail.action, resourceType, target: trail.target }, 'success', null);
      },
      async also(tx, entry) {
        await write(tx, entry, 'success', null);
      },
    };
    c.set('audit', trail);
    await next();
    const status = c.res.status;
    if (status < 400) return;
    try {
      let target = trail.target;
      if (target.name === null && target.id !== null && options.describe) {
        target = (await options.describe(ctx.db, target.id)) ?? target;
      }
      await write(ctx.db, { action: trail.action, resourceType, target, statusCode: status }, 'failure', refusalReason(c.error));
    } catch (err) {
      // The answer stands; a log line says the entry is missing.
      console.error(`[server] audit: could not record a refused ${trail.action}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
