import { REGIONS } from '../names';
import { DAY, iso, SEED_EPOCH, type SeedContext } from './context';
import type { Tenants } from './tenants';
import { localPart } from './text';

export interface UserSeed {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'PENDING';
  tenant_id: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewUser {
  first: string | null;
  last: string | null;
  display?: string | null;
  tenantId: string;
  email?: string;
  status?: UserSeed['status'];
  loggedIn?: boolean;
  id?: string;
}

/** The users made so far, and how the next one is made. */
export interface UserBook {
  all: UserSeed[];
  add(u: NewUser): UserSeed;
  /** `local@domain`, or `local2@domain`... if the tenant has it already; taken from then on. */
  takeEmail(tenantId: string, local: string, domain: string): string;
  /** A random person's name (never Ana Lima, who is seeded). */
  person(): { first: string; last: string };
}

export function userBook(ctx: SeedContext, tenants: Tenants): UserBook {
  const { rng } = ctx;
  const all: UserSeed[] = [];
  const emailsInTenant = new Set<string>();
  const takeEmail = (tenantId: string, local: string, domain: string): string => {
    for (let k = 1; ; k++) {
      const email = `${local}${k === 1 ? '' : k}@${domain}`;
      if (!emailsInTenant.has(`${tenantId} ${email}`)) {
        emailsInTenant.add(`${tenantId} ${email}`);
        return email;
      }
    }
  };
  const tenantCreated = new Map(tenants.all.map((t) => [t.id, Date.parse(t.created_at)]));
  const add = (u: NewUser): UserSeed => {
    const domain = tenants.domainOf.get(u.tenantId) ?? 'example.com';
    const email = u.email ?? takeEmail(u.tenantId, localPart(u.first ?? 'user', u.last ?? 'account'), domain);
    if (u.email) emailsInTenant.add(`${u.tenantId} ${u.email}`);
    const from = Math.max(tenantCreated.get(u.tenantId) ?? SEED_EPOCH - 1000 * DAY, SEED_EPOCH - 1200 * DAY);
    const created = from + Math.floor(rng.next() * (SEED_EPOCH - 10 * DAY - from));
    const status = u.status ?? 'ACTIVE';
    const loggedIn = u.loggedIn ?? (status !== 'PENDING' && rng.chance(status === 'ACTIVE' ? 0.9 : 0.6));
    const user: UserSeed = {
      id: u.id ?? ctx.nextId('usr'),
      email,
      first_name: u.first,
      last_name: u.last,
      display_name: u.display === undefined ? [u.first, u.last].filter(Boolean).join(' ') || null : u.display,
      status,
      tenant_id: u.tenantId,
      last_login_at: loggedIn ? iso(created + Math.floor(rng.next() * (SEED_EPOCH - created))) : null,
      created_at: iso(created),
      updated_at: iso(created + Math.floor(rng.next() * (SEED_EPOCH - created))),
    };
    all.push(user);
    return user;
  };
  const person = (region = rng.pick(REGIONS)): { first: string; last: string } => {
    for (;;) {
      const first = rng.pick(region.first);
      const last = rng.pick(region.last);
      if (`${first} ${last}` !== 'Ana Lima') return { first, last };
    }
  };
  return { all, add, takeEmail, person: () => person() };
}
