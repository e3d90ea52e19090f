/**
 * Security presets: a tenant's known security settings as a named standard asks for them, with
 * the rules in words and the source, so an admin can fill a tenant's form from one (nothing is
 * saved until they confirm), apply one to many tenants, or use one as the fleet's baseline.
 *
 * What each standard says, and how it maps onto ScaiKey's settings:
 * - NIST SP 800-63B-4 (2025), Authenticator Assurance Level 2: a second factor (phishing-resistant
 *   or an authenticator app; not SMS as the only one), passwords of at least 15 characters when a
 *   password can be the only factor (8 with MFA; 15 is what a baseline asks for), no composition
 *   rules and no scheduled expiry (SHALL NOT), reauthentication after 30 minutes of inactivity.
 * - PCI DSS v4.0: MFA for every access to the cardholder data environment (8.4), passwords of at
 *   least 12 characters with letters and digits (8.3.6), not one of the last 4 (8.3.7), changed at
 *   least every 90 days when the password is the only factor (8.3.9), idle sessions locked after
 *   15 minutes (8.2.8).
 * - ScaiKey default: the contract's defaults (what a new tenant gets).
 */
import { joinAnd, plural } from '@/utils/plain-words';
import { DEFAULT_SETTINGS, fromSettings, mergeSettings, type MfaMethod, type SettingsFormValues, type TenantSettings } from './settings';

export type SecurityPresetId = 'scaikey-default' | 'nist-800-63b' | 'pci-dss-4';

/** The known settings a preset sets: every one of them. */
export type PresetSettings = SettingsFormValues;

export interface SecurityPreset {
  id: SecurityPresetId;
  name: string;
  /** Where the rules come from. */
  source: { title: string; url: string };
  /** The rules it sets, one sentence each, for help text. */
  rules: string[];
  settings: PresetSettings;
}

const scaikeyDefault: PresetSettings = {
  ...DEFAULT_SETTINGS,
  mfa_methods: [...DEFAULT_SETTINGS.mfa_methods],
  password_policy: { ...DEFAULT_SETTINGS.password_policy },
};

export const SECURITY_PRESETS: readonly SecurityPreset[] = [
  {
    id: 'scaikey-default',
    name: 'ScaiKey default',
    source: { title: 'ScaiKey Admin API contract (the defaults of a new tenant)', url: 'openapi/scaikey-admin.yaml' },
    rules: [
      'MFA optional (TOTP offered).',
      'Passwords of at least 8 characters with upper and lower case, a digit and a symbol.',
      'Passwords never expire; none remembered.',
      'Sessions end after 8 hours (480 minutes).',
    ],
    settings: scaikeyDefault,
  },
  {
    id: 'nist-800-63b',
    name: 'NIST SP 800-63B',
    source: { title: 'NIST SP 800-63B-4, Digital Identity Guidelines: Authentication (AAL2)', url: 'https://pages.nist.gov/800-63-4/sp800-63b.html' },
    rules: [
      'MFA required, with an authenticator app (TOTP) or a security key or passkey (WebAuthn); not SMS.',
      'Passwords of at least 15 characters.',
      'No composition rules (no required upper case, digits or symbols).',
      'Passwords never expire on a schedule; none remembered.',
      'Sessions end after 30 minutes.',
    ],
    settings: {
      mfa_required: true,
      mfa_methods: ['totp', 'webauthn'],
      password_policy: {
        min_length: 15,
        require_uppercase: false,
        require_lowercase: false,
        require_digit: false,
        require_special: false,
        max_age_days: null,
        history_count: 0,
      },
      session_timeout: 30,
    },
  },
  {
    id: 'pci-dss-4',
    name: 'PCI DSS v4.0',
    source: { title: 'PCI DSS v4.0, Requirement 8 (8.2.8, 8.3.6, 8.3.7, 8.3.9, 8.4)', url: 'https://www.pcisecuritystandards.org/document_library/' },
    rules: [
      'MFA required (TOTP or WebAuthn).',
      'Passwords of at least 12 characters with letters and digits.',
      'Passwords expire after 90 days; the last 4 cannot be reused.',
      'Sessions end after 15 minutes.',
    ],
    settings: {
      mfa_required: true,
      mfa_methods: ['totp', 'webauthn'],
      password_policy: {
        min_length: 12,
        require_uppercase: false,
        require_lowercase: true,
        require_digit: true,
        require_special: false,
        max_age_days: 90,
        history_count: 4,
      },
      session_timeout: 15,
    },
  },
];

export function presetById(id: string | null | undefined): SecurityPreset | undefined {
  return SECURITY_PRESETS.find((preset) => preset.id === id);
}

/** A copy of the preset's settings, safe to hand to a form. */
export function presetValues(preset: SecurityPreset): PresetSettings {
  const s = preset.settings;
  return { ...s, mfa_methods: [...s.mfa_methods], password_policy: { ...s.password_policy } };
}

/**
 * The tenant's settings with the preset's laid on top: keys the preset does not set (unknown keys,
 * at the top level and in password_policy, and MFA methods this console does not know) are kept.
 */
export function applyPreset(settings: TenantSettings | Record<string, unknown> | null | undefined, preset: SecurityPreset): TenantSettings {
  return mergeSettings(settings, presetValues(preset));
}

const CLASS_WORDS = {
  require_uppercase: 'an uppercase letter',
  require_lowercase: 'a lowercase letter',
  require_digit: 'a digit',
  require_special: 'a symbol',
} as const;

const METHOD_WORDS: Record<MfaMethod, string> = { totp: 'TOTP', sms: 'SMS', email: 'Email', webauthn: 'WebAuthn' };

/**
 * What in a tenant's settings falls short of the preset, in plain words ("MFA not required",
 * "minimum password length 8 (needs 12)"); empty when it meets every rule. A missing or malformed
 * key counts as the contract's default (fromSettings). Stricter than the preset is never short:
 * a longer minimum, a shorter timeout, more passwords remembered, an extra required class.
 * MFA methods are short only when MFA is required by the preset and the tenant allows none of the
 * preset's methods.
 */
export function shortfalls(settings: TenantSettings | Record<string, unknown> | null | undefined, preset: SecurityPreset): string[] {
  const have = fromSettings(settings);
  const want = preset.settings;
  const out: string[] = [];
  if (want.mfa_required && !have.mfa_required) out.push('MFA not required');
  if (want.mfa_required && have.mfa_required && !have.mfa_methods.some((m) => want.mfa_methods.includes(m))) {
    out.push(`MFA methods allow none of ${joinAnd(want.mfa_methods.map((m) => METHOD_WORDS[m]))}`);
  }
  const policy = have.password_policy;
  const wanted = want.password_policy;
  const minLength = policy.min_length as number;
  if (minLength < wanted.min_length) out.push(`minimum password length ${minLength} (needs ${wanted.min_length})`);
  const missing = (Object.keys(CLASS_WORDS) as (keyof typeof CLASS_WORDS)[]).filter((key) => wanted[key] && !policy[key]);
  if (missing.length > 0) out.push(`passwords need not contain ${joinAnd(missing.map((key) => CLASS_WORDS[key]))}`);
  if (wanted.max_age_days !== null) {
    const maxAge = policy.max_age_days;
    if (maxAge === null || maxAge === undefined) out.push(`passwords never expire (needs ${plural(wanted.max_age_days, 'day')} at most)`);
    else if (maxAge > wanted.max_age_days) out.push(`passwords expire after ${plural(maxAge, 'day')} (needs ${wanted.max_age_days} at most)`);
  }
  const history = policy.history_count as number;
  if (history < wanted.history_count) out.push(`${plural(history, 'password')} remembered (needs ${wanted.history_count})`);
  const timeout = have.session_timeout as number;
  if (timeout > want.session_timeout) out.push(`session timeout ${plural(timeout, 'minute')} (needs ${want.session_timeout} at most)`);
  return out;
}
