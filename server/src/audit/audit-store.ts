import type { Db } from '../db/db';
import { pageOf, type Page } from '../http/pagination';
import { newId } from '../ids';
import { Params, pageSql } from '../routes/shared/sql';
import type { AuditEntry, AuditEvent } from './audit-events';

const COLUMNS =
  'id, occurred_at, actor_id, actor_email, action, resource_type, resource_id, resource_name, tenant_id, partner_id, result, status_code, ip_address, user_agent, request_id, changes, detail';

/** Newest first, the id as tie-breaker: the order of every audit index (007_audit_events.sql). */
const NEWEST_FIRST = 'occurred_at DESC, id DESC';

/** The columns of one entry, in COLUMNS order less the id (the seed writes rows the same way). */
export function auditRowValues(e: AuditEntry): unknown[] {
  return [
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorEmail,
    e.action,
    e.resourceType,
    e.target.id,
    e.target.name,
    e.target.tenantId ?? null,
    e.target.partnerId ?? null,
    e.result,
    e.statusCode,
    e.ipAddress,
    e.userAgent,
    e.requestId,
    e.changes === null ? null : JSON.stringify(e.changes),
    e.detail,
  ];
}

/** Writes one entry; inside the change's transaction when there is one (recorder.ts). */
export async function insertAuditEvent(db: Db, entry: AuditEntry): Promise<string> {
  const id = newId('aud');
  await db.query(
    `INSERT INTO audit_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)`,
    [id, ...auditRowValues(entry)],
  );
  return id;
}

export interface AuditFilters {
  tenant_id?: string;
  partner_id?: string;
  actor_id?: string;
  actor_email?: string;
  action?: string;
  resource_type?: string;
  resource_id?: string;
  result?: string;
  start_time?: Date;
  end_time?: Date;
  ip_address?: string;
}

/** Equality filters: query parameter → column. */
const EXACT: (keyof AuditFilters & string)[] = ['tenant_id', 'partner_id', 'actor_id', 'action', 'resource_type', 'resource_id', 'result', 'ip_address'];

/** The WHERE conditions of an audit list (exported so a test can EXPLAIN them). */
export function auditListConditions(filters: AuditFilters, params: Params): string[] {
  const where: string[] = [];
  for (const column of EXACT) {
    const value = filters[column];
    if (value !== undefined) where.push(`${column} = ${params.add(value)}`);
  }
  if (filters.actor_email !== undefined) where.push(`lower(actor_email) = lower(${params.add(filters.actor_email)})`);
  if (filters.start_time) where.push(`occurred_at >= ${params.add(filters.start_time.toISOString())}`);
  if (filters.end_time) where.push(`occurred_at < ${params.add(filters.end_time.toISOString())}`);
  return where;
}

/**
 * The most matches an audit list counts. Counting is a walk over every match, and the log grows
 * without end: at 500,000 entries an exact count(*) of the unfiltered list takes 60-100 ms on
 * PGlite, while counting up to 10,000 takes a few. Past it the answer says so rather than pass a
 * lower bound off as the total: `total` is AUDIT_COUNT_CAP and `total_capped` true ("more than
 * 10,000"), and every page is still served, however deep.
 */
export const AUDIT_COUNT_CAP = 10_000;

/** The list envelope, plus whether `total` is only a lower bound (AUDIT_COUNT_CAP). */
export type AuditPage = Page<AuditEvent> & { total_capped: boolean };

export async function listAuditEvents(db: Db, filters: AuditFilters, page: number, perPage: number): Promise<AuditPage> {
  const params = new Params();
  const where = auditListConditions(filters, params);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [row] = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM (SELECT 1 FROM audit_events ${whereSql} LIMIT ${AUDIT_COUNT_CAP + 1}) AS capped`,
    params.values,
  );
  const counted = Number(row?.total ?? 0);
  const capped = counted > AUDIT_COUNT_CAP;
  const total = Math.min(counted, AUDIT_COUNT_CAP);
  const offset = (page - 1) * perPage;
  if (!capped && offset >= total) return { ...pageOf<AuditEvent>([], total, page, perPage), total_capped: false };
  const query = { select: COLUMNS, from: 'audit_events', where, params, orderBy: NEWEST_FIRST };
  const items = await db.query<AuditEvent>(pageSql(query, offset), [...params.values, perPage, offset]);
  return { ...pageOf(items, total, page, perPage), total_capped: capped };
}

export async function getAuditEvent(db: Db, id: string): Promise<AuditEvent | undefined> {
  const [row] = await db.query<AuditEvent>(`SELECT ${COLUMNS} FROM audit_events WHERE id = $1`, [id]);
  return row;
}
