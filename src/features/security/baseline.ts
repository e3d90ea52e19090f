/**
 * A baseline (a security preset, features/tenants/security-presets.ts, handed in by the route) as
 * the rules the tenants list can filter on, and how many tenants break at least one of them.
 */
import type { SecurityFilters } from '@/lib/api/tenant-security-filters';

/** What the overview reads of a preset (SecurityPreset satisfies it). */
export interface Baseline {
  id: string;
  name: string;
  source: { title: string; url: string };
  rules: readonly string[];
  settings: { mfa_required: boolean; password_policy: { min_length: number | null }; session_timeout: number | null };
}

/** A rule of the baseline the list can select the offenders of. */
export interface Criterion {
  id: 'mfa' | 'length' | 'timeout';
  label: string;
  filters: SecurityFilters;
}

export function criteriaOf(baseline: Baseline): Criterion[] {
  const out: Criterion[] = [];
  const { mfa_required, password_policy, session_timeout } = baseline.settings;
  if (mfa_required) out.push({ id: 'mfa', label: 'MFA not required', filters: { mfa_required: 'false' } });
  const minLength = password_policy.min_length;
  if (minLength !== null) out.push({ id: 'length', label: `Minimum password length below ${minLength}`, filters: { password_min_length_lt: minLength } });
  if (session_timeout !== null) {
    out.push({ id: 'timeout', label: `Session timeout above ${session_timeout} minutes`, filters: { session_timeout_gt: session_timeout } });
  }
  return out;
}

/**
 * Every non-empty combination of the criteria, its filters AND-ed, and its sign in the
 * inclusion–exclusion sum: |A ∪ B ∪ C| = |A|+|B|+|C| − |A∩B| − |A∩C| − |B∩C| + |A∩B∩C|. The
 * filters of different criteria never share a key, so AND-ing is merging.
 */
export function intersections(criteria: readonly Criterion[]): { filters: SecurityFilters; sign: 1 | -1 }[] {
  const out: { filters: SecurityFilters; sign: 1 | -1 }[] = [];
  for (let mask = 1; mask < 1 << criteria.length; mask++) {
    const chosen = criteria.filter((_, i) => mask & (1 << i));
    out.push({ filters: Object.assign({}, ...chosen.map((c) => c.filters)) as SecurityFilters, sign: chosen.length % 2 === 1 ? 1 : -1 });
  }
  return out;
}
