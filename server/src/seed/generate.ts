import { ACME_TENANT, ANA_LIMA, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS } from './fixtures';
import { BRAND_HEADS, BRAND_TAILS, INDUSTRIES, PARTNERS, REGIONS } from './names';
import { Rng, seedGuid, seedId } from './prng';

export type SeedSize = 'standard' | 'large';

interface SizeSpec {
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
}

const SIZES: Record<SeedSize, SizeSpec> = {
  standard: { tenants: 1000, deletedTenants: 5, users: 3000, roles: 200, sharedEmailGroups: 12, platformStaff: 6, partnerAdminsPerPartner: 3, adminAccounts: 36 },
  large: { tenants: 100_000, deletedTenants: 200, users: 20_000, roles: 5_000, sharedEmailGroups: 50, platformStaff: 20, partnerAdminsPerPartner: 8, adminAccounts: 2_100 },
};

export interface PartnerSeed {
  id: string;
  name: string;
  slug: string;
  status: string;
  contact_email: string;
  max_tenants: number | null;
  max_users_per_tenant: number | null;
  max_applications_per_tenant: number | null;
  created_at: string;
  updated_at: string;
}

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

export interface AdminAccountSeed {
  id: string;
  user_id: string;
  created_at: string;
}

export interface SeedData {
  partners: PartnerSeed[];
  tenants: TenantSeed[];
  users: UserSeed[];
  roles: RoleSeed[];
  adminAccounts: AdminAccountSeed[];
}

/** Everything but expiry dates is placed relative to this fixed instant, so the data never drifts. */
export const SEED_EPOCH = Date.UTC(2026, 6, 1);
const DAY = 86_400_000;

const iso = (ms: number): string => new Date(ms).toISOString();

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', ı: 'i', đ: 'd', þ: 'th', ð: 'd' };

/** Lowercase ASCII: diacritics dropped, ß → ss, ł → l... */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæøœłıđþð]/g, (ch) => FOLD[ch] ?? ch);
}

export function slugify(name: string): string {
  let slug = fold(name)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  if (slug.length < 3) slug = `${slug}-co`.replace(/^-/, '');
  return slug;
}

const localPart = (first: string, last: string): string =>
  `${fold(first).replace(/[^a-z0-9]/g, '')}.${fold(last).replace(/[^a-z0-9]/g, '')}`;

/** Builds the whole data set in memory: pure and deterministic for a given size and `now`. */
export function generateSeed(size: SeedSize, now: Date): SeedData {
  const spec = SIZES[size];
  const rng = new Rng(0x5ca1c0de);
  const nowMs = now.getTime();
  const counters = { tnt: 0, usr: 0, adr: 0 };
  const nextId = (prefix: keyof typeof counters): string => seedId(prefix, ++counters[prefix]);
  const daysBeforeEpoch = (min: number, max: number): number => SEED_EPOCH - rng.int(min, max) * DAY - rng.int(0, DAY - 1);

  // Partners: five fixed ones.
  const partners: PartnerSeed[] = PARTNERS.map((p, i) => {
    const created = SEED_EPOCH - (1400 - i * 90) * DAY;
    return {
      id: seedId('prt', i + 1),
      name: p.name,
      slug: p.slug,
      status: p.status,
      contact_email: `partners@${p.domain}`,
      max_tenants: p.max[0],
      max_users_per_tenant: p.max[1],
      max_applications_per_tenant: p.max[2],
      created_at: iso(created),
      updated_at: iso(created + 30 * DAY),
    };
  });
  const partnerDomain = new Map(PARTNERS.map((p, i) => [seedId('prt', i + 1), p.domain]));

  // Tenants: the platform, Acme, then generated companies (a few soft-deleted).
  const tenantNames = new Set<string>([PLATFORM_TENANT.name, ACME_TENANT.name]);
  const slugs = new Set<string>([PLATFORM_TENANT.slug, ACME_TENANT.slug]);
  const tenants: TenantSeed[] = [];
  const domainOf = new Map<string, string>();
  const addTenant = (t: Omit<TenantSeed, 'id'>, id = nextId('tnt')): TenantSeed => {
    const tenant = { id, ...t };
    tenants.push(tenant);
    domainOf.set(id, `${t.slug}.example`);
    return tenant;
  };
  const platformCreated = SEED_EPOCH - 1500 * DAY;
  addTenant(
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
  counters.tnt = 1;
  const acmeCreated = SEED_EPOCH - 900 * DAY;
  addTenant(
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
  counters.tnt = 2;

  const partnerWeights = partners.map((p, i) => [p.id, [34, 22, 20, 16, 8][i] ?? 10] as const);
  for (let i = 1; i < spec.tenants + spec.deletedTenants; i++) {
    const { name, stem } = companyName(rng, tenantNames);
    const slug = uniqueSlug(slugify(stem), slugs);
    const created = daysBeforeEpoch(20, 1300);
    const deleted = i >= spec.tenants;
    addTenant({
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
  const liveTenants = tenants.filter((t) => t.deleted_at === null && t.id !== PLATFORM_TENANT.id);
  const tenantsByPartner = new Map<string, TenantSeed[]>();
  for (const t of liveTenants) {
    if (!t.partner_id) continue;
    const list = tenantsByPartner.get(t.partner_id);
    if (list) list.push(t);
    else tenantsByPartner.set(t.partner_id, [t]);
  }

  // Users.
  const users: UserSeed[] = [];
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
  const tenantCreated = new Map(tenants.map((t) => [t.id, Date.parse(t.created_at)]));
  const addUser = (u: {
    first: string | null;
    last: string | null;
    display?: string | null;
    tenantId: string;
    email?: string;
    status?: UserSeed['status'];
    loggedIn?: boolean;
    id?: string;
  }): UserSeed => {
    const domain = domainOf.get(u.tenantId) ?? 'example.com';
    const email = u.email ?? takeEmail(u.tenantId, localPart(u.first ?? 'user', u.last ?? 'account'), domain);
    if (u.email) emailsInTenant.add(`${u.tenantId} ${u.email}`);
    const from = Math.max(tenantCreated.get(u.tenantId) ?? SEED_EPOCH - 1000 * DAY, SEED_EPOCH - 1200 * DAY);
    const created = from + Math.floor(rng.next() * (SEED_EPOCH - 10 * DAY - from));
    const status = u.status ?? 'ACTIVE';
    const loggedIn = u.loggedIn ?? (status !== 'PENDING' && rng.chance(status === 'ACTIVE' ? 0.9 : 0.6));
    const user: UserSeed = {
      id: u.id ?? nextId('usr'),
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
    users.push(user);
    return user;
  };

  const accounts = [
    [SEED_ACCOUNTS.root, PLATFORM_TENANT.id],
    [SEED_ACCOUNTS.partnerAdmin, PLATFORM_TENANT.id],
    [SEED_ACCOUNTS.tenantAdmin, ACME_TENANT.id],
    [SEED_ACCOUNTS.expiredAdmin, PLATFORM_TENANT.id],
  ] as const;
  const accountUsers = accounts.map(([a, tenantId]) =>
    addUser({ id: a.id, first: a.firstName, last: a.lastName, tenantId, email: a.email, loggedIn: true }),
  );
  addUser({ id: ANA_LIMA.id, first: ANA_LIMA.firstName, last: ANA_LIMA.lastName, tenantId: ACME_TENANT.id, email: ANA_LIMA.email, loggedIn: true });
  counters.usr = 5;

  const person = (region = rng.pick(REGIONS)): { first: string; last: string } => {
    for (;;) {
      const first = rng.pick(region.first);
      const last = rng.pick(region.last);
      if (`${first} ${last}` !== 'Ana Lima') return { first, last };
    }
  };

  const staff: UserSeed[] = [];
  for (let i = 0; i < spec.platformStaff; i++) {
    staff.push(addUser({ ...person(), tenantId: PLATFORM_TENANT.id, loggedIn: true }));
  }

  // The other admin accounts' people: platform users, as the Admins API creates them, holding no role.
  const accountHolders: UserSeed[] = [];
  for (let i = accountUsers.length + staff.length; i < spec.adminAccounts; i++) {
    accountHolders.push(addUser({ ...person(), tenantId: PLATFORM_TENANT.id }));
  }

  // Duplicate admin users: one consultant, the same email in 2–3 tenants of one partner, never signed in.
  const sharedGroups: UserSeed[][] = [];
  for (let g = 0; g < spec.sharedEmailGroups; g++) {
    const partner = partners[g % partners.length]!;
    const pool = tenantsByPartner.get(partner.id) ?? [];
    const who = person();
    const email = `${localPart(who.first, who.last)}@${partnerDomain.get(partner.id)}`;
    const group = rng
      .sample(pool, rng.int(2, 3))
      .map((t) => addUser({ ...who, tenantId: t.id, email, status: rng.chance(0.7) ? 'ACTIVE' : 'PENDING', loggedIn: false }));
    sharedGroups.push(group);
  }

  const general: UserSeed[] = [];
  for (let i = 0; i < 12; i++) general.push(addUser({ ...person(), tenantId: ACME_TENANT.id }));
  while (users.length < spec.users) {
    const tenant = rng.pick(liveTenants);
    const status = rng.weighted([['ACTIVE', 88], ['SUSPENDED', 5], ['PENDING', 7]] as const);
    const who = person();
    const roll = rng.next();
    if (roll < 0.015) {
      general.push(addUser({ ...who, display: null, tenantId: tenant.id, status }));
    } else if (roll < 0.02) {
      const desk = rng.pick(['Service Desk', 'Security Operations', 'Build Robot', 'Integration Account']);
      general.push(addUser({ first: null, last: null, display: desk, tenantId: tenant.id, status, email: takeEmail(tenant.id, slugify(desk), domainOf.get(tenant.id)!) }));
    } else {
      general.push(addUser({ ...who, tenantId: tenant.id, status }));
    }
  }

  // Role assignments.
  const roles: RoleSeed[] = [];
  const userCreated = new Map(users.map((u) => [u.id, Date.parse(u.created_at)]));
  type State = 'active' | 'inactive' | 'expired' | 'future' | 'inactive-expired';
  const addRole = (r: { user: string; role: RoleSeed['role']; partner?: string; tenant?: string; state: State; grantedBy: string | null; expiresInDays?: number }) => {
    const expires =
      r.expiresInDays !== undefined
        ? nowMs + r.expiresInDays * DAY
        : r.state === 'expired' || r.state === 'inactive-expired'
          ? nowMs - rng.int(1, 120) * DAY - rng.int(0, DAY - 1)
          : r.state === 'future'
            ? nowMs + rng.int(7, 365) * DAY + rng.int(0, DAY - 1)
            : null;
    const from = userCreated.get(r.user) ?? SEED_EPOCH - 400 * DAY;
    let created = from + Math.floor(rng.next() * (SEED_EPOCH - from));
    if (expires !== null) created = Math.min(created, expires - 30 * DAY);
    roles.push({
      id: nextId('adr'),
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
  const root = SEED_ACCOUNTS.root.id;
  addRole({ user: root, role: 'SUPER_ADMIN', state: 'active', grantedBy: null });
  addRole({ user: SEED_ACCOUNTS.partnerAdmin.id, role: 'PARTNER_ADMIN', partner: FIRST_PARTNER_ID, state: 'active', grantedBy: root });
  addRole({ user: SEED_ACCOUNTS.tenantAdmin.id, role: 'TENANT_ADMIN', tenant: ACME_TENANT.id, state: 'active', grantedBy: root });
  addRole({ user: SEED_ACCOUNTS.expiredAdmin.id, role: 'SUPER_ADMIN', state: 'expired', grantedBy: root, expiresInDays: -7 });
  addRole({ user: ANA_LIMA.id, role: 'TENANT_ADMIN', tenant: ACME_TENANT.id, state: 'active', grantedBy: root });

  const staffStates: State[] = ['active', 'active', 'active', 'inactive', 'future', 'expired'];
  const granters = [root];
  staff.forEach((u, i) => {
    const state = staffStates[i % staffStates.length]!;
    addRole({ user: u.id, role: 'SUPER_ADMIN', state, grantedBy: root });
    if (state === 'active') granters.push(u.id);
  });
  const mixedState = (): State =>
    rng.weighted([['active', 72], ['future', 10], ['expired', 8], ['inactive', 8], ['inactive-expired', 2]] as const);

  const partnerOfTenant = new Map(liveTenants.map((t) => [t.id, t.partner_id]));
  const holders = new Set<string>();
  // Partner admins cycle through the states, so every state exists for this role too.
  const partnerStates: State[] = ['active', 'expired', 'active', 'inactive', 'future', 'active', 'active'];
  let nth = 0;
  for (const partner of partners) {
    const pool = general.filter((u) => partnerOfTenant.get(u.tenant_id) === partner.id && u.status === 'ACTIVE');
    for (const u of rng.sample(pool, spec.partnerAdminsPerPartner)) {
      holders.add(u.id);
      const state = partnerStates[nth++ % partnerStates.length]!;
      addRole({ user: u.id, role: 'PARTNER_ADMIN', partner: partner.id, state, grantedBy: rng.pick(granters) });
    }
  }
  for (const group of sharedGroups) {
    for (const u of group) addRole({ user: u.id, role: 'TENANT_ADMIN', tenant: u.tenant_id, state: 'active', grantedBy: rng.pick(granters) });
  }
  const candidates = general.filter((u) => !holders.has(u.id) && u.tenant_id !== ACME_TENANT.id);
  for (const u of rng.sample(candidates, Math.max(0, spec.roles - roles.length))) {
    addRole({ user: u.id, role: 'TENANT_ADMIN', tenant: u.tenant_id, state: mixedState(), grantedBy: rng.pick(granters) });
  }

  return { partners, tenants, users, roles, adminAccounts: adminAccountsOf([...accountUsers, ...staff, ...accountHolders]) };
}

/** One admin account per user, created with the user; the seeded accounts first (SEED_ADMIN_ACCOUNT_IDS). */
function adminAccountsOf(holders: readonly UserSeed[]): AdminAccountSeed[] {
  return holders.map((u, i) => ({ id: seedGuid(i + 1), user_id: u.id, created_at: u.created_at }));
}

function policy(minLength: number, strict: boolean, maxAgeDays: number | null, historyCount: number): Record<string, unknown> {
  return {
    min_length: minLength,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: strict,
    max_age_days: maxAgeDays,
    history_count: historyCount,
  };
}

const MFA = ['totp', 'sms', 'email', 'webauthn'] as const;

function tenantSettings(rng: Rng, slug: string): Record<string, unknown> {
  const mfaRequired = rng.chance(0.45);
  const methods = MFA.filter((m) => rng.chance(m === 'totp' ? 0.85 : m === 'webauthn' ? 0.4 : 0.3));
  if (mfaRequired && methods.length === 0) methods.push('totp');
  const passwordPolicy = {
    min_length: rng.pick([8, 8, 10, 12, 12, 14, 16]),
    require_uppercase: rng.chance(0.9),
    require_lowercase: rng.chance(0.95),
    require_digit: rng.chance(0.9),
    require_special: rng.chance(0.7),
    max_age_days: rng.pick([null, null, 90, 180, 365]),
    history_count: rng.pick([0, 0, 3, 5, 10, 12, 24]),
    ...(rng.chance(0.02) ? { breached_password_check: true } : {}),
  };
  const settings: Record<string, unknown> = {
    mfa_required: mfaRequired,
    mfa_methods: methods,
    password_policy: passwordPolicy,
    session_timeout: rng.pick([15, 30, 60, 120, 240, 480, 480, 480, 720, 1440, 10080]),
  };
  // About 5% carry keys the console does not know; they must survive every edit.
  if (rng.chance(0.05)) {
    const extra = rng.pick([
      { ip_allowlist: ['10.0.0.0/8', `172.${rng.int(16, 31)}.0.0/16`] },
      { legacy_sso: { provider: rng.pick(['okta', 'adfs', 'onelogin']), domain: `${slug}.sso.example`, enabled: rng.chance(0.5) } },
      { audit_log_retention_days: rng.pick([90, 365, 730]) },
      { allowed_email_domains: [`${slug}.example`] },
      { data_residency: rng.pick(['eu-central', 'us-east', 'ap-southeast']) },
      { login_banner: 'Authorised use only. Activity is monitored.' },
    ]);
    Object.assign(settings, extra);
  }
  return settings;
}

const COLORS = ['#1E40AF', '#0F766E', '#B45309', '#7C3AED', '#BE123C', '#15803D', '#0369A1', '#9D174D', '#374151', '#C2410C'];

function branding(rng: Rng, slug: string): Record<string, unknown> {
  const roll = rng.next();
  if (roll < 0.1) return {};
  const base = { primary_color: rng.pick(COLORS), logo_url: `https://assets.example.com/${slug}/logo.svg` };
  if (roll < 0.2) return { ...base, secondary_color: rng.pick(COLORS), favicon_url: `https://assets.example.com/${slug}/favicon.ico` };
  return base;
}

/** A unique company name, and its stem without the legal suffix (for the slug). */
function companyName(rng: Rng, taken: Set<string>): { name: string; stem: string } {
  for (let attempt = 0; ; attempt++) {
    const region = rng.pick(REGIONS);
    const style = rng.weighted([['surname', 4], ['place', 3], ['brand', 3]] as const);
    const industry = rng.pick(INDUSTRIES);
    const stem =
      style === 'surname'
        ? `${rng.pick(region.last)} ${industry}`
        : style === 'place'
          ? `${rng.pick(region.places)} ${industry}`
          : `${rng.pick(BRAND_HEADS)}${rng.pick(BRAND_TAILS)} ${industry}`;
    const suffix = rng.pick(region.suffixes);
    const qualified = attempt > 40 ? `${stem} ${rng.pick(region.places)} ${attempt}` : stem;
    const name = suffix ? `${qualified} ${suffix}` : qualified;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, stem: qualified };
    }
  }
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
  taken.add(slug);
  return slug;
}
