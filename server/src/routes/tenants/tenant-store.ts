import { createHash } from 'node:crypto';
import type { components } from '../../../../src/lib/api/schema';
import type { AuditTarget } from '../../audit/audit-events';
import type { Db } from '../../db/db';
import type { Page } from '../../http/pagination';
import { idsCondition } from '../shared/by-ids';
import { containsPattern, fetchPage, Params } from '../shared/sql';
import { securityConditions, type SecurityFilters } from './tenant-security-store';

/** A tenant as the API returns it: the row less deleted_at. */
export type Tenant = components['schemas']['Tenant'];

const COLUMNS = 'id, name, slug, status, contact_email, partner_id, settings, branding, created_at, updated_at';

/**
 * Exactly the expression of the tenants_search_trgm index (001_core.sql), so a substring
 * search is a trigram index scan even at 100,000 tenants. Change both together.
 */
export const TENANT_SEARCH_EXPRESSION = "(lower(name) || ' ' || slug || ' ' || coalesce(lower(contact_email), ''))";

/** Which tenants a caller may see: everything, one partner's, one tenant, or none. */
export type TenantScope =
  | { kind: 'all' }
  | { kind: 'partner'; partnerId: string }
  | { kind: 'tenant'; tenantId: string }
  | { kind: 'none' };

function scopeCondition(scope: TenantScope, p: Params): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'partner':
      return `partner_id = ${p.add(scope.partnerId)}`;
    case 'tenant':
      return `id = ${p.add(scope.tenantId)}`;
    case 'none':
      return 'false';
  }
}

export interface TenantFilters extends SecurityFilters {
  search?: string;
  status?: string;
  partner_id?: string;
  /** Only these tenants (`?ids=`). */
  ids?: string[];
}

/** The WHERE conditions of a tenant list (exported so a test can EXPLAIN them). */
export function tenantListConditions(filters: TenantFilters, scope: TenantScope, params: Params): string[] {
  const where = ['deleted_at IS NULL'];
  const inScope = scopeCondition(scope, params);
  if (inScope) where.push(inScope);
  if (filters.ids !== undefined) where.push(idsCondition(filters.ids, params));
  if (filters.search) where.push(`${TENANT_SEARCH_EXPRESSION} LIKE lower(${params.add(containsPattern(filters.search))})`);
  if (filters.status !== undefined) where.push(`status = ${params.add(filters.status)}`);
  if (filters.partner_id !== undefined) where.push(`partner_id = ${params.add(filters.partner_id)}`);
  where.push(...securityConditions(filters, params));
  return where;
}

export function listTenants(db: Db, filters: TenantFilters, scope: TenantScope, page: number, perPage: number): Promise<Page<Tenant>> {
  const params = new Params();
  const where = tenantListConditions(filters, scope, params);
  return fetchPage<Tenant>(db, { select: COLUMNS, from: 'tenants', where, params, orderBy: 'lower(name), id', page, perPage });
}

export async function getTenant(db: Db, id: string, scope: TenantScope): Promise<Tenant | undefined> {
  const p = new Params();
  const where = [`id = ${p.add(id)}`, 'deleted_at IS NULL'];
  const inScope = scopeCondition(scope, p);
  if (inScope) where.push(inScope);
  const [row] = await db.query<Tenant>(`SELECT ${COLUMNS} FROM tenants WHERE ${where.join(' AND ')}`, p.values);
  return row;
}

/**
 * A strong ETag of the tenant as the API shows it: any change to any field (updated_at included)
 * changes it. Derived from the row, so no version column is needed and a read and a write agree.
 */
export function tenantEtag(row: Tenant): string {
  return `"${createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 27)}"`;
}

/** The live tenant, its row locked until the transaction ends (a PATCH's If-Match check). */
export async function getTenantForUpdate(db: Db, id: string): Promise<Tenant | undefined> {
  const [row] = await db.query<Tenant>(`SELECT ${COLUMNS} FROM tenants WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [id]);
  return row;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM tenants WHERE slug = $1 AND deleted_at IS NULL AND id <> $2', [slug, exceptId ?? '']);
  return rows.length > 0;
}

export interface TenantFields {
  name: string;
  slug: string;
  status: string;
  contact_email: string | null;
  partner_id: string | null;
  settings: Record<string, unknown>;
  branding: Record<string, unknown>;
}

export async function insertTenant(db: Db, id: string, t: TenantFields, now: Date): Promise<Tenant> {
  const [row] = await db.query<Tenant>(
    `INSERT INTO tenants (id, name, slug, status, contact_email, partner_id, settings, branding, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $9)
     RETURNING ${COLUMNS}`,
    [id, t.name, t.slug, t.status, t.contact_email, t.partner_id, JSON.stringify(t.settings), JSON.stringify(t.branding), now.toISOString()],
  );
  if (!row) throw new Error('INSERT ... RETURNING gave no row');
  return row;
}

const JSON_COLUMNS = new Set<keyof TenantFields>(['settings', 'branding']);
const UPDATABLE: (keyof TenantFields)[] = ['name', 'slug', 'status', 'contact_email', 'partner_id', 'settings', 'branding'];

export async function updateTenant(db: Db, id: string, changes: Partial<TenantFields>, now: Date): Promise<Tenant> {
  const p = new Params();
  const sets = [`updated_at = ${p.add(now.toISOString())}`];
  for (const column of UPDATABLE) {
    const value = changes[column];
    if (value === undefined) continue;
    sets.push(
      JSON_COLUMNS.has(column) ? `${column} = ${p.add(JSON.stringify(value))}::jsonb` : `${column} = ${p.add(value)}`,
    );
  }
  const [row] = await db.query<Tenant>(
    `UPDATE tenants SET ${sets.join(', ')} WHERE id = ${p.add(id)} AND deleted_at IS NULL RETURNING ${COLUMNS}`,
    p.values,
  );
  if (!row) throw new Error(`tenant ${id} vanished during update`);
  return row;
}

/** Soft-deletes a live tenant; false when it was already gone (someone else's delete won). */
export async function softDeleteTenant(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.query('UPDATE tenants SET deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL RETURNING id', [now.toISOString(), id]);
  return rows.length > 0;
}

/** A tenant as an audit entry names it (deleted ones included: a refused request may name one). */
export async function describeTenant(db: Db, id: string): Promise<AuditTarget | undefined> {
  const [row] = await db.query<{ id: string; name: string; partner_id: string | null }>('SELECT id, name, partner_id FROM tenants WHERE id = $1', [id]);
  return row && tenantTarget(row);
}

/** What an audit entry about this tenant records: its id and name now, itself as tenant, its partner. */
export function tenantTarget(t: Pick<Tenant, 'id' | 'name' | 'partner_id'>): AuditTarget {
  return { id: t.id, name: t.name, tenantId: t.id, partnerId: t.partner_id };
}
