/**
 * A changed field in plain words: "Minimum password length: 8 → 12", "MFA methods: TOTP → TOTP,
 * WebAuthn", "Session timeout: 8 hours → 1 hour". One wording for the audit log (what changed)
 * and the tenant page (what a save will change, what someone else changed meanwhile).
 *
 * Security settings are named and their values put as the contract says
 * (src/lib/api/settings-rules.ts, generated from x-label/x-unit/x-labels); other known fields
 * from the table below; anything else as its path made readable, with the raw values as JSON, so
 * a newer server's entries still read. Paths are dotted: "settings.password_policy.min_length".
 */
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import { exactTime } from '@/utils/dates';
import { durationText, plural } from '@/utils/plain-words';

/** The kinds of record a field may hold the id of, shown by name on screen (lib/lookups). */
export type RecordKind = 'partner' | 'tenant' | 'user';

interface FieldWords {
  label: string;
  value?: (value: unknown) => string;
  /** The field holds the id of a record of this kind. */
  refers?: RecordKind;
}

/** Setting words as the generated rules carry them. */
interface SettingRule {
  label?: string;
  unit?: string;
  labels?: Record<string, string>;
}

const EMPTY = '—';
const yesNo = (value: unknown) => (value === true ? 'Yes' : value === false ? 'No' : json(value));
const json = (value: unknown) => JSON.stringify(value) ?? String(value);
const firstUpper = (value: unknown) => (typeof value === 'string' ? value.charAt(0).toUpperCase() + value.slice(1).toLowerCase() : json(value));
const titleWords = (value: unknown) =>
  typeof value === 'string' ? value.toLowerCase().split(/[_\s]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') : json(value);
const plainText = (value: unknown) => (typeof value === 'string' ? value : json(value));

/** The fields of tenants, role assignments and admin accounts an entry may carry. */
const FIELDS: Record<string, FieldWords> = {
  name: { label: 'Name', value: plainText },
  slug: { label: 'Slug', value: plainText },
  status: { label: 'Status', value: firstUpper },
  contact_email: { label: 'Contact email', value: plainText },
  partner_id: { label: 'Partner', value: plainText, refers: 'partner' },
  tenant_id: { label: 'Tenant', value: plainText, refers: 'tenant' },
  user_id: { label: 'User', value: plainText, refers: 'user' },
  granted_by: { label: 'Granted by', value: plainText, refers: 'user' },
  role: { label: 'Role', value: titleWords },
  is_active: { label: 'Active', value: yesNo },
  expires_at: { label: 'Expires', value: (v) => (typeof v === 'string' ? exactTime(v) : json(v)) },
  password: { label: 'Password', value: firstUpper },
  email: { label: 'Email', value: plainText },
  first_name: { label: 'First name', value: plainText },
  last_name: { label: 'Last name', value: plainText },
  full_name: { label: 'Name', value: plainText },
};

/** The generated rule of a settings path ("settings.password_policy.min_length"), if it is a known setting. */
function settingRule(path: string): SettingRule | undefined {
  const [root, ...rest] = path.split('.');
  if (root !== 'settings' || rest.length === 0) return undefined;
  let node: unknown = SETTINGS_RULES;
  for (const key of rest) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  const rule = node as SettingRule | undefined;
  return rule && typeof rule.label === 'string' ? rule : undefined;
}

function settingValue(rule: SettingRule, value: unknown): string {
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') {
    if (rule.unit === 'minutes') return durationText(value);
    if (rule.unit === 'days') return plural(value, 'day');
    return value.toLocaleString('en-US');
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value.map((item) => (typeof item === 'string' ? (rule.labels?.[item] ?? item) : json(item))).join(', ');
  }
  return json(value);
}

/** "settings.ip_allowlist" → "Settings › ip allowlist". */
export function humanizePath(path: string): string {
  const text = path
    .split('.')
    .map((part) => part.replace(/[_-]+/g, ' ').trim())
    .join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How one field is named and its values said: `field` ("Minimum password length"), `say(12)` → "12"; null reads "—". */
export interface FieldWording {
  field: string;
  say: (value: unknown) => string;
  /** The field holds ids of records of this kind (a screen shows their names in their place). */
  refers?: RecordKind;
}

export function fieldWording(path: string): FieldWording {
  const rule = settingRule(path);
  const known = FIELDS[path];
  return {
    field: rule?.label ?? known?.label ?? humanizePath(path),
    say: (value) => {
      if (value === null || value === undefined) return EMPTY;
      if (rule) return settingValue(rule, value);
      return known?.value ? known.value(value) : json(value);
    },
    ...(!rule && known?.refers ? { refers: known.refers } : {}),
  };
}

/** One changed field in words. */
export interface ChangeRow {
  path: string;
  field: string;
  /** In words; a record's id as it is (a screen shows its name in its place: `refers`). */
  before: string;
  after: string;
  /** The values are ids of records of this kind: before and after, null for none. */
  refers?: { kind: RecordKind; before: string | null; after: string | null };
}

/** Changes keyed by dotted field path, as the audit log records them. */
export type Changes = Record<string, { before?: unknown; after?: unknown } | undefined>;

const idOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Every changed field as label, before and after in plain words; null values read "—". A field
 * holding a partner's, tenant's or user's id says so (`refers`), for the screen to put its name.
 */
export function changeRows(changes: Changes | null | undefined): ChangeRow[] {
  if (!changes) return [];
  return Object.entries(changes).map(([path, change]) => {
    const { field, say, refers } = fieldWording(path);
    const row: ChangeRow = { path, field, before: say(change?.before), after: say(change?.after) };
    if (refers) row.refers = { kind: refers, before: idOrNull(change?.before), after: idOrNull(change?.after) };
    return row;
  });
}

/** "Minimum password length: 8 → 12" */
export function changeText(row: Pick<ChangeRow, 'field' | 'before' | 'after'>): string {
  return `${row.field}: ${row.before} → ${row.after}`;
}
