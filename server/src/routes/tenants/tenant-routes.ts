import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv, type Caller } from '../../auth/middleware';
import type { AuditAction } from '../../audit/audit-events';
import { createdChanges, diffChanges } from '../../audit/changes';
import { audited, type AuditTrail } from '../../audit/recorder';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import { conflict, forbidden, HttpError, notFound, RequestValidationError } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseBody, parseQuery } from '../../http/request';
import { bool, int, oneOf, optional, str } from '../../http/validate';
import { newId } from '../../ids';
import { missingReferences } from '../shared/lookups';
import { idsParam } from '../shared/by-ids';
import { collection, refuseOtherMethods } from '../shared/paths';
import { isUniqueViolation } from '../shared/sql';
import { MFA_METHODS, TENANT_STATUSES, tenantCreate, tenantUpdate } from './tenant-schemas';
import { securitySummary } from './tenant-security-store';
import {
  describeTenant,
  getTenant,
  getTenantForUpdate,
  insertTenant,
  listTenants,
  slugTaken,
  softDeleteTenant,
  tenantEtag,
  tenantTarget,
  updateTenant,
  type Tenant,
  type TenantFields,
  type TenantScope,
} from './tenant-store';

/**
 * What the caller may read, from the role in force now (not the token's claims): super admins
 * everything, partner admins their partner's tenants, tenant admins their tenant. Others: 403.
 */
function tenantScope(caller: Caller): TenantScope {
  switch (caller.admin?.role) {
    case 'SUPER_ADMIN':
      return { kind: 'all' };
    case 'PARTNER_ADMIN':
      return caller.admin.partnerId ? { kind: 'partner', partnerId: caller.admin.partnerId } : { kind: 'none' };
    case 'TENANT_ADMIN':
      return caller.admin.tenantId ? { kind: 'tenant', tenantId: caller.admin.tenantId } : { kind: 'none' };
    default:
      throw forbidden('Only admins can view tenants');
  }
}

/**
 * RFC 9110 If-Match: `*` or a list of entity tags, any of which may match (weak tags never do:
 * If-Match uses the strong comparison). Null when the header was not sent.
 */
function ifMatchAllows(header: string | undefined, current: Tenant): boolean | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (value === '*') return true;
  const etag = tenantEtag(current);
  return value.split(',').some((tag) => tag.trim() === etag);
}

const stale = () =>
  new HttpError(
    412,
    'The tenant has changed since you loaded it (If-Match does not match its ETag). Load it again and reapply your changes.',
  );

const slugClash = (slug: string) => conflict(`A tenant with slug '${slug}' already exists`);

/** Runs a write that may hit the live-slug unique index, answering 409 either way. */
async function guardSlug<T>(db: Db, slug: string | undefined, exceptId: string | undefined, write: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      if (slug !== undefined && (await slugTaken(tx, slug, exceptId))) throw slugClash(slug);
      return write(tx);
    });
  } catch (err) {
    if (slug !== undefined && isUniqueViolation(err)) throw slugClash(slug);
    throw err;
  }
}

/** A tenant's partner_id must name a live partner (422 at body.partner_id); null and absent pass. */
async function partnerMustExist(db: Db, partnerId: string | null | undefined): Promise<void> {
  const missing = await missingReferences(db, [{ table: 'partners', id: partnerId, loc: ['body', 'partner_id'] }]);
  if (missing.length) throw new RequestValidationError(missing);
}

/** Settings only → tenant.settings_updated (the security settings screen); anything else → tenant.updated. */
function updateAction(changes: Record<string, unknown> | null): AuditAction {
  const paths = Object.keys(changes ?? {});
  return paths.length > 0 && paths.every((path) => path.startsWith('settings.')) ? 'tenant.settings_updated' : 'tenant.updated';
}

/**
 * A PATCH's write and its audit entry, in one transaction: 409 on a taken slug, 412 when If-Match
 * was sent and no longer matches. The row is read locked first, so the entry's "before" is what
 * this write replaced, not what some earlier read saw.
 */
function saveChanges(db: Db, audit: AuditTrail, id: string, changes: Partial<TenantFields>, ifMatch: string | undefined, now: Date): Promise<Tenant> {
  return guardSlug(db, changes.slug, id, async (tx) => {
    const current = await getTenantForUpdate(tx, id);
    if (!current) throw notFound('Tenant');
    if (ifMatch !== undefined && !ifMatchAllows(ifMatch, current)) throw stale();
    const updated = await updateTenant(tx, id, changes, now);
    const diff = diffChanges(current, updated);
    await audit.success(tx, { action: updateAction(diff), target: tenantTarget(updated), changes: diff });
    return updated;
  });
}

/** A security filter's bound: a whole number within the integer columns it is compared with (migration 009). */
const BOUND = { ge: 0, le: 1_000_000 };

/** The list's security filters (scaikey-api.md, "Extensions"); bounds are whole numbers. */
const securityParams = {
  mfa_required: optional(bool()),
  password_min_length_lt: optional(int(BOUND)),
  password_min_length_gt: optional(int(BOUND)),
  session_timeout_lt: optional(int(BOUND)),
  session_timeout_gt: optional(int(BOUND)),
  mfa_method: optional(oneOf(MFA_METHODS)),
  password_expires: optional(bool()),
};

/** /tenants: admins read within their scope; only Super Admins write. */
export function tenantRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can manage tenants');
  const audit = (action: AuditAction) => audited(ctx, action, 'tenant', { idParam: 'tenant_id', describe: describeTenant });
  const mustExist = async (id: string, scope: TenantScope) => (await getTenant(ctx.db, id, scope)) ?? Promise.reject(notFound('Tenant'));

  app.on('GET', collection('/tenants'), auth, async (c) => {
    const scope = tenantScope(c.get('caller'));
    const q = parseQuery(c, {
      ...pageParams,
      search: optional(str()),
      status: optional(oneOf(TENANT_STATUSES)),
      partner_id: optional(str()),
      ...idsParam,
      ...securityParams,
    });
    return c.json(await listTenants(ctx.db, q, scope, q.page, q.per_page));
  });

  // Before /tenants/{id}, which would take "security-summary" for an id.
  app.get('/tenants/security-summary', auth, requireSuperAdmin('Only Super Admins can view the security summary'), async (c) =>
    c.json(await securitySummary(ctx.db)),
  );

  app.on('POST', collection('/tenants'), auth, audit('tenant.created'), superOnly, async (c) => {
    const trail = c.get('audit');
    const body = await parseBody(c, tenantCreate);
    trail.target = { id: null, name: body.name, partnerId: body.partner_id ?? null };
    await partnerMustExist(ctx.db, body.partner_id);
    const now = ctx.now();
    const created = await guardSlug(ctx.db, body.slug, undefined, async (tx) => {
      const tenant = await insertTenant(tx, newId('tnt'), body, now);
      await trail.success(tx, { target: tenantTarget(tenant), changes: createdChanges(tenant) });
      return tenant;
    });
    return c.json(created, 201, { ETag: tenantEtag(created) });
  });

  app.get('/tenants/:tenant_id', auth, async (c) => {
    const scope = tenantScope(c.get('caller'));
    const tenant = await mustExist(c.req.param('tenant_id'), scope);
    return c.json(tenant, 200, { ETag: tenantEtag(tenant) });
  });

  app.patch('/tenants/:tenant_id', auth, audit('tenant.updated'), superOnly, async (c) => {
    const trail = c.get('audit');
    const changes = await parseBody(c, tenantUpdate);
    // A refused settings-only save is recorded as what it tried to be.
    if (Object.keys(changes).length === 1 && changes.settings !== undefined) trail.action = 'tenant.settings_updated';
    const tenant = await mustExist(c.req.param('tenant_id'), { kind: 'all' });
    trail.target = tenantTarget(tenant);
    await partnerMustExist(ctx.db, changes.partner_id);
    const updated = await saveChanges(ctx.db, trail, tenant.id, changes, c.req.header('If-Match'), ctx.now());
    return c.json(updated, 200, { ETag: tenantEtag(updated) });
  });

  app.delete('/tenants/:tenant_id', auth, audit('tenant.deleted'), superOnly, async (c) => {
    const trail = c.get('audit');
    const tenant = await mustExist(c.req.param('tenant_id'), { kind: 'all' });
    trail.target = tenantTarget(tenant);
    await ctx.db.transaction(async (tx) => {
      // Two deletes at once: the second finds it gone (404), and records no success.
      if (!(await softDeleteTenant(tx, tenant.id, ctx.now()))) throw notFound('Tenant');
      await trail.success(tx);
    });
    return c.body(null, 204);
  });

  refuseOtherMethods(app, collection('/tenants'), ['GET', 'POST']);
  refuseOtherMethods(app, '/tenants/security-summary', ['GET']);
  refuseOtherMethods(app, '/tenants/:tenant_id', ['GET', 'PATCH', 'DELETE']);
  return app;
}
