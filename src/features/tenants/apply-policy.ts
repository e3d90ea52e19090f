/**
 * Applying a security policy to many tenants (issue 18): a preset (every setting it sets: MFA,
 * methods, password policy, session timeout) or another tenant's password policy (only
 * `password_policy`). For each tenant the run reads it afresh, lays the policy onto what it read
 * (its other settings and unknown keys kept: the API replaces `settings` whole) and saves with
 * If-Match; a tenant that already has exactly the policy is skipped without a write.
 *
 * Pure: no React and no network (the reads and writes are passed in), so the merge, the skip and
 * the retry after a 412 are unit-tested on their own (apply-policy.test.ts).
 */
import { isApiError } from '@/lib/api-error';
import { changeRows, fieldWording, type ChangeRow } from '@/utils/change-words';
import { applyPreset, presetValues, type SecurityPreset } from './security-presets';
import { fromSettings, MFA_METHODS, type SettingsFormValues, type TenantSettings } from './settings';

export type PasswordPolicyValues = SettingsFormValues['password_policy'];

/** What is applied: a preset, or the password policy of another tenant (read when it was chosen). */
export type PolicyChoice =
  | { kind: 'preset'; preset: SecurityPreset }
  | { kind: 'password-policy'; source: { id: string; name: string }; policy: PasswordPolicyValues };

/** Why a tenant is skipped: nothing would change. */
export const ALREADY_MEETS = 'already meets it';

/** Why a tenant failed after its second 412 in a row. */
export const CHANGED_MEANWHILE =
  'The tenant was changed by someone else while the policy was applied, twice in a row; nothing was saved. Retry applies it to their newest version.';

const PREFIX = 'settings';

type AnySettings = TenantSettings | Record<string, unknown> | null | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "PCI DSS v4.0", "the password policy of Acme". */
export function choiceName(choice: PolicyChoice): string {
  return choice.kind === 'preset' ? choice.preset.name : `the password policy of ${choice.source.name}`;
}

/** The password policy of a tenant's settings, every rule filled (a missing one is the contract's default). */
export function passwordPolicyOf(settings: AnySettings): PasswordPolicyValues {
  return fromSettings(settings).password_policy as PasswordPolicyValues;
}

/**
 * The settings the choice sets, as [dotted path, value] ("settings.password_policy.min_length").
 * Written out rather than through three-way.ts's flatten, so this run's chunk shares no module
 * with the tenant page's that the page does not already load apart.
 */
export function choiceFields(choice: PolicyChoice): [string, unknown][] {
  const values: Record<string, unknown> = choice.kind === 'preset' ? presetValues(choice.preset) : { password_policy: choice.policy };
  return Object.entries(values).flatMap(([key, value]): [string, unknown][] =>
    isRecord(value) ? Object.entries(value).map(([rule, v]): [string, unknown] => [`${PREFIX}.${key}.${rule}`, v]) : [[`${PREFIX}.${key}`, value]],
  );
}

/** The value at a dotted path of the settings ("settings.password_policy.min_length"), undefined when absent. */
function valueAt(settings: AnySettings, path: string): unknown {
  let node: unknown = settings;
  for (const key of path.split('.').slice(1)) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/** A setting's two values are the same: lists item by item, a missing value as null. */
function sameSetting(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  return (a ?? null) === (b ?? null);
}

/**
 * Each setting the choice sets, in words: { field: 'Minimum password length', value: '12' }. The
 * one setting a choice can set to null, the password's expiry, reads "Never".
 */
export function choiceWords(choice: PolicyChoice): { field: string; value: string }[] {
  return choiceFields(choice).map(([path, value]) => {
    const { field, say } = fieldWording(path);
    return { field, value: value === null ? 'Never' : say(value) };
  });
}

/** MFA methods this console knows, in its fixed order (unknown ones are kept by the merge, not compared). */
const knownMethods = (value: unknown): unknown[] => (Array.isArray(value) ? MFA_METHODS.filter((m) => value.includes(m)) : []);

/**
 * Every setting the choice would change on a tenant with these settings, before → after in the
 * audit log's words; empty when it already has exactly the policy. Compared with what the server
 * holds, not with defaults: a setting it lacks counts as a change (it gets written). MFA methods
 * compare as a set of the methods this console knows.
 */
export function policyChanges(settings: AnySettings, choice: PolicyChoice): ChangeRow[] {
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const [path, after] of choiceFields(choice)) {
    const raw = valueAt(settings, path);
    const before = path === `${PREFIX}.mfa_methods` && Array.isArray(raw) ? knownMethods(raw) : raw;
    if (!sameSetting(before, after)) changed[path] = { before, after };
  }
  return changeRows(changed);
}

/**
 * The tenant's whole settings with the choice laid on top, for the PATCH: a preset sets all its
 * settings (applyPreset), a password policy only `password_policy`; every other key, and unknown
 * keys inside `password_policy`, stay as they were.
 */
export function appliedSettings(settings: AnySettings, choice: PolicyChoice): TenantSettings {
  if (choice.kind === 'preset') return applyPreset(settings, choice.preset);
  const base: Record<string, unknown> = isRecord(settings) ? settings : {};
  const policy: Record<string, unknown> = isRecord(base.password_policy) ? base.password_policy : {};
  return { ...base, password_policy: { ...policy, ...choice.policy } } as TenantSettings;
}

/** How the run reads and writes one tenant. */
export interface ApplyIo {
  /** The tenant's settings now, and its ETag (null if the server gives none). */
  read: (tenantId: string) => Promise<{ settings: unknown; etag: string | null }>;
  /** The PATCH of the whole settings, with If-Match when `etag` is given; rejects with the ApiError. */
  write: (tenantId: string, settings: TenantSettings, etag: string | null) => Promise<unknown>;
}

/**
 * Applies the choice to one tenant: read, skip when nothing would change, else write with
 * If-Match. A 412 (someone saved the tenant between the read and the write) is tried once more
 * from a fresh read, so their change is kept and the policy still applied; a second 412 rejects
 * with CHANGED_MEANWHILE. Any other failure rejects with the server's error.
 */
export async function applyToTenant(tenantId: string, choice: PolicyChoice, io: ApplyIo): Promise<'applied' | 'unchanged'> {
  for (let attempt = 0; ; attempt += 1) {
    const { settings, etag } = await io.read(tenantId);
    if (policyChanges(settings as AnySettings, choice).length === 0) return 'unchanged';
    try {
      await io.write(tenantId, appliedSettings(settings as AnySettings, choice), etag);
      return 'applied';
    } catch (error) {
      if (!(isApiError(error) && error.status === 412)) throw error;
      if (attempt >= 1) throw new Error(CHANGED_MEANWHILE);
    }
  }
}
