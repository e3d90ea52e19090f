/**
 * The sign-in throttle: failed password checks counted per account and per client address, in
 * memory. A stand-in runs as one process, so memory is enough; the counts are lost on a restart,
 * which only ever lets someone try again sooner. Each map is bounded (MAX_ENTRIES) and entries
 * expire on their own, so a flood of made-up emails or addresses cannot grow it without limit.
 *
 * Three counters, each with a window, a threshold and a lock that doubles with every further
 * failure up to a cap:
 *
 * - account from one address (email + address): 5 failures within 15 minutes lock that email
 *   for that address, for 1 minute, then 2, 4, 8, 15 (the cap) with each failure after a lock
 *   ends. This is what stops someone guessing one account's password, and it leaves the real
 *   owner at another address alone.
 * - account from anywhere (email): 10 failures within one 15-minute window lock the email for
 *   every address, 1 minute growing to 15. One address alone cannot get there (the first
 *   counter lets it fail at most 8 times in any such window), so only a guess spread over
 *   several addresses locks the owner out, and then briefly.
 * - client address: 20 failures within 15 minutes lock the address for every email, 5 minutes
 *   growing to an hour. This stops one machine trying many accounts.
 *
 * While a counter is locked, attempts are refused before the password is checked (no scrypt, no
 * database): they cost nothing and do not count, so hammering a locked account does not extend
 * its lock. A counter forgets its failures a window after its last lock ends (or its window
 * closes, if it never locked). A successful sign-in clears the account's counters (both of
 * them), not the address's: otherwise one valid account would reset an attacker's address count.
 * Emails are counted whether or not an account has them, so the throttle tells nothing about
 * which emails exist.
 *
 * Attempts still being checked count as failures until they are decided, so that many parallel
 * requests cannot all slip under a threshold before the first of them has failed.
 */

export interface LimitRule {
  maxFailures: number;
  windowMs: number;
  /** The first lock; each further failure doubles it... */
  baseLockMs: number;
  /** ...up to this. */
  maxLockMs: number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  accountFromAddress: { maxFailures: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  account: { maxFailures: 10, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  address: { maxFailures: 20, windowMs: 15 * MINUTE, baseLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE },
} satisfies Record<string, LimitRule>;

/** Per counter; beyond it, expired entries go first, then the least recently failed. */
export const MAX_ENTRIES = 50_000;

/** How long to wait when the only obstacle is attempts still being checked. */
const IN_FLIGHT_WAIT_MS = 1000;

interface Entry {
  failures: number;
  /** Attempts begun and not yet decided. */
  pending: number;
  /** When the failures are forgotten, unless locked again before. */
  forgetAt: number;
  lockedUntil: number;
}

export class FailureCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly rule: LimitRule,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private expired(e: Entry, now: number): boolean {
    return e.pending === 0 && e.lockedUntil <= now && e.forgetAt <= now;
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.lockedUntil <= now && e.forgetAt <= now) {
      if (e.pending === 0) {
        this.entries.delete(key);
        return undefined;
      }
      e.failures = 0;
    }
    return e;
  }

  private entry(key: string, now: number): Entry {
    const found = this.live(key, now);
    if (found) return found;
    if (this.entries.size >= this.maxEntries) this.makeRoom(now);
    const e: Entry = { failures: 0, pending: 0, forgetAt: now, lockedUntil: 0 };
    this.entries.set(key, e);
    return e;
  }

  private makeRoom(now: number): void {
    for (const [key, e] of this.entries) if (this.expired(e, now)) this.entries.delete(key);
    // Still full: drop the oldest (a Map iterates in insertion order; failures move keys to the end).
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  wait(key: string, now: number): number {
    const e = this.live(key, now);
    if (!e) return 0;
    if (e.lockedUntil > now) return e.lockedUntil - now;
    // Past the threshold (or about to be): one decided attempt at a time.
    if (e.pending > 0 && e.failures + e.pending >= this.rule.maxFailures) return IN_FLIGHT_WAIT_MS;
    return 0;
  }

  begin(key: string, now: number): void {
    this.entry(key, now).pending += 1;
  }

  /** Records a failure; returns how long the key is now locked for (0 if not). */
  fail(key: string, now: number): number {
    const e = this.entry(key, now);
    e.pending = Math.max(0, e.pending - 1);
    const { maxFailures, windowMs, baseLockMs, maxLockMs } = this.rule;
    if (e.failures === 0) e.forgetAt = now + windowMs;
    e.failures += 1;
    // Keep recently failing keys at the end, so eviction takes the quiet ones first.
    this.entries.delete(key);
    this.entries.set(key, e);
    if (e.failures < maxFailures) return 0;
    const lock = Math.min(baseLockMs * 2 ** Math.min(e.failures - maxFailures, 30), maxLockMs);
    e.lockedUntil = now + lock;
    e.forgetAt = Math.max(e.forgetAt, e.lockedUntil + windowMs);
    return lock;
  }

  /** The attempt was decided without a failure: it no longer counts. */
  release(key: string, now: number): void {
    const e = this.live(key, now);
    if (e) e.pending = Math.max(0, e.pending - 1);
  }

  /** Forgets the key's failures (a successful sign-in). */
  clear(key: string): void {
    this.entries.delete(key);
  }
}

/** One sign-in attempt that passed the throttle; exactly one of its methods is called. */
export interface Attempt {
  /** Wrong password: returns how long the attempt's email/address is now locked for (0 if not). */
  failed(now: Date): number;
  succeeded(now: Date): void;
  /** Not decided (an error, or the server too busy to check): counts for nothing. */
  abandoned(now: Date): void;
}

export class SignInThrottle {
  readonly accountFromAddress: FailureCounter;
  readonly account: FailureCounter;
  readonly address: FailureCounter;

  constructor(rules: typeof THROTTLE_RULES = THROTTLE_RULES, maxEntries = MAX_ENTRIES) {
    this.accountFromAddress = new FailureCounter(rules.accountFromAddress, maxEntries);
    this.account = new FailureCounter(rules.account, maxEntries);
    this.address = new FailureCounter(rules.address, maxEntries);
  }

  private keys(email: string, address: string): [FailureCounter, string][] {
    const account = email.trim().toLowerCase();
    return [
      [this.accountFromAddress, `${account}\n${address}`],
      [this.account, account],
      [this.address, address],
    ];
  }

  /** Milliseconds until this email may be tried from this address; 0 when it may now. */
  wait(email: string, address: string, now: Date): number {
    const t = now.getTime();
    return Math.max(...this.keys(email, address).map(([counter, key]) => counter.wait(key, t)));
  }

  begin(email: string, address: string, now: Date): Attempt {
    const keys = this.keys(email, address);
    for (const [counter, key] of keys) counter.begin(key, now.getTime());
    let done = false;
    const once = (f: () => number): number => {
      if (done) return 0;
      done = true;
      return f();
    };
    return {
      failed: (at) => once(() => Math.max(...keys.map(([counter, key]) => counter.fail(key, at.getTime())))),
      succeeded: (at) =>
        once(() => {
          for (const [counter, key] of keys) {
            if (counter === this.address) counter.release(key, at.getTime());
            else counter.clear(key);
          }
          return 0;
        }),
      abandoned: (at) =>
        once(() => {
          for (const [counter, key] of keys) counter.release(key, at.getTime());
          return 0;
        }),
    };
  }
}

/**
 * A client address as a throttle key: IPv4-mapped IPv6 as plain IPv4, and IPv6 by its /64 (one
 * subscriber usually holds a whole /64, so counting single addresses there would count nothing).
 */
export function addressKey(raw: string): string {
  const address = raw.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':') || !/^[0-9a-f:.]+$/.test(address)) return address;
  const [head = '', tail, ...more] = address.split('::');
  if (more.length > 0) return address;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return address;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
