// Setting up: build, seed, stand-in, browser, and what machine it all runs on. Everything started
// here registers its own stop with onCleanup, so bench/run.mjs can stop it whatever goes wrong.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { API, API_PORT, DATA_DIR, DIST, PEER_ORIGIN, SEED_VERSION, SEEDED_MARK, WEB_ORIGIN, log, opts } from './options.mjs';

const cleanups = [];

/** Runs `fn` when the bench ends, last registered first (see cleanup). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** Stops whatever the bench started, newest first; a step that fails does not stop the others. */
export async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      // best effort
    }
  }
}

export async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: pick another with --api-port/--web-port`)));
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

function run(cmd, args, env = {}, cwd = undefined) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

export function buildConsole() {
  if (opts['no-build'] && existsSync(join(DIST, 'index.html'))) {
    log(`reusing the build in ${DIST}`);
    return;
  }
  if (opts.head) {
    // The last commit, not the working tree: edits in progress (other people's too) stay out.
    const src = join(DATA_DIR, 'head');
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git archive HEAD | tar -x -C '${src}'`], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (archive.status !== 0) throw new Error('git archive HEAD failed');
    symlinkSync(resolve('node_modules'), join(src, 'node_modules'));
    log(`building the last commit (${spawnSync('git', ['rev-parse', '--short', 'HEAD']).stdout.toString().trim()}) into ${DIST}`);
    run('npx', ['vite', 'build', '--outDir', resolve(DIST), '--emptyOutDir', '--logLevel', 'error'], {}, src);
    return;
  }
  log(`building the console into ${DIST}`);
  run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error']);
}

export function seedLarge() {
  const kept = existsSync(SEEDED_MARK) ? JSON.parse(readFileSync(SEEDED_MARK, 'utf8')) : null;
  if (!opts.reseed && kept?.version === SEED_VERSION) {
    log(`reusing the large seed in ${DATA_DIR} (--reseed to seed it again)`);
    return;
  }
  log(`seeding the large data set into ${DATA_DIR} (a minute or two)`);
  const started = Date.now();
  run('npx', ['tsx', 'server/src/seed/cli.ts', '--reset', '--size', 'large'], { DATA_DIR });
  log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
  writeFileSync(SEEDED_MARK, JSON.stringify({ size: 'large', version: SEED_VERSION, at: new Date().toISOString() }));
}

export async function startStandIn() {
  mkdirSync(DATA_DIR, { recursive: true });
  const out = createWriteStream(join(DATA_DIR, 'server.log'));
  const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
    // The peer calls the Admin API from its own origin: the stand-in's CORS list allows both.
    env: { ...process.env, DATA_DIR, PORT: String(API_PORT), CONSOLE_ORIGINS: `${WEB_ORIGIN},${PEER_ORIGIN}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = code ?? signal;
  });
  onCleanup(async () => {
    if (exited !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(() => {
        if (exited === null) process.kill(-child.pid, 'SIGKILL');
        resolve();
      }, 5000).unref();
    });
  });
  const discovery = `${API}/api/v1/platform/oauth/.well-known/openid-configuration`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the stand-in exited (${exited}); see ${DATA_DIR}/server.log`);
    try {
      if ((await fetch(discovery)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the stand-in did not answer ${discovery} within 3 minutes`);
}

export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return '/usr/bin/chromium';
}

export function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory: os.totalmem(),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browserVersion,
  };
}
