#!/usr/bin/env node
// `npm run bench:auth`: does a flood of wrong-password sign-ins slow the stand-in down for
// everyone else? Starts the stand-in on 127.0.0.1 (port 8101 by default, an in-memory database
// with the standard seed), signs in as root@scaikey.test through the real OIDC code + PKCE flow,
// and times GET /api/v1/admin/auth/me, one request at a time:
//
//   1. alone (--samples requests, default 200);
//   2. during a flood of wrong-password sign-in POSTs from this machine (one client address,
//      so the sign-in throttle soon refuses it);
//   3. during the same flood claiming a different client address for every attempt (the server
//      is started with TRUST_X_FORWARDED_FOR=1, the flood sends X-Forwarded-For), so that no
//      throttle applies and every attempt costs a password hash: the worst case for the CPU.
//
// in --rounds rounds (default 3), pooling each kind's samples. The flood is bounded: --loops
// concurrent loops (default 10), each waiting for its answer before sending the next, for
// --seconds (default 10), against several emails; /auth/me is timed for as long as it lasts.
// The goal: the median (p50) during a flood within 2x of alone. bench/README.md says more.
//
// Options: --port (default 8101), --samples, --loops, --seconds, --rounds.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openSignInPage, postForm, signIn } from './lib/oidc-client.mjs';
import { median, percentile, table } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (isMainThread) process.chdir(ROOT);

const { values: opts } = parseArgs({
  args: isMainThread ? process.argv.slice(2) : [],
  options: {
    port: { type: 'string', default: '8101' },
    samples: { type: 'string', default: '200' },
    loops: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});
const PORT = Number(opts.port);
const SAMPLES = Number(opts.samples);
const LOOPS = Number(opts.loops);
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);
for (const [name, value] of Object.entries({ port: PORT, samples: SAMPLES, loops: LOOPS, seconds: SECONDS, rounds: ROUNDS })) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
}
if (LOOPS > 50 || SECONDS > 120) throw new Error('the flood is bounded: at most 50 loops for 120 seconds');

// Only ever this machine.
const HOST = '127.0.0.1';
const API = `http://${HOST}:${PORT}`;
const LOG_DIR = '.data/bench-auth';
const RESULTS = 'bench/results';
const ACCOUNT = { email: 'root@scaikey.test', password: 'ChangeMe-123!' };
const FLOOD_EMAILS = [
  'root@scaikey.test',
  'tenant.admin@scaikey.test',
  'partner.admin@scaikey.test',
  'expired.admin@scaikey.test',
  'nobody@scaikey.test',
];

const cleanups = [];
if (isMainThread) installCleanupHandlers();
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      // best effort
    }
  }
}
// Whatever goes wrong, stop the stand-in this bench started (it runs in its own process group).
function installCleanupHandlers() {
  process.on('uncaughtException', (error) => {
    console.error(`✖ bench:auth: ${error instanceof Error ? error.stack : String(error)}`);
    void cleanup().then(() => process.exit(1));
  });
  process.on('unhandledRejection', (error) => {
    console.error(`✖ bench:auth: ${error instanceof Error ? error.stack : String(error)}`);
    void cleanup().then(() => process.exit(1));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      void cleanup().then(() => process.exit(130));
    });
  }
}

function log(message) {
  console.error(`[bench:auth] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// The stand-in

async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: pick another with --port`)));
    probe.listen(port, HOST, () => probe.close(resolve));
  });
}

async function startStandIn() {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, 'server.log');
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      HOST,
      PORT: String(PORT),
      PUBLIC_URL: API,
      DATA_DIR: ':memory:',
      DATABASE_URL: '',
      TRUST_X_FORWARDED_FOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  child.once('exit', (code) => {
    exited = code ?? 'signal';
  });
  cleanups.push(async () => {
    if (exited !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(() => {
        if (exited === null) process.kill(-child.pid, 'SIGKILL');
        resolve();
      }, 5000).unref();
    });
    log('stopped the stand-in');
  });
  const discovery = `${API}/api/v1/platform/oauth/.well-known/openid-configuration`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the stand-in exited (${exited}); see ${logFile}`);
    try {
      const res = await fetch(discovery);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the stand-in did not answer ${discovery} within 2 minutes`);
}

// ---------------------------------------------------------------------------------------------
// Signing in, as the console does: authorize → sign-in form → code → token (PKCE S256)

// ---------------------------------------------------------------------------------------------
// Measuring

/** Sequential GET /auth/me: latencies in ms, until `count` samples or `until()` says stop. */
async function timeAuthMe(accessToken, count, until = () => false) {
  const times = [];
  while (times.length < count && !until()) {
    const started = performance.now();
    const res = await fetch(`${API}/api/v1/admin/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/auth/me answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

function summary(times) {
  return { n: times.length, p50: median(times), p95: percentile(times, 95), max: Math.max(...times) };
}

/**
 * In a worker thread (its own event loop, so the flood's client-side work does not delay the
 * timed requests of the main thread): `loops` loops for `seconds`, each posting wrong passwords
 * one after another. `spread` claims a new client address (from 198.18.0.0/15, set aside for
 * benchmarks) and a new email for every attempt.
 */
async function floodWorker({ discovery, spread, loops, seconds }) {
  const statuses = {};
  let stop = false;
  let attempts = 0;
  const challenge = createHash('sha256').update(randomBytes(32)).digest('base64url');
  const octet = () => Math.floor(Math.random() * 256);
  const address = () => `198.${18 + (octet() & 1)}.${octet()}.${1 + (octet() % 254)}`;
  const forms = await Promise.all(Array.from({ length: loops }, () => openSignInPage(discovery, challenge)));
  parentPort.postMessage({ type: 'started' });
  const started = performance.now();
  setTimeout(() => (stop = true), seconds * 1000);
  parentPort.on('message', (m) => {
    if (m === 'stop') stop = true;
  });
  const loop = async (form, n) => {
    for (let i = 0; !stop; i++) {
      const email = spread ? `flood-${n}-${i}@scaikey.test` : FLOOD_EMAILS[(n + i) % FLOOD_EMAILS.length];
      const headers = spread ? { 'x-forwarded-for': address() } : {};
      const res = await postForm(
        form.action,
        { login_id: form.loginId, email, password: `wrong-${i}` },
        `scaikey_login=${form.cookie}`,
        headers,
      );
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      attempts += 1;
    }
  };
  await Promise.all(forms.map(loop));
  const elapsed = (performance.now() - started) / 1000;
  parentPort.postMessage({ type: 'done', attempts, seconds: elapsed, statuses });
}

/** /auth/me timed in this thread while the flood runs in a worker. */
async function duringFlood(discovery, accessToken, spread) {
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { discovery, spread, loops: LOOPS, seconds: SECONDS },
  });
  let over = false;
  let started;
  const ready = new Promise((resolve) => (started = resolve));
  const done = new Promise((resolve, reject) => {
    worker.on('message', (m) => {
      if (m.type === 'started') started();
      if (m.type === 'done') {
        over = true;
        resolve(m);
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      over = true;
      reject(new Error(`the flood worker exited (${code}) before it reported`));
    });
  });
  cleanups.push(() => worker.terminate());
  await Promise.race([ready, done]);
  // Let the flood get going (and, from one address, run into the throttle) before timing; then
  // time for as long as it lasts.
  await new Promise((r) => setTimeout(r, 500));
  let times;
  try {
    times = await timeAuthMe(accessToken, Number.POSITIVE_INFINITY, () => over);
  } finally {
    worker.postMessage('stop');
  }
  return { times, flood: await done };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cpus = os.cpus();
  log(`${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await assertPortFree(PORT);
  log(`starting the stand-in on ${API} (in-memory database; log: ${LOG_DIR}/server.log)`);
  const discovery = await startStandIn();
  for (const key of ['authorization_endpoint', 'token_endpoint']) {
    if (new URL(discovery[key]).origin !== API) throw new Error(`${key} is not on ${API}`);
  }
  log(`signing in as ${ACCOUNT.email} (authorization code + PKCE)`);
  const accessToken = await signIn(discovery, ACCOUNT);
  await timeAuthMe(accessToken, 20); // warm-up

  // Rounds of alone / one address / many addresses, so that whatever else the machine does
  // meanwhile weighs on each kind alike; each kind's samples are pooled over the rounds.
  const kinds = {
    alone: { name: 'alone', times: [], floods: [], p50s: [] },
    one: { name: 'flood, one address', times: [], floods: [], p50s: [] },
    many: { name: 'flood, an address per attempt', times: [], floods: [], p50s: [] },
  };
  const record = (kind, times, flood) => {
    kinds[kind].times.push(...times);
    kinds[kind].p50s.push(median(times));
    if (flood) kinds[kind].floods.push(flood);
  };
  for (let round = 1; round <= ROUNDS; round++) {
    log(`round ${round}/${ROUNDS}: /auth/me alone (${SAMPLES} requests)`);
    record('alone', await timeAuthMe(accessToken, SAMPLES));
    log(`round ${round}/${ROUNDS}: /auth/me during ${LOOPS} loops of wrong passwords from one address, ${SECONDS} s`);
    const one = await duringFlood(discovery, accessToken, false);
    record('one', one.times, one.flood);
    log(`round ${round}/${ROUNDS}: /auth/me during ${LOOPS} loops of wrong passwords, a new address and email each, ${SECONDS} s`);
    const many = await duringFlood(discovery, accessToken, true);
    record('many', many.times, many.flood);
  }

  const baseline = median(kinds.alone.times);
  const fmt = (v) => (v == null ? 'n/a' : `${v.toFixed(1)} ms`);
  const floodTotals = (floods) => {
    if (!floods.length) return null;
    const statuses = {};
    for (const f of floods) for (const [status, n] of Object.entries(f.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    const attempts = floods.reduce((sum, f) => sum + f.attempts, 0);
    const seconds = floods.reduce((sum, f) => sum + f.seconds, 0);
    return { attempts, perSecond: attempts / seconds, statuses };
  };
  const rows = Object.values(kinds).map((k) => ({ ...k, stats: summary(k.times), flood: floodTotals(k.floods) }));
  console.log('');
  console.log(`/api/v1/admin/auth/me, sequential, on ${API}: ${ROUNDS} rounds, samples pooled`);
  console.log(
    table(
      ['', 'n', 'p50', 'p95', 'max', 'p50 vs alone', 'p50 by round', 'sign-in attempts/s', 'sign-in answers'],
      rows.map(({ name, stats, flood, p50s }) => [
        name,
        stats.n,
        fmt(stats.p50),
        fmt(stats.p95),
        fmt(stats.max),
        flood ? `${(stats.p50 / baseline).toFixed(2)}×` : '',
        p50s.map((v) => v.toFixed(1)).join(' / '),
        flood ? flood.perSecond.toFixed(1) : '',
        flood ? Object.entries(flood.statuses).map(([status, n]) => `${status}×${n}`).join(' ') : '',
      ]),
    ),
  );
  console.log('');
  console.log('Sign-in answers: 200 wrong password, 429 throttled (no hash), 503 too many hashes waiting.');
  const worst = Math.max(...rows.filter((r) => r.flood).map((r) => r.stats.p50 / baseline));
  console.log(`Goal: p50 during a flood within 2× of alone: ${worst <= 2 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}×).`);

  mkdirSync(RESULTS, { recursive: true });
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model, loadavg: os.loadavg() },
    options: { samples: SAMPLES, loops: LOOPS, seconds: SECONDS, rounds: ROUNDS },
    rows: rows.map(({ name, stats, flood, p50s }) => ({ name, ...stats, p50ByRound: p50s, flood })),
  };
  writeFileSync(join(RESULTS, 'auth-flood-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${RESULTS}/auth-flood-latest.json`);
}

if (isMainThread) {
  main().then(cleanup, async (error) => {
    console.error(`✖ bench:auth: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exitCode = 1;
  });
} else {
  await floodWorker(workerData);
}
