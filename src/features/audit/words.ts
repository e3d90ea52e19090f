/**
 * An audit entry in plain words: the action as a sentence about its resource ("changed the
 * security settings of Acme Corporation"), and each changed field as "Label: before → after"
 * ("Session timeout: 8 hours → 1 hour"). The field wording lives in src/utils/change-words.ts,
 * shared with the tenant page's review of a save.
 */
import { changeRows, changeText } from '@/utils/change-words';
import { exactTimeWithSeconds } from '@/utils/dates';
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

export { changeRows, humanizePath, type ChangeRow, type RecordKind } from '@/utils/change-words';

/**
 * "Minimum password length: 8 → 12; Session timeout: 8 hours → 1 hour" (creations included), as
 * text (the CSV): records by id. On screen, audit-bits' ChangesSummary names them.
 */
export function changesSummary(changes: AuditEvent['changes']): string {
  return changeRows(changes).map(changeText).join('; ');
}
