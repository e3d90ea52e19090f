/**
 * Which throttled sign-ins (429, refused before the password is checked) get an audit entry.
 * The throttle makes refusing cost nothing, and a refused attempt must not bring back a cost per
 * attempt through the log: a loop hammering a locked account would otherwise write a row per
 * request, as fast as it can open connections. So refusals are sampled, in memory:
 *
 * - per client address (the throttle's key for it): one entry per RECORD_INTERVAL_MS, the next
 *   one saying how many refusals from that address went unrecorded in between;
 * - over all addresses: at most BURST entries at once, refilled at PER_SECOND, so that many
 *   addresses (a botnet, or the /64s of one IPv6 /48) cannot multiply the rate. A refusal the
 *   global budget turns away is counted for its address like any other.
 *
 * The map is bounded (MAX_ENTRIES) like the throttle's: when it is full, entries with nothing
 * pending go first, then the oldest (its count of unrecorded refusals is lost with it).
 * Checked attempts (a wrong password) are not sampled: the throttle and the password hash bound
 * their rate already, and each of them is recorded.
 */

export const RECORD_INTERVAL_MS = 60_000;
export const BURST = 30;
export const PER_SECOND = 1;
export const MAX_ENTRIES = 10_000;

interface AddressEntry {
  /** When the next refusal from the address may be recorded. */
  nextAt: number;
  /** Refusals not recorded since the last entry. */
  unrecorded: number;
}

export class RefusalLog {
  private readonly addresses = new Map<string, AddressEntry>();
  private tokens: number;
  private refilledAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly limits = { intervalMs: RECORD_INTERVAL_MS, burst: BURST, perSecond: PER_SECOND, maxEntries: MAX_ENTRIES }) {
    this.tokens = limits.burst;
  }

  get size(): number {
    return this.addresses.size;
  }

  /**
   * A refusal from `address` at `now`: the number of earlier refusals from it that went
   * unrecorded when this one is to be recorded, or null when it is not.
   */
  take(address: string, now: Date): number | null {
    const t = now.getTime();
    const entry = this.entry(address, t);
    if (t < entry.nextAt || !this.spend(t)) {
      entry.unrecorded += 1;
      return null;
    }
    const unrecorded = entry.unrecorded;
    entry.unrecorded = 0;
    entry.nextAt = t + this.limits.intervalMs;
    return unrecorded;
  }

  private entry(address: string, t: number): AddressEntry {
    const found = this.addresses.get(address);
    if (found) return found;
    if (this.addresses.size >= this.limits.maxEntries) this.makeRoom(t);
    const created: AddressEntry = { nextAt: t, unrecorded: 0 };
    this.addresses.set(address, created);
    return created;
  }

  private makeRoom(t: number): void {
    for (const [key, e] of this.addresses) if (e.nextAt <= t && e.unrecorded === 0) this.addresses.delete(key);
    for (const key of this.addresses.keys()) {
      if (this.addresses.size < this.limits.maxEntries) break;
      this.addresses.delete(key);
    }
  }

  /** One entry from the global budget, if there is one. */
  private spend(t: number): boolean {
    const { burst, perSecond } = this.limits;
    const elapsed = Math.max(0, t - this.refilledAt);
    this.tokens = Math.min(burst, this.tokens + (elapsed / 1000) * perSecond);
    this.refilledAt = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
