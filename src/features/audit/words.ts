/**
 * An audit entry in plain words: the action as a sentence about its resource ("changed the
 * security settings of Acme Corporation"), and each changed field as "Label: before → after"
 * ("Session timeout: 8 hours → 1 hour"). Security settings are named and their values put as the
 * contract says (src/lib/api/settings-rules.ts, generated from x-label/x-unit/x-labels); other
 * known fields from the table below; anything else as its path made readable, with the raw values
 * as JSON, so a newer server's entries still read.
 */
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import { exactTime, exactTimeWithSeconds } from '@/utils/dates';
import { durationText, plural } from '@/utils/plain-words';
import type { AuditEvent } from './api/queries';

/** The action around its resource: `lead` + resource + `tail`; the resource may be drawn as a link. */
export interface ActionPhrase {
  lead: string;
  /** The resource's name at that moment (or its id); null when the sentence names none. */
  resource: string | null;
  tail: string;
}

interface ActionWords {
  /** What was done: "created the tenant". */
  done: string;
  /** What was tried, for a refused attempt: "create the tenant". */
  tried: string;
  /** The filter's option: "Tenant created". */
  label: string;
  tail?: string;
  /** The sentence names no resource ("signed in"). */
  bare?: boolean;
}

const ACTIONS: Record<string, ActionWords> = {
  'tenant.created': { done: 'created the tenant', tried: 'create the tenant', label: 'Tenant created' },
  'tenant.updated': { done: 'changed the tenant', tried: 'change the tenant', label: 'Tenant changed' },
  'tenant.settings_updated': {
    done: 'changed the security settings of',
    tried: 'change the security settings of',
    label: 'Tenant security settings changed',
  },
  'tenant.deleted': { done: 'deleted the tenant', tried: 'delete the tenant', label: 'Tenant deleted' },
  'admin_role.assigned': { done: 'assigned', tried: 'assign', label: 'Role assigned' },
  'admin_role.updated': { done: 'changed', tried: 'change', label: 'Role assignment changed' },
  'admin_role.revoked': { done: 'revoked', tried: 'revoke', label: 'Role revoked' },
  'user.removed_as_orphan': {
    done: 'removed the user',
    tried: 'remove the user',
    label: 'User removed (no admin roles left)',
    tail: ' (no admin roles left)',
  },
  'admin_account.created': { done: 'created the admin account', tried: 'create the admin account', label: 'Admin account created' },
  'admin_account.deleted': { done: 'deleted the admin account', tried: 'delete the admin account', label: 'Admin account deleted' },
  'auth.sign_in_succeeded': { done: 'signed in', tried: 'sign in', label: 'Signed in', bare: true },
  'auth.sign_in_failed': { done: 'failed to sign in as', tried: 'sign in as', label: 'Sign-in failed' },
  'auth.signed_out': { done: 'signed out', tried: 'sign out', label: 'Signed out', bare: true },
};

/** Actions after which the resource is gone: no link to it. */
export const REMOVING_ACTIONS: ReadonlySet<string> = new Set([
  'tenant.deleted',
  'admin_role.revoked',
  'user.removed_as_orphan',
  'admin_account.deleted',
]);

/** "foo.bar_baz" → "foo: bar baz": an action this console does not know, readable. */
export function humanizeAction(action: string): string {
  const [head, ...rest] = action.split('.');
  const words = (s: string) => s.replace(/[_-]+/g, ' ').trim();
  return rest.length > 0 ? `${words(head ?? '')}: ${words(rest.join('.'))}` : words(action);
}

/** The Action filter's option for an action: "Tenant created". */
export function actionLabel(action: string): string {
  const label = ACTIONS[action]?.label ?? humanizeAction(action);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const RESOURCE_TYPES: Record<string, string> = {
  tenant: 'Tenant',
  admin_role: 'Role assignment',
  user: 'User',
  admin_account: 'Admin account',
  session: 'Session',
};

/** "admin_role" → "Role assignment"; an unknown type made readable. */
export function resourceTypeLabel(type: string): string {
  const known = RESOURCE_TYPES[type];
  if (known) return known;
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type PhraseInput = Pick<AuditEvent, 'action' | 'resource_name' | 'resource_id' | 'result' | 'actor_email'>;

/** The resource as the entry names it: its name at that moment, else its id. */
export function resourceText(event: Pick<AuditEvent, 'resource_name' | 'resource_id'>): string | null {
  return event.resource_name || event.resource_id || null;
}

/**
 * The action as a sentence about its resource, without the actor: "changed the security settings
 * of " + "Acme Corporation". A refused attempt reads "tried to …" (a failed sign-in says so itself).
 */
export function actionPhrase(event: PhraseInput): ActionPhrase {
  const words = ACTIONS[event.action];
  const resource = resourceText(event) ?? (event.action === 'auth.sign_in_failed' ? event.actor_email : null);
  if (!words) return { lead: `${humanizeAction(event.action)}${resource ? ' (' : ''}`, resource, tail: resource ? ')' : '' };
  const failed = event.result === 'failure' && event.action !== 'auth.sign_in_failed';
  const verb = failed ? `tried to ${words.tried}` : words.done;
  if (words.bare || !resource) return { lead: verb, resource: null, tail: '' };
  return { lead: `${verb} `, resource, tail: words.tail ?? '' };
}

/** The action as one line of text (for the CSV and for titles). */
export function actionText(event: PhraseInput): string {
  const { lead, resource, tail } = actionPhrase(event);
  return `${lead}${resource ?? ''}${tail}`;
}

/**
 * The accessible name of an entry's "Details" link, distinct for each row of a list: "Details of
 * created the tenant Acme Corporation, Dec 1, 2026, 09:30:05 GMT+1".
 */
export function entryLinkLabel(event: PhraseInput & Pick<AuditEvent, 'occurred_at'>): string {
  return `Details of ${actionText(event)}, ${exactTimeWithSeconds(event.occurred_at)}`;
}

// --- Changed fields ---------------------------------------------------------------------------

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

const idOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Every changed field as label, before and after in plain words; null values read "—". A field
 * holding a partner's, tenant's or user's id says so (`refers`), for the screen to put its name.
 */
export function changeRows(changes: AuditEvent['changes']): ChangeRow[] {
  if (!changes) return [];
  return Object.entries(changes).map(([path, change]) => {
    const rule = settingRule(path);
    const known = FIELDS[path];
    const field = rule?.label ?? known?.label ?? humanizePath(path);
    const say = (value: unknown) => {
      if (value === null || value === undefined) return EMPTY;
      if (rule) return settingValue(rule, value);
      return known?.value ? known.value(value) : json(value);
    };
    const row: ChangeRow = { path, field, before: say(change?.before), after: say(change?.after) };
    if (!rule && known?.refers) row.refers = { kind: known.refers, before: idOrNull(change?.before), after: idOrNull(change?.after) };
    return row;
  });
}

/**
 * "Minimum password length: 8 → 12; Session timeout: 8 hours → 1 hour" (creations included), as
 * text (the CSV): records by id. On screen, audit-bits' ChangesSummary names them.
 */
export function changesSummary(changes: AuditEvent['changes']): string {
  return changeRows(changes)
    .map((row) => `${row.field}: ${row.before} → ${row.after}`)
    .join('; ');
}
