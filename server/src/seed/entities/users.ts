import { ACME_TENANT, ANA_LIMA, PLATFORM_TENANT, SEED_ACCOUNTS } from '../fixtures';
import type { SeedContext } from './context';
import type { PartnerSeed } from './partners';
import type { Tenants } from './tenants';
import { localPart, slugify } from './text';
import { userBook, type UserBook, type UserSeed } from './user-book';

/** The users, in the groups the admin roles and accounts are given to. */
export interface Users {
  all: UserSeed[];
  /** The four seeded accounts (SEED_ACCOUNTS), in order. */
  accounts: UserSeed[];
  /** Platform Super Admins. */
  staff: UserSeed[];
  /** Platform users with an admin account and no role. */
  accountHolders: UserSeed[];
  /** Each group: one consultant's users in 2–3 tenants of one partner, sharing one email. */
  sharedGroups: UserSeed[][];
  /** Everyone else (Ana Lima aside): Acme's twelve, then users of random live tenants. */
  general: UserSeed[];
}

/** In this order, since each draws from the one random stream: accounts, staff, holders, groups, the rest. */
export function generateUsers(ctx: SeedContext, partners: readonly PartnerSeed[], partnerDomain: Map<string, string>, tenants: Tenants): Users {
  const book = userBook(ctx, tenants);
  const accounts = seededUsers(ctx, book);
  const staff = platformUsers(book, ctx.spec.platformStaff, true);
  const accountHolders = platformUsers(book, ctx.spec.adminAccounts - accounts.length - staff.length);
  const sharedGroups = sharedEmailGroups(ctx, book, partners, partnerDomain, tenants);
  const general = generalUsers(ctx, book, tenants);
  return { all: book.all, accounts, staff, accountHolders, sharedGroups, general };
}

/** The seeded accounts and Ana Lima, with their fixed ids (usr_1–usr_5); returns the accounts. */
function seededUsers(ctx: SeedContext, book: UserBook): UserSeed[] {
  const accounts = [
    [SEED_ACCOUNTS.root, PLATFORM_TENANT.id],
    [SEED_ACCOUNTS.partnerAdmin, PLATFORM_TENANT.id],
    [SEED_ACCOUNTS.tenantAdmin, ACME_TENANT.id],
    [SEED_ACCOUNTS.expiredAdmin, PLATFORM_TENANT.id],
  ] as const;
  const accountUsers = accounts.map(([a, tenantId]) =>
    book.add({ id: a.id, first: a.firstName, last: a.lastName, tenantId, email: a.email, loggedIn: true }),
  );
  book.add({ id: ANA_LIMA.id, first: ANA_LIMA.firstName, last: ANA_LIMA.lastName, tenantId: ACME_TENANT.id, email: ANA_LIMA.email, loggedIn: true });
  ctx.counters.usr = 5;
  return accountUsers;
}

/** `count` new platform users (none if count ≤ 0), as the Admins API creates them. */
function platformUsers(book: UserBook, count: number, loggedIn?: boolean): UserSeed[] {
  const users: UserSeed[] = [];
  for (let i = 0; i < count; i++) users.push(book.add({ ...book.person(), tenantId: PLATFORM_TENANT.id, loggedIn }));
  return users;
}

/** Duplicate admin users: one consultant, the same email in 2–3 tenants of one partner, never signed in. */
function sharedEmailGroups(ctx: SeedContext, book: UserBook, partners: readonly PartnerSeed[], partnerDomain: Map<string, string>, tenants: Tenants): UserSeed[][] {
  const { rng } = ctx;
  const groups: UserSeed[][] = [];
  for (let g = 0; g < ctx.spec.sharedEmailGroups; g++) {
    const partner = partners[g % partners.length]!;
    const pool = tenants.liveByPartner.get(partner.id) ?? [];
    const who = book.person();
    const email = `${localPart(who.first, who.last)}@${partnerDomain.get(partner.id)}`;
    const group = rng
      .sample(pool, rng.int(2, 3))
      .map((t) => book.add({ ...who, tenantId: t.id, email, status: rng.chance(0.7) ? 'ACTIVE' : 'PENDING', loggedIn: false }));
    groups.push(group);
  }
  return groups;
}

/** Twelve Acme users, then users of random live tenants up to the size's total, a few nameless or desks. */
function generalUsers(ctx: SeedContext, book: UserBook, tenants: Tenants): UserSeed[] {
  const { rng } = ctx;
  const general: UserSeed[] = [];
  for (let i = 0; i < 12; i++) general.push(book.add({ ...book.person(), tenantId: ACME_TENANT.id }));
  while (book.all.length < ctx.spec.users) {
    const tenant = rng.pick(tenants.live);
    const status = rng.weighted([['ACTIVE', 88], ['SUSPENDED', 5], ['PENDING', 7]] as const);
    const who = book.person();
    const roll = rng.next();
    if (roll < 0.015) {
      general.push(book.add({ ...who, display: null, tenantId: tenant.id, status }));
    } else if (roll < 0.02) {
      const desk = rng.pick(['Service Desk', 'Security Operations', 'Build Robot', 'Integration Account']);
      const email = book.takeEmail(tenant.id, slugify(desk), tenants.domainOf.get(tenant.id)!);
      general.push(book.add({ first: null, last: null, display: desk, tenantId: tenant.id, status, email }));
    } else {
      general.push(book.add({ ...who, tenantId: tenant.id, status }));
    }
  }
  return general;
}
