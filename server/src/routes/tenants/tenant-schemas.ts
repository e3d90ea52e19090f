import { SETTINGS_RULES } from '../../../../src/lib/api/settings-rules';
import { valueError } from '../../http/errors';
import {
  bool,
  dict,
  email,
  int,
  list,
  maxJsonBytes,
  nullable,
  object,
  oneOf,
  optional,
  parse,
  refine,
  required,
  str,
  withDefault,
} from '../../http/validate';

export const TENANT_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export const MFA_METHODS = SETTINGS_RULES.mfa_methods.values;
export const SLUG_PATTERN = '^[a-z0-9-]{3,63}$';
/** Caps on what a tenant may store as JSON: generous for real settings and branding (~1 KB). */
export const MAX_SETTINGS_BYTES = 32 * 1024;
export const MAX_BRANDING_BYTES = 32 * 1024;

/** An integer within the contract's range for it. */
const ranged = (rule: { minimum: number; maximum: number }) => int({ ge: rule.minimum, le: rule.maximum });
const P = SETTINGS_RULES.password_policy;

/**
 * Unknown password-policy keys are kept as they are, like unknown settings keys. Ranges and
 * defaults come from the contract (src/lib/api/settings-rules.ts, generated from openapi/), the
 * same values the console's form and hints use.
 */
const passwordPolicy = object(
  {
    min_length: withDefault(ranged(P.min_length), () => P.min_length.default),
    require_uppercase: withDefault(bool(), () => P.require_uppercase.default),
    require_lowercase: withDefault(bool(), () => P.require_lowercase.default),
    require_digit: withDefault(bool(), () => P.require_digit.default),
    require_special: withDefault(bool(), () => P.require_special.default),
    max_age_days: withDefault(nullable(ranged(P.max_age_days)), () => P.max_age_days.default),
    history_count: withDefault(ranged(P.history_count), () => P.history_count.default),
  },
  { extra: 'allow', model: 'PasswordPolicy' },
);

/**
 * A tenant's settings: the four known keys are validated and defaulted; any other key is kept
 * as it came. Model rule: MFA required needs at least one method (loc .../mfa_methods).
 */
export const tenantSettings = maxJsonBytes(refine(
  object(
    {
      mfa_required: withDefault(bool(), () => SETTINGS_RULES.mfa_required.default),
      mfa_methods: withDefault(list(oneOf(MFA_METHODS), { unique: true }), () => [...SETTINGS_RULES.mfa_methods.default]),
      password_policy: withDefault(passwordPolicy, () => parse(passwordPolicy, {}, [])),
      session_timeout: withDefault(ranged(SETTINGS_RULES.session_timeout), () => SETTINGS_RULES.session_timeout.default),
    },
    { extra: 'allow', model: 'TenantSettings' },
  ),
  (settings, loc, issues) => {
    if (settings.mfa_required && settings.mfa_methods.length === 0) {
      issues.push(valueError([...loc, 'mfa_methods'], 'at least one MFA method is required when MFA is required', settings.mfa_methods));
    }
  },
), MAX_SETTINGS_BYTES);

const branding = () => maxJsonBytes(dict(), MAX_BRANDING_BYTES);

/** The settings a tenant gets when none are sent. */
export const defaultSettings = (): Record<string, unknown> => parse(tenantSettings, {}, []);

export const tenantCreate = object(
  {
    name: required(str({ min: 1, max: 200 })),
    slug: required(str({ pattern: SLUG_PATTERN })),
    status: withDefault(oneOf(TENANT_STATUSES), () => 'ACTIVE' as const),
    contact_email: withDefault(nullable(email()), () => null),
    partner_id: withDefault(nullable(str()), () => null),
    settings: withDefault(tenantSettings, defaultSettings),
    branding: withDefault(branding(), () => ({})),
  },
  { extra: 'forbid' },
);

/** PATCH: every field optional; `settings`, when present, replaces the whole object (defaults filled). */
export const tenantUpdate = object(
  {
    name: optional(str({ min: 1, max: 200 })),
    slug: optional(str({ pattern: SLUG_PATTERN })),
    status: optional(oneOf(TENANT_STATUSES)),
    contact_email: optional(nullable(email())),
    partner_id: optional(nullable(str())),
    settings: optional(tenantSettings),
    branding: optional(branding()),
  },
  { extra: 'forbid' },
);
