/**
 * A tenant's security settings: the form's zod schema, the form values made from what the API
 * returned (`fromSettings`), and the full settings object sent back (`mergeSettings`).
 *
 * The API replaces `settings` whole on PATCH, so the console always sends everything it loaded
 * with its own edits laid on top: keys it does not know (at the top level and inside
 * `password_policy`) survive every edit untouched. Key names and ranges follow
 * openapi/scaikey-admin.yaml (TenantSettings, PasswordPolicy) and the stand-in's validator.
 */
import * as z from 'zod/mini';
import type { components } from '@/lib/api/schema';
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import { joinAnd, plural } from '@/utils/plain-words';

export type TenantSettings = components['schemas']['TenantSettings'];
export type MfaMethod = components['schemas']['MfaMethod'];
type PasswordPolicy = components['schemas']['PasswordPolicy'];

export const MFA_METHODS = SETTINGS_RULES.mfa_methods.values satisfies readonly MfaMethod[];

export const MFA_METHOD_LABELS: Record<MfaMethod, string> = {
  totp: 'TOTP (authenticator app)',
  sms: 'SMS',
  email: 'Email',
  webauthn: 'WebAuthn (security key or passkey)',
};

const range = (rule: { minimum: number; maximum: number }) => ({ min: rule.minimum, max: rule.maximum });
const policy = SETTINGS_RULES.password_policy;

/** The ranges the API accepts, from the contract (src/lib/api/settings-rules.ts is generated from it). */
export const LIMITS = {
  minLength: range(policy.min_length),
  maxAgeDays: range(policy.max_age_days),
  historyCount: range(policy.history_count),
  sessionTimeout: range(SETTINGS_RULES.session_timeout),
} as const;

/**
 * The contract's defaults. The server fills every known key when it writes settings, so these
 * only stand in for a key a server left out of what it returned (or a malformed one).
 */
export const DEFAULT_SETTINGS = {
  mfa_required: SETTINGS_RULES.mfa_required.default,
  mfa_methods: [...SETTINGS_RULES.mfa_methods.default] as MfaMethod[],
  password_policy: {
    min_length: policy.min_length.default,
    require_uppercase: policy.require_uppercase.default,
    require_lowercase: policy.require_lowercase.default,
    require_digit: policy.require_digit.default,
    require_special: policy.require_special.default,
    max_age_days: policy.max_age_days.default as number | null,
    history_count: policy.history_count.default,
  },
  session_timeout: SETTINGS_RULES.session_timeout.default,
};

const KNOWN_SETTINGS_KEYS = ['mfa_required', 'mfa_methods', 'password_policy', 'session_timeout'] as const;
const KNOWN_POLICY_KEYS = Object.keys(DEFAULT_SETTINGS.password_policy);

function rangedNumber(min: number, max: number) {
  const range = `Enter a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return z.number({ error: range }).check(z.int(range), z.gte(min, range), z.lte(max, range));
}

/** A whole number in [min, max]. The field holds null while empty, which gets `emptyMessage`. */
function wholeNumber(min: number, max: number, emptyMessage: string) {
  return z.pipe(
    z.nullable(rangedNumber(min, max)),
    z.transform((value, ctx) => {
      if (value === null) {
        ctx.issues.push({ code: 'custom', message: emptyMessage, input: value });
        return z.NEVER;
      }
      return value;
    }),
  );
}

export const settingsFormSchema = z
  .object({
    mfa_required: z.boolean(),
    mfa_methods: z.array(z.enum(MFA_METHODS)),
    password_policy: z.object({
      min_length: wholeNumber(LIMITS.minLength.min, LIMITS.minLength.max, 'Enter a minimum length'),
      require_uppercase: z.boolean(),
      require_lowercase: z.boolean(),
      require_digit: z.boolean(),
      require_special: z.boolean(),
      // Empty means the password never expires.
      max_age_days: z.nullable(rangedNumber(LIMITS.maxAgeDays.min, LIMITS.maxAgeDays.max)),
      history_count: wholeNumber(
        LIMITS.historyCount.min,
        LIMITS.historyCount.max,
        'Enter how many passwords are remembered (0 for none)',
      ),
    }),
    session_timeout: wholeNumber(LIMITS.sessionTimeout.min, LIMITS.sessionTimeout.max, 'Enter a session timeout in minutes'),
  })
  .check(
    z.refine((values) => !(values.mfa_required && values.mfa_methods.length === 0), {
      path: ['mfa_methods'],
      message: 'Choose at least one method while MFA is required',
      // Checked even while another field is wrong, so every problem shows at once.
      when: ({ value }) => {
        const v = value as { mfa_required?: unknown; mfa_methods?: unknown };
        return typeof v.mfa_required === 'boolean' && Array.isArray(v.mfa_methods);
      },
    }),
  );

export type SettingsFormInput = z.input<typeof settingsFormSchema>;
export type SettingsFormValues = z.output<typeof settingsFormSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isMfaMethod = (value: unknown): value is MfaMethod => (MFA_METHODS as readonly unknown[]).includes(value);

function pick<T>(value: unknown, fallback: T, ok: (v: unknown) => boolean): T {
  return ok(value) ? (value as T) : fallback;
}
const isBool = (v: unknown) => typeof v === 'boolean';
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/** The form's values for what the API returned; a missing or malformed known key gets the server's default. */
export function fromSettings(settings: TenantSettings | Record<string, unknown> | null | undefined): SettingsFormInput {
  const s: Record<string, unknown> = isRecord(settings) ? settings : {};
  const policy: Record<string, unknown> = isRecord(s.password_policy) ? s.password_policy : {};
  const d = DEFAULT_SETTINGS;
  const methods = Array.isArray(s.mfa_methods) ? s.mfa_methods : d.mfa_methods;
  return {
    mfa_required: pick(s.mfa_required, d.mfa_required, isBool),
    // In one fixed order, so ticking a box off and on again leaves the form pristine.
    mfa_methods: MFA_METHODS.filter((m) => methods.includes(m)),
    password_policy: {
      min_length: pick(policy.min_length, d.password_policy.min_length, isInt),
      require_uppercase: pick(policy.require_uppercase, d.password_policy.require_uppercase, isBool),
      require_lowercase: pick(policy.require_lowercase, d.password_policy.require_lowercase, isBool),
      require_digit: pick(policy.require_digit, d.password_policy.require_digit, isBool),
      require_special: pick(policy.require_special, d.password_policy.require_special, isBool),
      max_age_days: pick(policy.max_age_days, d.password_policy.max_age_days, (v) => v === null || isInt(v)),
      history_count: pick(policy.history_count, d.password_policy.history_count, isInt),
    },
    session_timeout: pick(s.session_timeout, d.session_timeout, isInt),
  };
}

/**
 * The full settings object for the PATCH: everything that was loaded, with the form's values on
 * top. Unknown keys (top level and inside password_policy) and MFA methods this console does not
 * know are kept as they were.
 */
export function mergeSettings(loaded: TenantSettings | Record<string, unknown> | null | undefined, values: SettingsFormValues): TenantSettings {
  const base: Record<string, unknown> = isRecord(loaded) ? loaded : {};
  const loadedPolicy: Record<string, unknown> = isRecord(base.password_policy) ? base.password_policy : {};
  const loadedMethods: unknown[] = Array.isArray(base.mfa_methods) ? base.mfa_methods : [];
  const unknownMethods = loadedMethods.filter((m) => !isMfaMethod(m)) as MfaMethod[];
  const password_policy: PasswordPolicy = { ...loadedPolicy, ...values.password_policy };
  return {
    ...base,
    mfa_required: values.mfa_required,
    mfa_methods: [...MFA_METHODS.filter((m) => values.mfa_methods.includes(m)), ...unknownMethods],
    password_policy,
    session_timeout: values.session_timeout,
  };
}

export interface OtherSetting {
  /** Dotted path: "ip_allowlist", "password_policy.breached_password_check". */
  key: string;
  value: unknown;
}

/** The settings this console does not edit, for the read-only "Other settings" list. */
export function otherSettings(settings: TenantSettings | Record<string, unknown> | null | undefined): OtherSetting[] {
  const s: Record<string, unknown> = isRecord(settings) ? settings : {};
  const others: OtherSetting[] = Object.entries(s)
    .filter(([key]) => !(KNOWN_SETTINGS_KEYS as readonly string[]).includes(key))
    .map(([key, value]) => ({ key, value }));
  if (isRecord(s.password_policy)) {
    for (const [key, value] of Object.entries(s.password_policy)) {
      if (!KNOWN_POLICY_KEYS.includes(key)) others.push({ key: `password_policy.${key}`, value });
    }
  }
  if (Array.isArray(s.mfa_methods)) {
    const unknown = s.mfa_methods.filter((m) => !isMfaMethod(m));
    if (unknown.length > 0) others.push({ key: 'mfa_methods (not editable here)', value: unknown });
  }
  return others;
}

/** A setting's value as plain text: strings as they are, everything else as JSON. */
export function settingValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

type PolicyValues = SettingsFormInput['password_policy'];

/**
 * One plain line: "At least 12 characters with upper and lower case, a digit and a symbol;
 * expires after 90 days". Incomplete values (while the admin is typing) are described as far as
 * they go.
 */
export function passwordPolicySummary(policy: PolicyValues): string {
  const needs: string[] = [];
  if (policy.require_uppercase && policy.require_lowercase) needs.push('upper and lower case');
  else if (policy.require_uppercase) needs.push('an uppercase letter');
  else if (policy.require_lowercase) needs.push('a lowercase letter');
  if (policy.require_digit) needs.push('a digit');
  if (policy.require_special) needs.push('a symbol');

  const length = isInt(policy.min_length) ? `At least ${plural(policy.min_length as number, 'character')}` : 'Any length';
  const parts = [needs.length > 0 ? `${length} with ${joinAnd(needs)}` : length];
  parts.push(isInt(policy.max_age_days) ? `expires after ${plural(policy.max_age_days as number, 'day')}` : 'never expires');
  const history = policy.history_count;
  if (isInt(history) && (history as number) > 0) {
    parts.push(`the last ${history === 1 ? 'password' : plural(history as number, 'password')} cannot be reused`);
  }
  return parts.join('; ');
}
