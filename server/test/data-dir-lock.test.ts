import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, LOCK_FILE, lockDataDir, processStartTime } from '../src/db/data-dir-lock';

/** One data folder, one process: the lock itself, then real servers and the seed CLI spawned on one folder. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scaikey-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => join(dir, LOCK_FILE);
const message = (pid: number, folder = dir) =>
  `Another ScaiKey stand-in (pid ${pid}) is using ${folder}; stop it or set DATA_DIR to another folder.`;

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockDataDir', () => {
  it('refuses a second lock on the folder, from this process too, until the first is released', () => {
    const first = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(dir)).toThrow(new DataDirLockedError(dir, process.pid));
    first.release();
    expect(existsSync(lockFile())).toBe(false);
    first.release();
    lockDataDir(dir).release();
  });

  it('refuses while the holding process runs, naming it', () => {
    const ppid = process.ppid;
    writeFileSync(lockFile(), JSON.stringify({ pid: ppid, started: processStartTime(ppid), nonce: 'x' }));
    expect(() => lockDataDir(dir)).toThrow(message(ppid));
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(ppid);
  });

  it('takes over a lock whose process is gone (killed with -9), or that cannot be read', () => {
    for (const stale of [JSON.stringify({ pid: deadPid(), started: null, nonce: 'x' }), '', 'not json']) {
      writeFileSync(lockFile(), stale);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to another process (another start time)', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid, started: '1', nonce: 'x' }));
    lockDataDir(dir).release();
  });

  it('takes over a lock left by an earlier process that had this pid', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, started: processStartTime(process.pid), nonce: 'earlier' }));
    lockDataDir(dir).release();
  });

  it('releases only its own file, not one another process has taken over since', () => {
    const lock = lockDataDir(dir);
    const theirs = JSON.stringify({ pid: process.ppid, started: processStartTime(process.ppid), nonce: 'y' });
    writeFileSync(lockFile(), theirs);
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe(theirs);
  });
});

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

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm run server` / `npm run seed` on the test's folder, as one node process (so its pid is the lock's). */
async function start(script: 'server/src/main.ts' | 'server/src/seed/cli.ts'): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', HOST: '127.0.0.1', PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function listening(run: Run): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!run.output().includes('listening on')) {
    if (run.child.exitCode !== null) throw new Error(`the server exited (${run.child.exitCode}):\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('servers and seeds on one DATA_DIR', () => {
  const running: Run[] = [];
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill('SIGKILL');
  });

  it('a second server or seed exits at once with code 1 and says who holds the folder; a server killed with -9 is replaced', async () => {
    const first = await start('server/src/main.ts');
    running.push(first);
    await listening(first);
    const pid = first.child.pid!;

    const others = await Promise.all((['server/src/main.ts', 'server/src/seed/cli.ts'] as const).map(start));
    running.push(...others);
    for (const other of others) {
      expect(await other.exited).toBe(1);
      expect(other.output().trim()).toBe(message(pid));
    }

    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(pid);

    const next = await start('server/src/main.ts');
    running.push(next);
    await listening(next);
    // It found the data the first one seeded, and a clean stop releases the folder.
    expect(next.output()).not.toContain('Seeding');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(next.child.pid);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
    // Three real servers and a seed CLI start here (tsx compiles each): on a busy 2-core
    // machine that alone can pass the default 30 s.
  }, 120_000);
});
