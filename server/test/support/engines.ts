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
  let harness: ApiHarness | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (engine === 'PostgreSQL') database = await createTestDatabase();
    harness = await createApiHarness({ databaseUrl: database?.url });
    set(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.drop();
  });
}
