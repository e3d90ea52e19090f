import { createdChanges, diffChanges } from '../../audit/changes';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS } from '../fixtures';
import type { Rng } from '../prng';
import type { AuditKit } from './audit-events';
import type { AuditSeed } from './audit-origins';
import type { Tenants, TenantSeed } from './tenants';
import { branding, companyName, tenantSettings, uniqueSlug } from './tenant-details';
import { slugify } from './text';

/** A tenant's fields an edit can touch, as the API shows them. */
interface TenantState {
  name: string;
  status: TenantSeed['status'];
  contact_email: string | null;
  settings: Record<string, unknown>;
}

const stateOf = (t: TenantSeed): TenantState => ({ name: t.name, status: t.status, contact_email: t.contact_email, settings: t.settings });
const targetOf = (t: Pick<TenantSeed, 'id' | 'name' | 'partner_id'>) => ({ id: t.id, name: t.name, tenantId: t.id, partnerId: t.partner_id });

/** Tenant edits, trial tenants created and deleted, and refused tenant requests. */
export function tenantStory(kit: AuditKit, tenants: Tenants): AuditSeed[] {
  const { rng, spec } = kit.ctx;
  const entries: AuditSeed[] = [];
  // The famous tenants get a longer history, so their pages' History shows something.
  const storied = new Map<string, number>([[ACME_TENANT.id, 8], [PLATFORM_TENANT.id, 4]]);
  const others = rng.sample(tenants.live.filter((t) => !storied.has(t.id)), spec.auditEditedTenants);
  for (const t of [...[...storied.keys()].map((id) => kit.tenant(id)!), ...others]) entries.push(...editHistory(kit, t, storied.get(t.id) ?? rng.int(1, 3)));
  entries.push(...trialTenants(kit, tenants, Math.max(4, Math.round(spec.auditEditedTenants / 60))));
  const failures = Math.round(entries.length * 0.07);
  for (let i = 0; i < failures; i++) entries.push(refusedTenantRequest(kit, tenants));
  return entries;
}

/**
 * `count` edits of a live tenant, told backwards from what it holds now: the newest edit ends at
 * the current values, each earlier one at the values the next one started from.
 */
function editHistory(kit: AuditKit, t: TenantSeed, count: number): AuditSeed[] {
  const { rng } = kit.ctx;
  const times = Array.from({ length: count }, () => kit.clock.between()).sort((a, b) => b - a);
  let after = stateOf(t);
  const entries: AuditSeed[] = [];
  for (const at of times) {
    const before = earlierState(rng, after, t.slug);
    const changes = diffChanges(before, after, []);
    if (!changes) continue;
    const onlySettings = Object.keys(changes).every((path) => path.startsWith('settings.'));
    entries.push(
      kit.entry({
        at,
        // Only Super Admins may write tenants (the others show among the refused requests).
        actor: kit.superAdmin(),
        action: onlySettings ? 'tenant.settings_updated' : 'tenant.updated',
        resourceType: 'tenant',
        target: targetOf(t),
        changes,
      }),
    );
    after = before;
  }
  return entries;
}

/** The state before one edit that led to `after`: a setting or two, the status, or the contact. */
function earlierState(rng: Rng, after: TenantState, slug: string): TenantState {
  const roll = rng.next();
  if (roll < 0.12) return { ...after, status: after.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE' };
  if (roll < 0.22) {
    const local = rng.pick(['admin', 'it', 'security', 'identity', 'ops', 'helpdesk'].filter((l) => `${l}@${slug}.example` !== after.contact_email));
    return { ...after, contact_email: rng.chance(0.2) ? null : `${local}@${slug}.example` };
  }
  const settings = structuredClone(after.settings);
  for (let i = rng.chance(0.25) ? 2 : 1; i > 0; i--) changeOneSetting(rng, settings);
  return { ...after, settings };
}

const other = <T>(rng: Rng, options: readonly T[], current: unknown): T => rng.pick(options.filter((o) => o !== current));

/** Changes one setting in place to another value the API accepts. */
function changeOneSetting(rng: Rng, settings: Record<string, unknown>): void {
  const policy = settings.password_policy as Record<string, unknown>;
  const methods = settings.mfa_methods as string[];
  switch (rng.pick(['session_timeout', 'min_length', 'mfa_methods', 'require_special', 'max_age_days', 'history_count'] as const)) {
    case 'session_timeout':
      settings.session_timeout = other(rng, [15, 30, 60, 120, 240, 480, 720, 1440], settings.session_timeout);
      return;
    case 'min_length':
      policy.min_length = other(rng, [8, 10, 12, 14, 16], policy.min_length);
      return;
    case 'mfa_methods': {
      const absent = ['totp', 'sms', 'email', 'webauthn'].filter((m) => !methods.includes(m));
      // Before an edit that added a method it was missing; before one that removed it, there.
      if (methods.length > 1 && (absent.length === 0 || rng.chance(0.5))) settings.mfa_methods = methods.filter((m) => m !== rng.pick(methods));
      else if (absent.length > 0) settings.mfa_methods = [...methods, rng.pick(absent)];
      return;
    }
    case 'require_special':
      policy.require_special = !policy.require_special;
      return;
    case 'max_age_days':
      policy.max_age_days = other(rng, [null, 90, 180, 365], policy.max_age_days);
      return;
    case 'history_count':
      policy.history_count = other(rng, [0, 3, 5, 10, 12, 24], policy.history_count);
  }
}

/** Tenants made for a trial and deleted again within the window (so, like any deleted tenant, not listed). */
function trialTenants(kit: AuditKit, tenants: Tenants, count: number): AuditSeed[] {
  const { rng } = kit.ctx;
  const names = new Set(tenants.all.map((t) => t.name));
  const slugs = new Set(tenants.all.map((t) => t.slug));
  const partnerIds = [...tenants.liveByPartner.keys()];
  const entries: AuditSeed[] = [];
  for (let i = 0; i < count; i++) {
    const { name, stem } = companyName(rng, names);
    const slug = uniqueSlug(slugify(stem), slugs);
    const id = kit.ctx.nextId('tnt');
    const record = {
      name,
      slug,
      status: 'ACTIVE',
      contact_email: `admin@${slug}.example`,
      partner_id: rng.pick(partnerIds),
      settings: tenantSettings(rng, slug),
      branding: branding(rng, slug),
    };
    const target = targetOf({ id, name, partner_id: record.partner_id });
    const created = kit.clock.between(kit.clock.start, kit.clock.end - 86_400_000);
    const actor = kit.superAdmin();
    entries.push(
      kit.entry({ at: created, actor, action: 'tenant.created', resourceType: 'tenant', target, statusCode: 201, changes: createdChanges(record, []) }),
      kit.entry({ at: kit.clock.between(created + 3_600_000), actor, action: 'tenant.deleted', resourceType: 'tenant', target, statusCode: 204 }),
    );
  }
  return entries;
}

/** A tenant request the API refused: a taken slug, a bad field, a stale edit, a partner admin out of scope. */
function refusedTenantRequest(kit: AuditKit, tenants: Tenants): AuditSeed {
  const { rng } = kit.ctx;
  const t = rng.chance(0.3) ? kit.tenant(ACME_TENANT.id)! : rng.pick(tenants.live);
  const at = kit.clock.between();
  const kind = rng.weighted([['slug', 4], ['pattern', 2], ['settings', 3], ['stale', 2], ['scope', 2], ['gone', 1]] as const);
  const newTenant = { id: null, name: `${t.name.split(' ')[0]} ${rng.pick(['Holdings', 'Group', 'Labs'])}`, tenantId: null, partnerId: t.partner_id };
  switch (kind) {
    case 'slug':
      return kit.entry({ at, actor: kit.superAdmin(), action: 'tenant.created', resourceType: 'tenant', target: newTenant, statusCode: 409, failure: `A tenant with slug '${t.slug}' already exists` });
    case 'pattern':
      return kit.entry({ at, actor: kit.superAdmin(), action: 'tenant.created', resourceType: 'tenant', target: newTenant, statusCode: 422, failure: "slug: String should match pattern '^[a-z0-9-]+$'" });
    case 'settings':
      return kit.entry({
        at,
        actor: kit.superAdmin(),
        action: 'tenant.settings_updated',
        resourceType: 'tenant',
        target: targetOf(t),
        statusCode: 422,
        failure: rng.pick([
          'settings.session_timeout: Input should be greater than or equal to 5',
          'settings.password_policy.min_length: Input should be greater than or equal to 8',
          'settings.mfa_methods: List should have at least 1 item after validation, not 0',
        ]),
      });
    case 'stale':
      return kit.entry({ at, actor: kit.superAdmin(), action: 'tenant.updated', resourceType: 'tenant', target: targetOf(t), statusCode: 412, failure: 'The tenant has changed since you loaded it (If-Match does not match its ETag). Load it again and reapply your changes.' });
    case 'scope': {
      // Partner and tenant admins may read tenants, not write them: Paolo outside his partner, Theo on his own Acme.
      if (rng.chance(0.5)) {
        const theo = kit.actor(kit.user(SEED_ACCOUNTS.tenantAdmin.id)!);
        return kit.entry({ at, actor: theo, action: 'tenant.settings_updated', resourceType: 'tenant', target: targetOf(kit.tenant(ACME_TENANT.id)!), statusCode: 403, failure: 'Only Super Admins can manage tenants' });
      }
      const paolo = kit.actor(kit.user(SEED_ACCOUNTS.partnerAdmin.id)!);
      const outside = rng.pick(tenants.live.filter((x) => x.partner_id !== FIRST_PARTNER_ID).slice(0, 200));
      return kit.entry({ at, actor: paolo, action: 'tenant.deleted', resourceType: 'tenant', target: targetOf(outside), statusCode: 403, failure: 'Only Super Admins can manage tenants' });
    }
    case 'gone':
      return kit.entry({ at, actor: kit.superAdmin(), action: 'tenant.updated', resourceType: 'tenant', target: { id: kit.ctx.nextId('tnt'), name: null }, statusCode: 404, failure: 'Tenant not found' });
  }
}
