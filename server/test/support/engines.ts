import { createApiHarness, type ApiHarness } from './api-harness';
import { createTestDatabase, type TestDatabase } from './postgres';

/**
 * Races that PGlite alone would hide (it runs one transaction at a time) need a real PostgreSQL
 * too: a test file runs its describe on both, `describe.each(ENGINES)`.
 */
export const ENGINES = ['PGlite', 'PostgreSQL'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * A seeded API harness on `engine` for the surrounding describe: opened before its tests (on
 * PostgreSQL, in a database of its own), handed over through `set`, closed and dropped after.
 */
export function useHarnessOn(engine: Engine, set: (harness: ApiHarness) => void): void {
  useOn(engine, (databaseUrl) => createApiHarness({ databaseUrl }), set);
}

/** The same for any harness `open` makes over the database it is given (undefined: PGlite). */
export function useOn<T extends { close(): Promise<void> }>(
  engine: Engine,
  open: (databaseUrl: string | undefined) => Promise<T>,
  set: (harness: T) => void,
): void {
  let harness: T | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (engine === 'PostgreSQL') database = await createTestDatabase();
    harness = await open(database?.url);
    set(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.drop();
  });
}
