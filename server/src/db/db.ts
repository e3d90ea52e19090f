import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoolClient, Pool } from 'pg';
import type { ServerConfig } from '../config';
import { lockDataDir, type DataDirLock } from './data-dir-lock';

/**
 * The little the stand-in needs of a database, so the same SQL runs on PGlite (embedded,
 * the default) and on a real PostgreSQL server (DATABASE_URL). Parameters are $1, $2...
 */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations, seed batches). */
  exec(sql: string): Promise<void>;
  /** Runs fn inside BEGIN/COMMIT; a throw rolls back. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export async function openDb(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<Db> {
  const db = config.databaseUrl ? await openPg(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

async function openPglite(dataDir: string | null): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  let dir: string | undefined;
  let lock: DataDirLock | undefined;
  if (dataDir) {
    // Before anything touches the files: a second process on the same folder corrupts it.
    lock = lockDataDir(dataDir);
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create({
      dataDir: dir,
      extensions: { pg_trgm },
      // Same value shapes as the pg driver below: timestamps as ISO strings, bigint as number.
      parsers: { 1184: (v: string) => new Date(v).toISOString(), 20: (v: string) => Number(v) },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  // PGlite runs one statement at a time; a queue keeps a transaction's statements together.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  const direct: Db = {
    query: async <T>(sql: string, params?: unknown[]) =>
      (await pg.query<T>(sql, params as unknown[] | undefined)).rows,
    exec: async (sql: string) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))) as never,
    close: async () => {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
  function wrapTx(tx: { query: typeof pg.query; exec: typeof pg.exec }): Db {
    const inner: Db = {
      query: async <T>(sql: string, params?: unknown[]) =>
        (await tx.query<T>(sql, params as unknown[] | undefined)).rows,
      exec: async (sql: string) => {
        await tx.exec(sql);
      },
      transaction: (fn) => fn(inner),
      close: async () => undefined,
    };
    return inner;
  }
  return {
    query: (sql, params) => serial(() => direct.query(sql, params)),
    exec: (sql) => serial(() => direct.exec(sql)),
    transaction: (fn) => serial(() => direct.transaction(fn)),
    close: () => serial(() => direct.close()),
  };
}

async function openPg(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  // Timestamps come back as ISO strings on both engines; bigint counts as numbers.
  pg.types.setTypeParser(1184, (v: string) => new Date(v).toISOString());
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const wrap = (client: Pool | PoolClient): Omit<Db, 'transaction' | 'close'> => ({
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  return {
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Db = { ...wrap(client), transaction: (f) => f(tx), close: async () => undefined };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Applies server/migrations/*.sql in name order, each once, recorded in schema_migrations. */
export async function migrate(db: Db): Promise<void> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  let applied = 0;
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    applied++;
  }
  // A migration that rewrote a table (008 adds generated columns) left it without a visibility
  // map or statistics; PGlite never autovacuums, so counts would read every row until the next
  // seed. A new database is vacuumed by its seed instead; VACUUM cannot run inside a transaction.
  if (applied > 0 && done.size > 0) await db.exec('VACUUM ANALYZE');
}
