import type { Db } from '../../db/db';
import { pageOf, type Page } from '../../http/pagination';

/** Collects parameters while a query is written: `p.add(value)` returns its `$n` placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A LIKE pattern matching `text` anywhere, with %, _ and \ in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface PageQuery {
  /** Columns as the API returns them. */
  select: string;
  from: string;
  /** AND-ed conditions, written with placeholders from `params`. */
  where: string[];
  params: Params;
  orderBy: string;
  page: number;
  perPage: number;
}

/**
 * From this offset on, a page is found by its ids first (an index-only scan where a covering index
 * exists, e.g. tenants_name_cover) and only its own rows are read whole, instead of reading and
 * dropping every wide row before it: page 2,500 of 100,000 tenants goes from ~200 ms to ~30 ms.
 * Below it the plain query is faster.
 */
export const DEEP_OFFSET = 500;

/** The SQL of one page's rows (exported so a test can EXPLAIN it); `$n+1` is LIMIT, `$n+2` OFFSET. */
export function pageSql(q: Pick<PageQuery, 'select' | 'from' | 'where' | 'orderBy' | 'params'>, offset: number): string {
  const where = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const n = q.params.values.length;
  const limits = `LIMIT $${n + 1} OFFSET $${n + 2}`;
  if (offset < DEEP_OFFSET) return `SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.orderBy} ${limits}`;
  return `SELECT ${q.select} FROM ${q.from} WHERE id IN (SELECT id FROM ${q.from} ${where} ORDER BY ${q.orderBy} ${limits}) ORDER BY ${q.orderBy}`;
}

/** One page and the total, in the list envelope. Skips the row query past the last page. */
export async function fetchPage<T>(db: Db, q: PageQuery): Promise<Page<T>> {
  const where = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const [row] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM ${q.from} ${where}`, q.params.values);
  const total = Number(row?.total ?? 0);
  const offset = (q.page - 1) * q.perPage;
  if (offset >= total) return pageOf<T>([], total, q.page, q.perPage);
  const items = await db.query<T>(pageSql(q, offset), [...q.params.values, q.perPage, offset]);
  return pageOf(items, total, q.page, q.perPage);
}

/** PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
