import { Hono } from 'hono';
import { requireAuth, requireSuperAdmin, type AuthEnv, type Caller } from '../../auth/middleware';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import { conflict, forbidden, HttpError, notFound, RequestValidationError } from '../../http/errors';
import { pageParams } from '../../http/pagination';
import { parseBody, parseQuery } from '../../http/request';
import { oneOf, optional, str } from '../../http/validate';
import { newId } from '../../ids';
import { missingReferences } from '../shared/lookups';
import { collection, refuseOtherMethods } from '../shared/paths';
import { isUniqueViolation } from '../shared/sql';
import { TENANT_STATUSES, tenantCreate, tenantUpdate } from './tenant-schemas';
import {
  getTenant,
  getTenantForUpdate,
  insertTenant,
  listTenants,
  slugTaken,
  softDeleteTenant,
  tenantEtag,
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

/** A PATCH's write: 409 on a taken slug, 412 when If-Match was sent and no longer matches. */
function saveChanges(db: Db, id: string, changes: Partial<TenantFields>, ifMatch: string | undefined, now: Date): Promise<Tenant> {
  return guardSlug(db, changes.slug, id, async (tx) => {
    // Checked on the locked row, in the write's transaction: no save can slip in between.
    if (ifMatch !== undefined) {
      const current = await getTenantForUpdate(tx, id);
      if (!current) throw notFound('Tenant');
      if (!ifMatchAllows(ifMatch, current)) throw stale();
    }
    return updateTenant(tx, id, changes, now);
  });
}

/** /tenants: admins read within their scope; only Super Admins write. */
export function tenantRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(ctx);
  const superOnly = requireSuperAdmin('Only Super Admins can manage tenants');
  const mustExist = async (id: string, scope: TenantScope) => (await getTenant(ctx.db, id, scope)) ?? Promise.reject(notFound('Tenant'));

  app.on('GET', collection('/tenants'), auth, async (c) => {
    const scope = tenantScope(c.get('caller'));
    const q = parseQuery(c, {
      ...pageParams,
      search: optional(str()),
      status: optional(oneOf(TENANT_STATUSES)),
      partner_id: optional(str()),
    });
    return c.json(await listTenants(ctx.db, q, scope, q.page, q.per_page));
  });

  app.on('POST', collection('/tenants'), auth, superOnly, async (c) => {
    const body = await parseBody(c, tenantCreate);
    await partnerMustExist(ctx.db, body.partner_id);
    const now = ctx.now();
    const created = await guardSlug(ctx.db, body.slug, undefined, (tx) => insertTenant(tx, newId('tnt'), body, now));
    return c.json(created, 201, { ETag: tenantEtag(created) });
  });

  app.get('/tenants/:tenant_id', auth, async (c) => {
    const scope = tenantScope(c.get('caller'));
    const tenant = await mustExist(c.req.param('tenant_id'), scope);
    return c.json(tenant, 200, { ETag: tenantEtag(tenant) });
  });

  app.patch('/tenants/:tenant_id', auth, superOnly, async (c) => {
    const changes = await parseBody(c, tenantUpdate);
    const tenant = await mustExist(c.req.param('tenant_id'), { kind: 'all' });
    await partnerMustExist(ctx.db, changes.partner_id);
    const updated = await saveChanges(ctx.db, tenant.id, changes, c.req.header('If-Match'), ctx.now());
    return c.json(updated, 200, { ETag: tenantEtag(updated) });
  });

  app.delete('/tenants/:tenant_id', auth, superOnly, async (c) => {
    const tenant = await mustExist(c.req.param('tenant_id'), { kind: 'all' });
    await softDeleteTenant(ctx.db, tenant.id, ctx.now());
    return c.body(null, 204);
  });

  refuseOtherMethods(app, collection('/tenants'), ['GET', 'POST']);
  refuseOtherMethods(app, '/tenants/:tenant_id', ['GET', 'PATCH', 'DELETE']);
  return app;
}
