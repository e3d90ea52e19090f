import { SEED_ACCOUNTS } from '../fixtures';
import { adminStory } from './audit-admins';
import { actorBook, auditClock, entryMaker, type AuditActor, type AuditClock, type AuditSeed, type EntrySpec } from './audit-origins';
import { tenantStory } from './audit-tenants';
import type { SeedContext } from './context';
import type { PartnerSeed } from './partners';
import type { RoleSeed } from './roles';
import type { Tenants, TenantSeed } from './tenants';
import type { UserSeed } from './user-book';
import type { Users } from './users';

/**
 * The audit log of the 90 days before the seed's `now` (scaikey-api.md, "Audit log"), told about
 * the seeded records: live tenants edited (their last change ends at what they hold now), role
 * assignments updated, assignments, trial tenants and admin accounts that came and went (so they
 * are not in the tables, as a deleted record is not in the API's answers), and refused attempts.
 * Most actors are the Super Admins in force. Sign-ins are the bulk of a log; they are written by
 * SQL (../audit-sign-ins.ts) from `signInActors`, so the large seed's half a million cost little.
 */
export interface AuditStory {
  entries: AuditSeed[];
  /** Who signs in, each as often as its weight says. */
  signInActors: SignInActor[];
}

export interface SignInActor extends AuditActor {
  tenant_id: string;
  partner_id: string | null;
  weight: number;
  /** What they type when they get the address wrong (a failed sign-in with no such user). */
  typo: string;
}

/** What the story's parts share: the window, the row maker, the actors, names by id. */
export interface AuditKit {
  ctx: SeedContext;
  clock: AuditClock;
  entry: (spec: EntrySpec) => AuditSeed;
  actor: (user: UserSeed) => AuditActor;
  /** A Super Admin in force: Rhea Root half the time. */
  superAdmin: () => AuditActor;
  user: (id: string) => UserSeed | undefined;
  tenant: (id: string) => TenantSeed | undefined;
  partner: (id: string) => PartnerSeed | undefined;
}

export function generateAuditEvents(
  ctx: SeedContext,
  partners: readonly PartnerSeed[],
  tenants: Tenants,
  users: Users,
  roles: readonly RoleSeed[],
): AuditStory {
  const kit = auditKit(ctx, partners, tenants, users, roles);
  const entries = [...tenantStory(kit, tenants), ...adminStory(kit, tenants, users, roles)];
  entries.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id));
  return { entries, signInActors: signInActors(kit, users, roles) };
}

const inForce = (r: RoleSeed, nowMs: number) => r.is_active && (r.expires_at === null || Date.parse(r.expires_at) > nowMs);

function auditKit(ctx: SeedContext, partners: readonly PartnerSeed[], tenants: Tenants, users: Users, roles: readonly RoleSeed[]): AuditKit {
  const { rng } = ctx;
  const actorOf = actorBook(rng);
  const userById = new Map(users.all.map((u) => [u.id, u]));
  const tenantById = new Map(tenants.all.map((t) => [t.id, t]));
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const supers = roles
    .filter((r) => r.role === 'SUPER_ADMIN' && inForce(r, ctx.nowMs) && r.user_id !== SEED_ACCOUNTS.root.id)
    .map((r) => actorOf(userById.get(r.user_id)!));
  const root = actorOf(userById.get(SEED_ACCOUNTS.root.id)!);
  return {
    ctx,
    clock: auditClock(ctx),
    entry: entryMaker(ctx),
    actor: actorOf,
    superAdmin: () => (supers.length === 0 || rng.chance(0.5) ? root : rng.pick(supers)),
    user: (id) => userById.get(id),
    tenant: (id) => tenantById.get(id),
    partner: (id) => partnerById.get(id),
  };
}

/**
 * Everyone who signs in: the holders of an assignment in force who have signed in before (and
 * Eve, whose Super Admin role expired: she still signs in, and the console turns her away). The
 * seeded accounts and the platform staff sign in most.
 */
function signInActors(kit: AuditKit, users: Users, roles: readonly RoleSeed[]): SignInActor[] {
  const { rng, nowMs } = kit.ctx;
  const weights = new Map<string, number>([
    [SEED_ACCOUNTS.root.id, 40],
    [SEED_ACCOUNTS.partnerAdmin.id, 12],
    [SEED_ACCOUNTS.tenantAdmin.id, 12],
    [SEED_ACCOUNTS.expiredAdmin.id, 2],
  ]);
  for (const u of users.staff) weights.set(u.id, 10);
  const holders = new Set(roles.filter((r) => inForce(r, nowMs) || r.user_id === SEED_ACCOUNTS.expiredAdmin.id).map((r) => r.user_id));
  const actors: SignInActor[] = [];
  for (const u of users.all) {
    if (!holders.has(u.id) || u.last_login_at === null || u.status !== 'ACTIVE') continue;
    const tenant = kit.tenant(u.tenant_id);
    const [local, domain] = u.email.split('@') as [string, string];
    actors.push({
      ...kit.actor(u),
      tenant_id: u.tenant_id,
      partner_id: tenant?.partner_id ?? null,
      weight: weights.get(u.id) ?? 1,
      typo: rng.chance(0.5) ? `${local}@${domain.replace(/\.(\w+)$/, '.co')}` : `${local.slice(0, -1)}@${domain}`,
    });
  }
  return actors;
}
