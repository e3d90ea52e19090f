/**
 * Whether the tenants a server answered match the security filters asked for
 * (tenant-security-filters.ts): a server that ignores them answers unfiltered rows. A setting a
 * tenant lacks counts with the contract's default (SETTINGS_RULES), as the server counts it.
 * Apart from the filters themselves so the rules table stays off the first-requests chunk.
 */
import { SETTINGS_RULES } from './settings-rules';
import type { SecurityFilters } from './tenant-security-filters';

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
