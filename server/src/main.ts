/**
 * `npm run server`: the stand-in on HOST:PORT (default 127.0.0.1:8000). Seeds the standard data
 * on first start (an empty database); `--reset` wipes and reseeds; `--size large` picks the
 * large data set for that seed.
 */
import { serve } from '@hono/node-server';
import { createApp, createContext } from './app';
import { loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { parseSeedArgs } from './seed/args';
import { accountsLine, describeSummary, isSeeded, seed } from './seed/seed';

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig();
  const ctx = await createContext(config);

  if (args.reset || !(await isSeeded(ctx.db))) {
    console.log(`Seeding ${args.size} data${args.reset ? ' (after wiping all data)' : ' (empty database)'}...`);
    console.log(describeSummary(await seed(ctx.db, { size: args.size, reset: args.reset, now: ctx.now() })));
  } else if (args.size === 'large') {
    console.log('The database already holds data: --size large applies with --reset only.');
  }

  const server = serve({ fetch: createApp(ctx).fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`ScaiKey stand-in listening on http://${info.address}:${info.port} (Admin API /api/v1/admin, Admins API /api/admins, OIDC /api/v1/platform)`);
    console.log(`Data: ${config.databaseUrl ? 'DATABASE_URL' : (config.dataDir ?? 'in memory')}`);
    console.log(accountsLine());
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      // A client holding a connection open must not keep the database from closing.
      setTimeout(resolve, 3000).unref();
    });
    await ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // Another server on the same DATA_DIR: the message says what to do, a stack would bury it.
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
});
