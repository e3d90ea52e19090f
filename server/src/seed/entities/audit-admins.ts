import { createdChanges, diffChanges } from '../../audit/changes';
import { SECRET_SET, type AuditTarget } from '../../audit/audit-events';
import { PLATFORM_TENANT, SEED_ACCOUNTS } from '../fixtures';
import { REGIONS } from '../names';
import { seedGuid } from '../prng';
import type { AuditKit } from './audit-events';
import type { AuditSeed } from './audit-origins';
import { iso } from './context';
import type { RoleSeed } from './roles';
import type { Tenants } from './tenants';
import { localPart } from './text';
import type { UserSeed } from './user-book';
import type { Users } from './users';

const ROLE_WORDS: Record<RoleSeed['role'], string> = { SUPER_ADMIN: 'Super Admin', PARTNER_ADMIN: 'Partner Admin', TENANT_ADMIN: 'Tenant Admin' };
const HOUR = 3_600_000;

type Scope = Pick<RoleSeed, 'user_id' | 'role' | 'tenant_id' | 'partner_id'> & { id: string | null };

/** Role assignments updated and revoked, admin accounts made and deleted, and refused attempts. */
export function adminStory(kit: AuditKit, tenants: Tenants, users: Users, roles: readonly RoleSeed[]): AuditSeed[] {
  const { spec, rng } = kit.ctx;
  const entries: AuditSeed[] = [];
  const updatable = roles.filter((r) => r.user_id !== SEED_ACCOUNTS.root.id);
  for (const role of rng.sample(updatable, Math.max(10, Math.round(spec.roles * 0.15)))) entries.push(roleUpdate(kit, role));
  for (let i = 0; i < Math.max(12, Math.round(spec.roles * 0.1)); i++) entries.push(...revokedAssignment(kit, tenants, users));
  for (let i = 0; i < Math.max(3, Math.round(spec.adminAccounts * 0.01)); i++) entries.push(...passingAccount(kit, i));
  const failures = Math.round(entries.length * 0.07);
  for (let i = 0; i < failures; i++) entries.push(refusedAdminRequest(kit, users, roles));
  return entries;
}

/** "Tenant Admin of Acme Corporation for Ana Lima", as describeScope names an assignment. */
function roleTarget(kit: AuditKit, scope: Scope, user: Pick<UserSeed, 'display_name' | 'email'>): AuditTarget {
  const place = scope.tenant_id ? kit.tenant(scope.tenant_id)?.name : scope.partner_id ? kit.partner(scope.partner_id)?.name : undefined;
  return {
    id: scope.id,
    name: `${ROLE_WORDS[scope.role]}${place ? ` of ${place}` : ''} for ${user.display_name || user.email}`,
    tenantId: scope.tenant_id,
    partnerId: scope.partner_id,
  };
}

/** One update of a seeded assignment that ends at what it holds now: (de)activated, or its expiry moved. */
function roleUpdate(kit: AuditKit, role: RoleSeed): AuditSeed {
  const { rng } = kit.ctx;
  const at = kit.clock.between();
  const after = { is_active: role.is_active, expires_at: role.expires_at };
  const before =
    role.expires_at !== null && rng.chance(0.6)
      ? { ...after, expires_at: rng.chance(0.4) ? null : iso(Date.parse(role.expires_at) - rng.int(7, 90) * 86_400_000) }
      : { ...after, is_active: !role.is_active };
  return kit.entry({
    at,
    actor: kit.superAdmin(),
    action: 'admin_role.updated',
    resourceType: 'admin_role',
    target: roleTarget(kit, role, kit.user(role.user_id)!),
    changes: diffChanges(before, after, []),
  });
}

/** A made-up person of the seed's regions (the seeded users are all taken). */
function stranger(kit: AuditKit, tenantId: string, slug: string): UserSeed {
  const { rng } = kit.ctx;
  const region = rng.pick(REGIONS);
  const first = rng.pick(region.first);
  const last = rng.pick(region.last);
  const at = iso(kit.clock.start);
  return {
    id: kit.ctx.nextId('usr'),
    email: `${localPart(first, last)}@${slug}.example`,
    first_name: first,
    last_name: last,
    display_name: `${first} ${last}`,
    status: 'ACTIVE',
    tenant_id: tenantId,
    last_login_at: null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * An assignment that is gone: assigned (in the window or before it) and revoked. A quarter went to
 * a user made just for it, removed with it as an orphan, in the same request.
 */
function revokedAssignment(kit: AuditKit, tenants: Tenants, users: Users): AuditSeed[] {
  const { rng } = kit.ctx;
  const orphan = rng.chance(0.25);
  const someone = rng.pick(users.general);
  const tenant = orphan ? rng.pick(tenants.live) : kit.tenant(someone.tenant_id)!;
  const user = orphan ? stranger(kit, tenant.id, tenant.slug) : someone;
  const partnerRole = rng.chance(0.2) && tenant.partner_id !== null;
  const scope: Scope = {
    id: kit.ctx.nextId('adr'),
    user_id: user.id,
    role: partnerRole ? 'PARTNER_ADMIN' : 'TENANT_ADMIN',
    tenant_id: partnerRole ? null : user.tenant_id,
    partner_id: partnerRole ? tenant.partner_id : null,
  };
  const target = roleTarget(kit, scope, user);
  const entries: AuditSeed[] = [];
  const assignedAt = kit.clock.between(kit.clock.start, kit.clock.end - 2 * HOUR);
  const granter = kit.superAdmin();
  if (rng.chance(0.5) || orphan) {
    const record = { user_id: scope.user_id, role: scope.role, partner_id: scope.partner_id, tenant_id: scope.tenant_id, is_active: true, expires_at: null, granted_by: granter.id };
    entries.push(kit.entry({ at: assignedAt, actor: granter, action: 'admin_role.assigned', resourceType: 'admin_role', target, statusCode: 201, changes: createdChanges(record, []) }));
  }
  const revoke = kit.entry({ at: kit.clock.between(assignedAt + HOUR), actor: kit.superAdmin(), action: 'admin_role.revoked', resourceType: 'admin_role', target, statusCode: 204 });
  entries.push(revoke);
  if (orphan) {
    const name = user.display_name ?? user.email;
    entries.push({ ...revoke, id: kit.ctx.nextId('aud'), action: 'user.removed_as_orphan', resource_type: 'user', resource_id: user.id, resource_name: name, tenant_id: user.tenant_id, partner_id: null });
  }
  return entries;
}

/** An admin account made through the Admins API and deleted again (its user with it). */
function passingAccount(kit: AuditKit, i: number): AuditSeed[] {
  const who = stranger(kit, PLATFORM_TENANT.id, PLATFORM_TENANT.slug);
  const target: AuditTarget = {
    id: seedGuid(kit.ctx.spec.adminAccounts + i + 1),
    name: `${who.first_name} ${who.last_name} (${who.email})`,
    tenantId: PLATFORM_TENANT.id,
    partnerId: null,
  };
  const actor = kit.superAdmin();
  const created = kit.clock.between(kit.clock.start, kit.clock.end - 2 * HOUR);
  const changes = createdChanges({ email: who.email, first_name: who.first_name, last_name: who.last_name, password: SECRET_SET }, []);
  return [
    kit.entry({ at: created, actor, action: 'admin_account.created', resourceType: 'admin_account', target, statusCode: 204, changes }),
    kit.entry({ at: kit.clock.between(created + HOUR), actor: kit.superAdmin(), action: 'admin_account.deleted', resourceType: 'admin_account', target, statusCode: 204 }),
  ];
}

/** An admin request the API refused: a duplicate assignment, a partner admin out of scope, a taken email. */
function refusedAdminRequest(kit: AuditKit, users: Users, roles: readonly RoleSeed[]): AuditSeed {
  const { rng } = kit.ctx;
  const at = kit.clock.between();
  const role = rng.pick(roles.filter((r) => r.is_active && r.role !== 'SUPER_ADMIN'));
  const target = roleTarget(kit, { ...role, id: null }, kit.user(role.user_id)!);
  switch (rng.weighted([['duplicate', 4], ['scope', 2], ['email', 2], ['gone', 1]] as const)) {
    case 'duplicate': {
      const where = role.partner_id ? ` for partner ${role.partner_id}` : ` for tenant ${role.tenant_id}`;
      return kit.entry({ at, actor: kit.superAdmin(), action: 'admin_role.assigned', resourceType: 'admin_role', target, statusCode: 409, failure: `User ${role.user_id} already has an active ${role.role} role${where}` });
    }
    case 'scope':
      return kit.entry({
        at,
        actor: kit.actor(kit.user(SEED_ACCOUNTS.partnerAdmin.id)!),
        action: 'admin_role.revoked',
        resourceType: 'admin_role',
        target: { ...target, id: role.id },
        statusCode: 403,
        failure: 'Only Super Admins can manage admin roles',
      });
    case 'email': {
      const taken = rng.pick(users.staff.length ? users.staff : users.accounts);
      return kit.entry({
        at,
        actor: kit.superAdmin(),
        action: 'admin_account.created',
        resourceType: 'admin_account',
        target: { id: null, name: `${taken.first_name} ${taken.last_name} (${taken.email})`, tenantId: PLATFORM_TENANT.id, partnerId: null },
        statusCode: 400,
        failure: 'Email already exists',
      });
    }
    case 'gone':
      return kit.entry({ at, actor: kit.superAdmin(), action: 'admin_role.revoked', resourceType: 'admin_role', target: { id: kit.ctx.nextId('adr'), name: null }, statusCode: 404, failure: 'Admin role not found' });
  }
}
