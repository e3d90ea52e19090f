import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Password hashing: scrypt (N=16384, r=8, p=1: about 16 MB and tens of milliseconds a hash),
 * stored as `scrypt$N$salt$hash` (base64url).
 *
 * Hashing is deliberately slow, so it never runs on the event loop. It runs in worker threads of
 * its own, HASH_CONCURRENCY of them (one core fewer than the machine has, at least one), each
 * lowered to nice 10 where the OS allows (Linux: a thread's own priority): when the CPU is
 * short, the event loop, and with it every other request, goes first and sign-ins wait. Not
 * libuv's thread pool (crypto.scrypt): that pool also verifies every access token's signature,
 * which must not be slowed down with it. Up to MAX_WAITING more hashes wait their turn, and
 * beyond that a hash is refused at once with PasswordBusyError (the sign-in page answers "busy,
 * try again").
 */

const N = 16384;
const KEY_LENGTH = 32;
/** Enough for N up to 65536 at r=8 (128 * N * r bytes), which is more than any stored hash uses. */
const MAX_MEMORY = 80 * 1024 * 1024;
/** Lower than anything else in the process (0); 19 is the lowest. */
const HASHER_NICE = 10;

export const HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);
export const MAX_WAITING = 64;

/** Too many hashes are queued already: the caller should answer "busy" rather than wait. */
export class PasswordBusyError extends Error {
  constructor() {
    super('Too many password checks are waiting');
  }
}

/** One hasher thread (plain CommonJS, so it runs the same under tsx, Vitest and a build). */
const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${HASHER_NICE});
} catch {
  // Not Linux, or not allowed: the thread keeps the process's priority.
}
parentPort.on('message', ({ password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, salt, keyLength, options);
    parentPort.postMessage({ key });
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
`;

interface Job {
  password: string;
  salt: Buffer;
  keyLength: number;
  options: ScryptOptions;
  resolve: (key: Buffer) => void;
  reject: (err: Error) => void;
}

interface Hasher {
  worker: Worker;
  job: Job | null;
}

const idle: Hasher[] = [];
const waiting: Job[] = [];
let started = 0;

function startHasher(): Hasher {
  const hasher: Hasher = { worker: new Worker(HASHER_SOURCE, { eval: true }), job: null };
  started += 1;
  // Idle hashers never keep the process alive; a busy one is ref'd while it works.
  hasher.worker.unref();
  hasher.worker.on('message', (answer: { key?: Uint8Array; error?: string }) => {
    const job = hasher.job;
    hasher.job = null;
    hasher.worker.unref();
    if (job) {
      if (answer.key) job.resolve(Buffer.from(answer.key));
      else job.reject(new Error(answer.error ?? 'scrypt failed'));
    }
    next(hasher);
  });
  hasher.worker.on('error', (err) => {
    // The thread is gone: fail its job, and let a new one take its place.
    started -= 1;
    const at = idle.indexOf(hasher);
    if (at >= 0) idle.splice(at, 1);
    hasher.job?.reject(err);
    hasher.job = null;
    const queued = waiting.shift();
    if (queued) run(startHasher(), queued);
  });
  return hasher;
}

function run(hasher: Hasher, job: Job): void {
  hasher.job = job;
  hasher.worker.ref();
  const { password, salt, keyLength, options } = job;
  hasher.worker.postMessage({ password, salt, keyLength, options });
}

function next(hasher: Hasher): void {
  const job = waiting.shift();
  if (job) run(hasher, job);
  else idle.push(hasher);
}

function scryptOffLoop(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const job: Job = { password, salt, keyLength, options, resolve, reject };
    const hasher = idle.pop() ?? (started < HASH_CONCURRENCY ? startHasher() : undefined);
    if (hasher) run(hasher, job);
    else if (waiting.length >= MAX_WAITING) reject(new PasswordBusyError());
    else waiting.push(job);
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptOffLoop(password, salt, KEY_LENGTH, { N, maxmem: MAX_MEMORY });
  return `scrypt$${N}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** False for a wrong password and for anything that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const [scheme, n, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash || rest.length > 0) return false;
  const cost = Number(n);
  // A power of two within what MAX_MEMORY allows; anything else is not a hash we wrote.
  if (!Number.isInteger(cost) || cost < 2 || cost > 65536 || (cost & (cost - 1)) !== 0) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length < 16) return false;
  const actual = await scryptOffLoop(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: cost,
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(expected, actual);
}
