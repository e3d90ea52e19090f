import type { components } from '../../../../src/lib/api/schema';
import type { Db } from '../../db/db';
import type { Params } from '../shared/sql';

/**
 * Tenants by their security settings (scaikey-api.md, "Extensions"): the list's filters and the
 * security summary. Both read the generated columns of migration 008 (a missing key counts as the
 * contract's default there), so a count of the summary and the rows of the matching filters agree.
 */

export type TenantSecuritySummary = components['schemas']['TenantSecuritySummary'];
type Band = components['schemas']['CountBand'];

export interface SecurityFilters {
  mfa_required?: boolean;
  password_min_length_lt?: number;
  password_min_length_gt?: number;
  session_timeout_lt?: number;
  session_timeout_gt?: number;
  /** Tenants that allow this MFA method. */
  mfa_method?: keyof typeof MFA_METHOD_BITS;
  /** Passwords expire (a max_age_days) or not. */
  password_expires?: boolean;
}

/** The bit of each MFA method in tenants.security_mfa_methods (008_tenant_security.sql, 009). */
export const MFA_METHOD_BITS = { totp: 1, sms: 2, email: 4, webauthn: 8 } as const;

/**
 * The summary's bands, inclusive bounds (null: open). They cover every integer once, and each is
 * a list filter exactly: `min` → `_gt=min-1`, `max` → `_lt=max+1`.
 */
export const MIN_LENGTH_BANDS: readonly (readonly [number | null, number | null])[] = [
  [null, 9],
  [10, 11],
  [12, 14],
  [15, null],
];
export const SESSION_TIMEOUT_BANDS: readonly (readonly [number | null, number | null])[] = [
  [null, 15],
  [16, 60],
  [61, 480],
  [481, null],
];

/** AND-ed conditions for the security filters asked for. */
export function securityConditions(f: SecurityFilters, params: Params): string[] {
  const where: string[] = [];
  if (f.mfa_required !== undefined) where.push(`security_mfa_required = ${params.add(f.mfa_required)}`);
  if (f.password_min_length_lt !== undefined) where.push(`security_min_length < ${params.add(f.password_min_length_lt)}`);
  if (f.password_min_length_gt !== undefined) where.push(`security_min_length > ${params.add(f.password_min_length_gt)}`);
  if (f.session_timeout_lt !== undefined) where.push(`security_session_timeout < ${params.add(f.session_timeout_lt)}`);
  if (f.session_timeout_gt !== undefined) where.push(`security_session_timeout > ${params.add(f.session_timeout_gt)}`);
  if (f.mfa_method !== undefined) where.push(`security_mfa_methods & ${MFA_METHOD_BITS[f.mfa_method]} <> 0`);
  if (f.password_expires !== undefined) where.push(`security_password_expires = ${params.add(f.password_expires)}`);
  return where;
}

/** `column` within a band, written as the filters would (integers only: the bands are constants). */
function inBand(column: string, [min, max]: readonly [number | null, number | null]): string {
  const parts = [min === null ? null : `${column} > ${min - 1}`, max === null ? null : `${column} < ${max + 1}`].filter(Boolean);
  return parts.length ? parts.join(' AND ') : 'true';
}

const bandColumns = (prefix: string, column: string, bands: typeof MIN_LENGTH_BANDS) =>
  bands.map((band, i) => `count(*) FILTER (WHERE ${inBand(column, band)}) AS ${prefix}_${i}`);

/** The SQL of the summary (exported so a test can EXPLAIN it): one pass over tenants_security. */
export const SUMMARY_SQL = `SELECT count(*) AS total,
  count(*) FILTER (WHERE security_mfa_required) AS mfa_required,
  ${Object.entries(MFA_METHOD_BITS)
    .map(([method, bit]) => `count(*) FILTER (WHERE security_mfa_methods & ${bit} <> 0) AS method_${method}`)
    .join(',\n  ')},
  ${bandColumns('min_length', 'security_min_length', MIN_LENGTH_BANDS).join(',\n  ')},
  ${bandColumns('session_timeout', 'security_session_timeout', SESSION_TIMEOUT_BANDS).join(',\n  ')},
  count(*) FILTER (WHERE security_password_expires) AS password_expires
FROM tenants WHERE deleted_at IS NULL`;

/** Counts over every live tenant. */
export async function securitySummary(db: Db): Promise<TenantSecuritySummary> {
  const [row = {}] = await db.query<Record<string, number | string>>(SUMMARY_SQL);
  const n = (key: string) => Number(row[key] ?? 0);
  const bands = (prefix: string, list: typeof MIN_LENGTH_BANDS): Band[] =>
    list.map(([min, max], i) => ({ min, max, count: n(`${prefix}_${i}`) }));
  const total = n('total');
  return {
    total,
    mfa: {
      required: n('mfa_required'),
      not_required: total - n('mfa_required'),
      methods: {
        totp: n('method_totp'),
        sms: n('method_sms'),
        email: n('method_email'),
        webauthn: n('method_webauthn'),
      },
    },
    password_min_length: bands('min_length', MIN_LENGTH_BANDS),
    session_timeout: bands('session_timeout', SESSION_TIMEOUT_BANDS),
    password_expiry: { on: n('password_expires'), off: total - n('password_expires') },
  };
}
