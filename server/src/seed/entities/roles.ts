import { ACME_TENANT, ANA_LIMA, FIRST_PARTNER_ID, SEED_ACCOUNTS } from '../fixtures';
import { DAY, iso, SEED_EPOCH, type SeedContext } from './context';
import type { PartnerSeed } from './partners';
import type { Tenants } from './tenants';
import type { UserSeed } from './user-book';
import type { Users } from './users';

export interface RoleSeed {
  id: string;
  user_id: string;
  role: 'SUPER_ADMIN' | 'PARTNER_ADMIN' | 'TENANT_ADMIN';
  partner_id: string | null;
  tenant_id: string | null;
  is_active: boolean;
  expires_at: string | null;
  granted_by: string | null;
  created_at: string;
  updated_at: string;
}

type State = 'active' | 'inactive' | 'expired' | 'future' | 'inactive-expired';

interface NewRole {
  user: string;
  role: RoleSeed['role'];
  partner?: string;
  tenant?: string;
  state: State;
  grantedBy: string | null;
  expiresInDays?: number;
}

type AddRole = (r: NewRole) => void;

const root = SEED_ACCOUNTS.root.id;

/**
 * In this order, since each draws from the one random stream: the seeded accounts' (adr_1–adr_5),
 * the staff's, partner admins', the shared-email groups', then Tenant Admins up to the size's total.
 */
export function generateRoles(ctx: SeedContext, partners: readonly PartnerSeed[], tenants: Tenants, users: Users): RoleSeed[] {
  const roles: RoleSeed[] = [];
  const add = roleAdder(ctx, users.all, roles);
  seededRoles(add);
  const granters = staffRoles(add, users.staff);
  const holders = partnerAdminRoles(ctx, add, partners, tenants, users.general, granters);
  for (const group of users.sharedGroups) {
    for (const u of group) add({ user: u.id, role: 'TENANT_ADMIN', tenant: u.tenant_id, state: 'active', grantedBy: ctx.rng.pick(granters) });
  }
  tenantAdminRoles(ctx, add, users.general, holders, granters, ctx.spec.roles - roles.length);
  return roles;
}

/**
 * Where the n-th future expiry falls, in whole days from now (a random part of a day on top): every
 * fourth within the next 7 days (1–5 days and hours, so the navigation's "expiring within 7 days"
 * and the quick filters have rows on a fresh seed, whenever it runs), every fourth after it within
 * 30 days, the rest up to a year. One draw each way, so the random stream, and so every other
 * row, is what it was.
 */
const FUTURE_DAYS: readonly (readonly [number, number])[] = [
  [1, 5],
  [7, 365],
  [8, 28],
  [7, 365],
];

function roleAdder(ctx: SeedContext, users: readonly UserSeed[], roles: RoleSeed[]): AddRole {
  const { rng, nowMs } = ctx;
  const userCreated = new Map(users.map((u) => [u.id, Date.parse(u.created_at)]));
  let futures = 0;
  const futureDays = () => {
    const [min, max] = FUTURE_DAYS[futures++ % FUTURE_DAYS.length]!;
    return rng.int(min, max);
  };
  return (r) => {
    const expires =
      r.expiresInDays !== undefined
        ? nowMs + r.expiresInDays * DAY
        : r.state === 'expired' || r.state === 'inactive-expired'
          ? nowMs - rng.int(1, 120) * DAY - rng.int(0, DAY - 1)
          : r.state === 'future'
            ? nowMs + futureDays() * DAY + rng.int(0, DAY - 1)
            : null;
    const from = userCreated.get(r.user) ?? SEED_EPOCH - 400 * DAY;
    let created = from + Math.floor(rng.next() * (SEED_EPOCH - from));
    if (expires !== null) created = Math.min(created, expires - 30 * DAY);
    roles.push({
      id: ctx.nextId('adr'),
      user_id: r.user,
      role: r.role,
      partner_id: r.partner ?? null,
      tenant_id: r.tenant ?? null,
      is_active: r.state !== 'inactive' && r.state !== 'inactive-expired',
      expires_at: expires === null ? null : iso(expires),
      granted_by: r.grantedBy,
      created_at: iso(created),
      updated_at: iso(Math.max(created, Math.min(SEED_EPOCH, created + rng.int(0, 60) * DAY))),
    });
  };
}

/** The assignments of the seeded accounts and Ana Lima (SEED_ROLE_IDS). */
function seededRoles(add: AddRole): void {
  add({ user: root, role: 'SUPER_ADMIN', state: 'active', grantedBy: null });
  add({ user: SEED_ACCOUNTS.partnerAdmin.id, role: 'PARTNER_ADMIN', partner: FIRST_PARTNER_ID, state: 'active', grantedBy: root });
  add({ user: SEED_ACCOUNTS.tenantAdmin.id, role: 'TENANT_ADMIN', tenant: ACME_TENANT.id, state: 'active', grantedBy: root });
  add({ user: SEED_ACCOUNTS.expiredAdmin.id, role: 'SUPER_ADMIN', state: 'expired', grantedBy: root, expiresInDays: -7 });
  add({ user: ANA_LIMA.id, role: 'TENANT_ADMIN', tenant: ACME_TENANT.id, state: 'active', grantedBy: root });
}

/** The staff are Super Admins in every state; returns who grants the rest: root and the active staff. */
function staffRoles(add: AddRole, staff: readonly UserSeed[]): string[] {
  const staffStates: State[] = ['active', 'active', 'active', 'inactive', 'future', 'expired'];
  const granters = [root];
  staff.forEach((u, i) => {
    const state = staffStates[i % staffStates.length]!;
    add({ user: u.id, role: 'SUPER_ADMIN', state, grantedBy: root });
    if (state === 'active') granters.push(u.id);
  });
  return granters;
}

/** Active users of each partner's tenants; returns their ids. */
function partnerAdminRoles(ctx: SeedContext, add: AddRole, partners: readonly PartnerSeed[], tenants: Tenants, general: readonly UserSeed[], granters: readonly string[]): Set<string> {
  const { rng } = ctx;
  const partnerOfTenant = new Map(tenants.live.map((t) => [t.id, t.partner_id]));
  const holders = new Set<string>();
  // Partner admins cycle through the states, so every state exists for this role too.
  const partnerStates: State[] = ['active', 'expired', 'active', 'inactive', 'future', 'active', 'active'];
  let nth = 0;
  for (const partner of partners) {
    const pool = general.filter((u) => partnerOfTenant.get(u.tenant_id) === partner.id && u.status === 'ACTIVE');
    for (const u of rng.sample(pool, ctx.spec.partnerAdminsPerPartner)) {
      holders.add(u.id);
      const state = partnerStates[nth++ % partnerStates.length]!;
      add({ user: u.id, role: 'PARTNER_ADMIN', partner: partner.id, state, grantedBy: rng.pick(granters) });
    }
  }
  return holders;
}

/** `count` Tenant Admins in mixed states, among users outside Acme who hold no role yet. */
function tenantAdminRoles(ctx: SeedContext, add: AddRole, general: readonly UserSeed[], holders: Set<string>, granters: readonly string[], count: number): void {
  const { rng } = ctx;
  const mixedState = (): State =>
    rng.weighted([['active', 72], ['future', 10], ['expired', 8], ['inactive', 8], ['inactive-expired', 2]] as const);
  const candidates = general.filter((u) => !holders.has(u.id) && u.tenant_id !== ACME_TENANT.id);
  for (const u of rng.sample(candidates, Math.max(0, count))) {
    add({ user: u.id, role: 'TENANT_ADMIN', tenant: u.tenant_id, state: mixedState(), grantedBy: rng.pick(granters) });
  }
}
