import { Rng, seedId } from '../prng';

export type SeedSize = 'standard' | 'large';

export interface SizeSpec {
  /** Live tenants under partners, Acme included (the platform tenant comes on top). */
  tenants: number;
  /** Soft-deleted tenants on top of those. */
  deletedTenants: number;
  /** Live users, accounts included. */
  users: number;
  /** Admin role assignments in all. */
  roles: number;
  /** Groups of 2–3 never-signed-in admin users sharing one email across tenants. */
  sharedEmailGroups: number;
  platformStaff: number;
  partnerAdminsPerPartner: number;
  /**
   * Admin accounts in all (Admins API): the four seeded accounts, the platform staff, and new
   * platform users holding no role (part of `users`). The large seed's are enough to page through.
   */
  adminAccounts: number;
  /** Tenants whose settings or details were edited in the audit log's 90 days (1–3 edits each). */
  auditEditedTenants: number;
  /** Sign-ins, sign-outs and failed sign-ins in the audit log, written by SQL (audit-sign-ins.ts). */
  auditSignIns: number;
}

export const SIZES: Record<SeedSize, SizeSpec> = {
  standard: { tenants: 1000, deletedTenants: 5, users: 3000, roles: 200, sharedEmailGroups: 12, platformStaff: 6, partnerAdminsPerPartner: 3, adminAccounts: 36, auditEditedTenants: 400, auditSignIns: 2_800 },
  large: { tenants: 100_000, deletedTenants: 200, users: 20_000, roles: 5_000, sharedEmailGroups: 50, platformStaff: 20, partnerAdminsPerPartner: 8, adminAccounts: 2_100, auditEditedTenants: 12_000, auditSignIns: 500_000 },
};

/** Everything but expiry dates is placed relative to this fixed instant, so the data never drifts. */
export const SEED_EPOCH = Date.UTC(2026, 6, 1);
export const DAY = 86_400_000;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The id counters: the next generated id of each kind follows the last one taken. */
export interface Counters {
  tnt: number;
  usr: number;
  adr: number;
  aud: number;
}

/**
 * What every entity's generator shares: the size, the one random stream (drawn from in a fixed
 * order, so the generators must run in the order generateSeed calls them), `now` and the ids.
 */
export interface SeedContext {
  spec: SizeSpec;
  rng: Rng;
  nowMs: number;
  counters: Counters;
  nextId(prefix: keyof Counters): string;
  /** A random instant `min`–`max` days before SEED_EPOCH. */
  daysBeforeEpoch(min: number, max: number): number;
}

export function seedContext(size: SeedSize, now: Date): SeedContext {
  const rng = new Rng(0x5ca1c0de);
  const counters: Counters = { tnt: 0, usr: 0, adr: 0, aud: 0 };
  return {
    spec: SIZES[size],
    rng,
    nowMs: now.getTime(),
    counters,
    nextId: (prefix) => seedId(prefix, ++counters[prefix]),
    daysBeforeEpoch: (min, max) => SEED_EPOCH - rng.int(min, max) * DAY - rng.int(0, DAY - 1),
  };
}
