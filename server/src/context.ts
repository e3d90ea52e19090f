import type { KeySet } from './auth/keys';
import type { ServerConfig } from './config';
import type { Db } from './db/db';

/** What every route needs; built once by main.ts, or per test by the test helpers. */
export interface AppContext {
  db: Db;
  config: ServerConfig;
  keys: KeySet;
  /** The clock, injectable so tests can move time (expiry, token lifetimes). */
  now: () => Date;
}
