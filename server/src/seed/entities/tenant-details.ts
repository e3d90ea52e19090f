import { BRAND_HEADS, BRAND_TAILS, INDUSTRIES, REGIONS } from '../names';
import type { Rng } from '../prng';

/** A generated tenant's parts: its settings, branding, company name and slug. */

export function policy(minLength: number, strict: boolean, maxAgeDays: number | null, historyCount: number): Record<string, unknown> {
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

export function tenantSettings(rng: Rng, slug: string): Record<string, unknown> {
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

export function branding(rng: Rng, slug: string): Record<string, unknown> {
  const roll = rng.next();
  if (roll < 0.1) return {};
  const base = { primary_color: rng.pick(COLORS), logo_url: `https://assets.example.com/${slug}/logo.svg` };
  if (roll < 0.2) return { ...base, secondary_color: rng.pick(COLORS), favicon_url: `https://assets.example.com/${slug}/favicon.ico` };
  return base;
}

/** A unique company name, and its stem without the legal suffix (for the slug). */
export function companyName(rng: Rng, taken: Set<string>): { name: string; stem: string } {
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

export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
  taken.add(slug);
  return slug;
}
