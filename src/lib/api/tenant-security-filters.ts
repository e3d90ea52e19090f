/**
 * The tenants list's security filters (scaikey-api.md, "Extensions": `?mfa_required=`,
 * `?password_min_length_lt=`, `?session_timeout_gt=`, and the stand-in's band partners `_gt`/`_lt`,
 * `?mfa_method=`, `?password_expires=`): their URL fields, what the API is asked, and whether the
 * rows that came back match them. One place for the tenants list and the security overview, so a
 * count's link and the list agree. A setting a tenant lacks counts with the contract's default
 * (SETTINGS_RULES), as the server counts it.
 */
import * as z from 'zod/mini';
import type { components } from './schema';
import { SETTINGS_RULES } from './settings-rules';

type MfaMethod = components['schemas']['MfaMethod'];

export const MFA_METHOD_VALUES = SETTINGS_RULES.mfa_methods.values satisfies readonly MfaMethod[];

/** `true`/`false` in the URL; anything else is no filter. */
const yesNo = () => z.catch(z.optional(z.enum(['true', 'false'])), undefined);
/** A whole number from 0 to 100,000 in the URL; anything else is no filter. */
const bound = () => z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(100_000))), undefined);

/** Spread into a list's URL schema. */
export const securityFilterFields = {
  mfa_required: yesNo(),
  password_min_length_lt: bound(),
  password_min_length_gt: bound(),
  session_timeout_gt: bound(),
  session_timeout_lt: bound(),
  mfa_method: z.catch(z.optional(z.enum(MFA_METHOD_VALUES)), undefined),
  password_expires: yesNo(),
};

export type SecurityFilters = {
  mfa_required?: 'true' | 'false' | undefined;
  password_min_length_lt?: number | undefined;
  password_min_length_gt?: number | undefined;
  session_timeout_gt?: number | undefined;
  session_timeout_lt?: number | undefined;
  mfa_method?: MfaMethod | undefined;
  password_expires?: 'true' | 'false' | undefined;
};

export const SECURITY_FILTER_KEYS = Object.keys(securityFilterFields) as (keyof SecurityFilters)[];

/** Every security filter unset. */
export const NO_SECURITY_FILTERS: Record<keyof SecurityFilters, undefined> = {
  mfa_required: undefined,
  password_min_length_lt: undefined,
  password_min_length_gt: undefined,
  session_timeout_gt: undefined,
  session_timeout_lt: undefined,
  mfa_method: undefined,
  password_expires: undefined,
};

export function hasSecurityFilters(filters: SecurityFilters): boolean {
  return SECURITY_FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** What the API is asked (only the filters set). */
export function securityQuery(filters: SecurityFilters) {
  return {
    ...(filters.mfa_required ? { mfa_required: filters.mfa_required === 'true' } : {}),
    ...(filters.password_min_length_lt !== undefined ? { password_min_length_lt: filters.password_min_length_lt } : {}),
    ...(filters.password_min_length_gt !== undefined ? { password_min_length_gt: filters.password_min_length_gt } : {}),
    ...(filters.session_timeout_gt !== undefined ? { session_timeout_gt: filters.session_timeout_gt } : {}),
    ...(filters.session_timeout_lt !== undefined ? { session_timeout_lt: filters.session_timeout_lt } : {}),
    ...(filters.mfa_method ? { mfa_method: filters.mfa_method } : {}),
    ...(filters.password_expires ? { password_expires: filters.password_expires === 'true' } : {}),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A tenant's security settings as the filters read them: a missing or mistyped key is the contract's default. */
export function effectiveSecurity(settings: unknown) {
  const s = isObject(settings) ? settings : {};
  const policy = isObject(s.password_policy) ? s.password_policy : {};
  return {
    mfaRequired: typeof s.mfa_required === 'boolean' ? s.mfa_required : SETTINGS_RULES.mfa_required.default,
    mfaMethods: Array.isArray(s.mfa_methods) ? (s.mfa_methods as unknown[]) : [...SETTINGS_RULES.mfa_methods.default],
    minLength: typeof policy.min_length === 'number' ? Math.floor(policy.min_length) : SETTINGS_RULES.password_policy.min_length.default,
    passwordExpires: typeof policy.max_age_days === 'number',
    sessionTimeout: typeof s.session_timeout === 'number' ? Math.floor(s.session_timeout) : SETTINGS_RULES.session_timeout.default,
  };
}

/** The filter's words, for "not available on this server" and the list's chips. */
export const SECURITY_FILTER_NAMES: Record<keyof SecurityFilters, string> = {
  mfa_required: 'MFA required',
  password_min_length_lt: 'Minimum length below',
  password_min_length_gt: 'Minimum length above',
  session_timeout_gt: 'Session timeout above',
  session_timeout_lt: 'Session timeout below',
  mfa_method: 'MFA method',
  password_expires: 'Password expiry',
};

/**
 * The security filters asked for that some row does not match: a server that ignores them answers
 * unfiltered rows, which are not to be shown as filtered ones.
 */
export function ignoredSecurityFilters(rows: readonly { settings?: unknown }[], filters: SecurityFilters): (keyof SecurityFilters)[] {
  const checks: [keyof SecurityFilters, (t: ReturnType<typeof effectiveSecurity>) => boolean][] = [];
  const f = filters;
  if (f.mfa_required) checks.push(['mfa_required', (t) => t.mfaRequired === (f.mfa_required === 'true')]);
  if (f.password_min_length_lt !== undefined) checks.push(['password_min_length_lt', (t) => t.minLength < f.password_min_length_lt!]);
  if (f.password_min_length_gt !== undefined) checks.push(['password_min_length_gt', (t) => t.minLength > f.password_min_length_gt!]);
  if (f.session_timeout_gt !== undefined) checks.push(['session_timeout_gt', (t) => t.sessionTimeout > f.session_timeout_gt!]);
  if (f.session_timeout_lt !== undefined) checks.push(['session_timeout_lt', (t) => t.sessionTimeout < f.session_timeout_lt!]);
  if (f.mfa_method) checks.push(['mfa_method', (t) => t.mfaMethods.includes(f.mfa_method)]);
  if (f.password_expires) checks.push(['password_expires', (t) => t.passwordExpires === (f.password_expires === 'true')]);
  const effective = rows.map((row) => effectiveSecurity(row.settings));
  return checks.filter(([, matches]) => effective.some((t) => !matches(t))).map(([key]) => key);
}
