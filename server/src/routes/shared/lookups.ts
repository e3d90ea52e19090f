import type { Db } from '../../db/db';
import { valueError, type Loc, type ValidationIssue } from '../../http/errors';

type LiveTable = 'users' | 'partners' | 'tenants';

/** True when a row with this id exists and is not soft-deleted. */
export async function isLive(db: Db, table: LiveTable, id: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM ${table} WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return rows.length > 0;
}

const NAMES: Record<LiveTable, string> = { users: 'User', partners: 'Partner', tenants: 'Tenant' };

export interface Reference {
  table: LiveTable;
  id: string | null | undefined;
  loc: Loc;
}

/** A 422 issue at `loc` for every referenced id that is unknown or soft-deleted. */
export async function missingReferences(db: Db, refs: Reference[]): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const ref of refs) {
    if (ref.id == null) continue;
    if (!(await isLive(db, ref.table, ref.id))) {
      issues.push(valueError(ref.loc, `${NAMES[ref.table]} '${ref.id}' not found`, ref.id));
    }
  }
  return issues;
}
