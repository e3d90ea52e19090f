/**
 * `npm run seed [-- --reset] [-- --size large]`: seeds the database the server uses (same
 * DATA_DIR / DATABASE_URL). Refuses to seed over existing data unless --reset is given.
 */
import { loadConfig } from '../config';
import { openDb } from '../db/db';
import { parseSeedArgs } from './args';
import { accountsLine, describeSummary, isSeeded, seed } from './seed';

async function main(): Promise<number> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig();
  const db = await openDb(config);
  try {
    if (!args.reset && (await isSeeded(db))) {
      console.error(
        `The database already holds data (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}). ` +
          `Add --reset to wipe it and seed again: npm run seed -- --reset${args.size === 'large' ? ' --size large' : ''}`,
      );
      return 1;
    }
    console.log(`Seeding ${args.size}${args.reset ? ' (after wiping all data)' : ''}...`);
    console.log(describeSummary(await seed(db, { size: args.size, reset: args.reset })));
    console.log(accountsLine());
    return 0;
  } finally {
    await db.close();
  }
}

// Ctrl+C or a kill: leave through process.exit, so the data folder's lock is released at once.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    console.error(`${signal}: seeding interrupted`);
    process.exit(code);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
