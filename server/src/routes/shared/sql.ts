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

/** One page and the total, in the list envelope. Skips the row query past the last page. */
export async function fetchPage<T>(db: Db, q: PageQuery): Promise<Page<T>> {
  const where = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const [row] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM ${q.from} ${where}`, q.params.values);
  const total = Number(row?.total ?? 0);
  const offset = (q.page - 1) * q.perPage;
  if (offset >= total) return pageOf<T>([], total, q.page, q.perPage);
  const n = q.params.values.length;
  const items = await db.query<T>(
    `SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...q.params.values, q.perPage, offset],
  );
  return pageOf(items, total, q.page, q.perPage);
}

/** PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
