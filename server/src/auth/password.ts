import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * Password hashing: scrypt (N=16384, r=8, p=1: about 16 MB and tens of milliseconds a hash),
 * stored as `scrypt$N$salt$hash` (base64url).
 *
 * Hashing is deliberately slow, so it never runs on the event loop: crypto.scrypt works on
 * libuv's thread pool. At most HASH_CONCURRENCY hashes run at once (one core fewer than the
 * machine has, at least one), so a flood of sign-in attempts always leaves a core to the event
 * loop for everything else; up to MAX_WAITING more wait their turn, and beyond that a hash is
 * refused at once with PasswordBusyError (the sign-in page answers "busy, try again").
 */

const N = 16384;
const KEY_LENGTH = 32;
/** Enough for N up to 65536 at r=8 (128 * N * r bytes), which is more than any stored hash uses. */
const MAX_MEMORY = 80 * 1024 * 1024;

export const HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);
export const MAX_WAITING = 64;

/** Too many hashes are queued already: the caller should answer "busy" rather than wait. */
export class PasswordBusyError extends Error {
  constructor() {
    super('Too many password checks are waiting');
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= MAX_WAITING) throw new PasswordBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await limited(() => scryptAsync(password, salt, KEY_LENGTH, { N, maxmem: MAX_MEMORY }));
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
  const actual = await limited(() =>
    scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: cost, maxmem: MAX_MEMORY }),
  );
  return timingSafeEqual(expected, actual);
}
