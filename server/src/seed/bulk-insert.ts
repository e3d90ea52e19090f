import type { Db } from '../db/db';

export type Column = readonly [name: string, type: string];

const BATCH = 5000;

/** Bulk insert: each batch is one parameter, a JSON array unpacked by jsonb_to_recordset. */
export async function insertRows(db: Db, table: string, columns: readonly Column[], rows: readonly object[]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`, [
      JSON.stringify(rows.slice(i, i + BATCH)),
    ]);
  }
}
