/**
 * The tenants list's security filters (scaikey-api.md, "Extensions": `?mfa_required=`,
 * `?password_min_length_lt=`, `?session_timeout_gt=`, and the stand-in's band partners `_gt`/`_lt`,
 * `?mfa_method=`, `?password_expires=`): their URL fields, what the API is asked, and whether the
 * rows that came back match them (tenant-security-match.ts). One place for the tenants list and the
 * security overview, so a count's link and the list agree.
 */
import * as z from 'zod/mini';
import type { components } from './schema';

type MfaMethod = components['schemas']['MfaMethod'];

/**
 * The contract's MFA methods. Written out rather than read from SETTINGS_RULES: this module is on
 * every screen's first-requests chunk (the tenants list's prefetch parses its URL), and the rules
 * table is not; tenant-security-filters.test.ts holds the two equal.
 */
export const MFA_METHOD_VALUES = ['totp', 'sms', 'email', 'webauthn'] as const satisfies readonly MfaMethod[];

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

