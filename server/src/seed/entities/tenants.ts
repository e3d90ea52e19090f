import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT } from '../fixtures';
import { DAY, iso, SEED_EPOCH, type SeedContext } from './context';
import type { PartnerSeed } from './partners';
import { branding, companyName, policy, tenantSettings, uniqueSlug } from './tenant-details';
import { slugify } from './text';

export interface TenantSeed {
  id: string;
  name: string;
  slug: string;
  status: 'ACTIVE' | 'SUSPENDED';
  contact_email: string | null;
  partner_id: string | null;
  settings: Record<string, unknown>;
  branding: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The tenants, and the lookups the users and roles are placed with. */
export interface Tenants {
  all: TenantSeed[];
  /** Every tenant's email domain, by tenant id. */
  domainOf: Map<string, string>;
  /** Not deleted, the platform tenant left out. */
  live: TenantSeed[];
  liveByPartner: Map<string, TenantSeed[]>;
}

interface TenantBook {
  all: TenantSeed[];
  domainOf: Map<string, string>;
  names: Set<string>;
  slugs: Set<string>;
  add(t: Omit<TenantSeed, 'id'>, id?: string): void;
}

/** The platform, Acme, then generated companies (a few soft-deleted). */
export function generateTenants(ctx: SeedContext, partners: readonly PartnerSeed[]): Tenants {
  const book = tenantBook(ctx);
  addFixedTenants(ctx, book);
  addGeneratedTenants(ctx, book, partners);
  const live = book.all.filter((t) => t.deleted_at === null && t.id !== PLATFORM_TENANT.id);
  return { all: book.all, domainOf: book.domainOf, live, liveByPartner: byPartner(live) };
}

function tenantBook(ctx: SeedContext): TenantBook {
  const all: TenantSeed[] = [];
  const domainOf = new Map<string, string>();
  return {
    all,
    domainOf,
    names: new Set<string>([PLATFORM_TENANT.name, ACME_TENANT.name]),
    slugs: new Set<string>([PLATFORM_TENANT.slug, ACME_TENANT.slug]),
    add(t, id = ctx.nextId('tnt')) {
      all.push({ id, ...t });
      domainOf.set(id, `${t.slug}.example`);
    },
  };
}

function addFixedTenants(ctx: SeedContext, book: TenantBook): void {
  const platformCreated = SEED_EPOCH - 1500 * DAY;
  book.add(
    {
      name: PLATFORM_TENANT.name,
      slug: PLATFORM_TENANT.slug,
      status: 'ACTIVE',
      contact_email: 'platform@scaikey.test',
      partner_id: null,
      settings: {
        mfa_required: true,
        mfa_methods: ['totp', 'webauthn'],
        password_policy: policy(14, true, 180, 12),
        session_timeout: 480,
      },
      branding: { primary_color: '#0F172A', logo_url: 'https://assets.scaikey.test/brand/scaikey-logo.svg' },
      created_at: iso(platformCreated),
      updated_at: iso(platformCreated + 200 * DAY),
      deleted_at: null,
    },
    PLATFORM_TENANT.id,
  );
  ctx.counters.tnt = 1;
  const acmeCreated = SEED_EPOCH - 900 * DAY;
  book.add(
    {
      name: ACME_TENANT.name,
      slug: ACME_TENANT.slug,
      status: 'ACTIVE',
      contact_email: 'it@acme.example',
      partner_id: FIRST_PARTNER_ID,
      settings: {
        mfa_required: true,
        mfa_methods: ['totp', 'sms'],
        password_policy: policy(12, true, 90, 5),
        session_timeout: 720,
        ip_allowlist: ['10.0.0.0/8', '192.168.10.0/24'],
      },
      branding: { primary_color: '#B91C1C', logo_url: 'https://assets.example.com/acme/logo.svg' },
      created_at: iso(acmeCreated),
      updated_at: iso(acmeCreated + 120 * DAY),
      deleted_at: null,
    },
    ACME_TENANT.id,
  );
  ctx.counters.tnt = 2;
}

function addGeneratedTenants(ctx: SeedContext, book: TenantBook, partners: readonly PartnerSeed[]): void {
  const { rng, spec } = ctx;
  const partnerWeights = partners.map((p, i) => [p.id, [34, 22, 20, 16, 8][i] ?? 10] as const);
  for (let i = 1; i < spec.tenants + spec.deletedTenants; i++) {
    const { name, stem } = companyName(rng, book.names);
    const slug = uniqueSlug(slugify(stem), book.slugs);
    const created = ctx.daysBeforeEpoch(20, 1300);
    const deleted = i >= spec.tenants;
    book.add({
      name,
      slug,
      status: rng.chance(0.1) ? 'SUSPENDED' : 'ACTIVE',
      contact_email: rng.chance(0.02) ? null : `${rng.pick(['admin', 'it', 'security', 'identity', 'ops', 'helpdesk'])}@${slug}.example`,
      partner_id: rng.weighted(partnerWeights),
      settings: tenantSettings(rng, slug),
      branding: branding(rng, slug),
      created_at: iso(created),
      updated_at: iso(Math.min(SEED_EPOCH, created + rng.int(0, 400) * DAY)),
      deleted_at: deleted ? iso(Math.min(SEED_EPOCH, created + rng.int(30, 300) * DAY)) : null,
    });
  }
}

function byPartner(tenants: readonly TenantSeed[]): Map<string, TenantSeed[]> {
  const map = new Map<string, TenantSeed[]>();
  for (const t of tenants) {
    if (!t.partner_id) continue;
    const list = map.get(t.partner_id);
    if (list) list.push(t);
    else map.set(t.partner_id, [t]);
  }
  return map;
}
