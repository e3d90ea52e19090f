import type { RoleAssignment } from '../api/queries';

/** What the bulk buttons and their dialogs share (issue 17). */

export const ASSIGNMENT_NOUN = { one: 'role assignment', many: 'role assignments' };

export const BULK_VERBS = { deactivate: 'Deactivate', activate: 'Activate', extend: 'Extend', revoke: 'Revoke' } as const;

export type BulkAction = keyof typeof BULK_VERBS;

/** A selected row: the assignment as last seen, or null when no list holds it any more. */
export interface BulkItem {
  id: string;
  assignment: RoleAssignment | null;
}
