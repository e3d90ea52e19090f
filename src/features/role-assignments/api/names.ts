import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import {
  partnerLookups,
  tenantLookups,
  userLookups,
  type PartnerRecord,
  type TenantRecord,
  type UserRecord,
} from '@/lib/lookups/queries';
import { toResolved, type Resolved } from '@/lib/lookups/resolve';
import type { RoleAssignment } from './queries';

export interface NameOptions {
  /** Also look up who granted each assignment. */
  includeGrantedBy?: boolean;
  /** Users to look up whatever the assignments say (e.g. the user a page is about). */
  userIds?: readonly string[];
}

export interface ReferencedIds {
  users: string[];
  partners: string[];
  tenants: string[];
}

/**
 * Every user, partner and tenant a set of assignments names, each id once (in first-seen order).
 * `granted_by` is a user id too and is included when asked for.
 */
export function collectReferencedIds(
  assignments: readonly Pick<RoleAssignment, 'user_id' | 'partner_id' | 'tenant_id' | 'granted_by'>[],
  { includeGrantedBy = false, userIds = [] }: NameOptions = {},
): ReferencedIds {
  const users = new Set<string>(userIds);
  const partners = new Set<string>();
  const tenants = new Set<string>();
  for (const a of assignments) {
    users.add(a.user_id);
    if (includeGrantedBy && a.granted_by) users.add(a.granted_by);
    if (a.partner_id) partners.add(a.partner_id);
    if (a.tenant_id) tenants.add(a.tenant_id);
  }
  return { users: [...users], partners: [...partners], tenants: [...tenants] };
}

export type { Resolved } from '@/lib/lookups/resolve';

export interface AssignmentNames {
  user: (id: string) => Resolved<UserRecord>;
  partner: (id: string) => Resolved<PartnerRecord>;
  tenant: (id: string) => Resolved<TenantRecord>;
}

function byId<T>(ids: string[], results: UseQueryResult<T>[]): (id: string) => Resolved<T> {
  const index = new Map(ids.map((id, i) => [id, i]));
  return (id) => {
    const i = index.get(id);
    return toResolved(i === undefined ? undefined : results[i]);
  };
}

/**
 * The names behind the ids of a page of assignments: every distinct user, partner and tenant is
 * fetched once, all at the same time, from the shared lookup cache that pickers and other screens
 * fill too. The ids of one kind asked for together go out as one `?ids=` request (lib/lookups/batch.ts).
 */
export function useAssignmentNames(
  assignments: readonly RoleAssignment[],
  options: NameOptions = {},
): AssignmentNames {
  const ids = collectReferencedIds(assignments, options);
  const users = useQueries({ queries: ids.users.map((id) => userLookups.detail(id)) });
  const partners = useQueries({ queries: ids.partners.map((id) => partnerLookups.detail(id)) });
  const tenants = useQueries({ queries: ids.tenants.map((id) => tenantLookups.detail(id)) });
  return {
    user: byId(ids.users, users),
    partner: byId(ids.partners, partners),
    tenant: byId(ids.tenants, tenants),
  };
}
