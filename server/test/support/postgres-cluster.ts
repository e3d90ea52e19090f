/**
 * Vitest globalSetup of the server project: one throwaway PostgreSQL cluster for the whole run,
 * so the tests that need real concurrency (PGlite runs one transaction at a time) have a real
 * server. initdb into a temp folder, start it on a free port of 127.0.0.1 (its socket in the
 * same folder), hand its URL to the tests (`inject('postgresUrl')`, see postgres.ts), and stop
 * it and remove the folder when the run ends. About a second on a 2-core machine.
 *
 * initdb refuses to run as root, and tests run as root in CI: then the cluster belongs to the
 * `postgres` user the Debian package creates, and its commands run through runuser.
 *
 * Without PostgreSQL's server binaries the run fails, naming the install command: a test that
 * needs a real server is never skipped to get green.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://... of the run's cluster, database `postgres`, user `postgres`, no password. */
    postgresUrl: string;
  }
}

const INSTALL_HELP =
  'Install them and run the tests again: `apt-get install -y postgresql` (Debian/Ubuntu, as root or with sudo), ' +
  '`brew install postgresql` (macOS), or set PG_BIN to the folder that holds initdb and pg_ctl.';

/** The folder with initdb and pg_ctl: $PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else PATH. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (env.PG_BIN) {
    if (has(env.PG_BIN)) return env.PG_BIN;
    throw new Error(`PG_BIN=${env.PG_BIN} holds no initdb and pg_ctl. ${INSTALL_HELP}`);
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v) && has(join(debian, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(debian, versions[0], 'bin');
  const onPath = (env.PATH ?? '').split(delimiter).find((dir) => dir && has(dir));
  if (onPath) return onPath;
  throw new Error(
    'The server tests start their own PostgreSQL to test concurrency on a real server, but its binaries ' +
      `(initdb, pg_ctl) are not in ${debian}/*/bin nor on PATH. ${INSTALL_HELP}`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Cluster {
  url: string;
  stop(): void;
}

export async function startCluster(): Promise<Cluster> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  // As root: run everything as `postgres`, in a folder it owns under /tmp (TMPDIR may point
  // somewhere that user cannot reach).
  const owner = asRoot ? unprivilegedUser() : null;
  const dir = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'scaikey-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = owner ? ['runuser', ['-u', owner.name, '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    try {
      execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    } catch (err) {
      const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
      const logTail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${tool} failed: ${e.stderr?.toString() || e.stdout?.toString() || e.message}\n${logTail}`.trim(), { cause: err });
    }
  };
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch (err) {
        console.error(`[postgres] could not stop the test cluster in ${dir}:`, err);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    // A throwaway cluster: durability off. A port can be taken between probing and binding: retry.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
        started = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}

function unprivilegedUser(): { name: string; uid: number; gid: number } {
  const name = 'postgres';
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `The tests run as root, and initdb refuses root: they run PostgreSQL as the user "${name}", which does not exist. ${INSTALL_HELP}`,
    );
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  // Teardown normally stops it; this covers a run that ends without teardown (an uncaught error).
  const onExit = () => cluster.stop();
  process.once('exit', onExit);
  project.provide('postgresUrl', cluster.url);
  return () => {
    process.off('exit', onExit);
    cluster.stop();
  };
}
