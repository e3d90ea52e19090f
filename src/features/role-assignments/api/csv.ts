/**
 * The rows of the role assignments CSV (issue 17), loaded with the export dialog: each page of the
 * list's filters (100 rows) with the names behind its ids, looked up through the shared lookups
 * (lib/lookups): the ids of one kind asked for together go out as one `?ids=` request, and names
 * already cached cost nothing. A Tenant Admin's partner is its tenant's partner.
 */
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { partnerLookups, tenantLookups, userDisplayName, userLookups, type Lookup } from '@/lib/lookups/queries';
import { resolvedName, type Resolved } from '@/lib/lookups/resolve';
import type { ListFilters } from '../list-filters';
import { assignmentStatus, roleLabel, STATUS_LABELS } from '../schemas';
import { assignmentPages } from './bulk';
import type { RoleAssignment } from './queries';

export interface AssignmentCsvRow {
  user: string;
  email: string;
  role: string;
  tenant: string;
  partner: string;
  status: string;
  expires: string;
  created: string;
}

/**
 * Every id's record, or why there is none: a missing record (404) is named as deleted; any other
 * failure fails the page (the export offers Retry) rather than writing "name unavailable" to a file.
 */
async function lookUp<T extends { id: string }>(queryClient: QueryClient, lookup: Lookup<T>, ids: Iterable<string>): Promise<Map<string, Resolved<T>>> {
  const unique = [...new Set(ids)];
  // Asked for in one tick: one request per kind (the batcher).
  const answers = await Promise.all(
    unique.map((id) =>
      queryClient.fetchQuery(lookup.detail(id)).then(
        (record): Resolved<T> => ({ state: 'found', record }),
        (error: unknown): Resolved<T> => {
          if (error instanceof ApiError && error.isNotFound) return { state: 'missing' };
          throw error;
        },
      ),
    ),
  );
  return new Map(unique.map((id, i) => [id, answers[i] as Resolved<T>]));
}

/** One page of assignments as CSV rows, with names. */
export async function namedRows(queryClient: QueryClient, assignments: readonly RoleAssignment[], now = new Date()): Promise<AssignmentCsvRow[]> {
  const [users, tenants] = await Promise.all([
    lookUp(queryClient, userLookups, assignments.map((a) => a.user_id)),
    lookUp(queryClient, tenantLookups, assignments.flatMap((a) => (a.tenant_id ? [a.tenant_id] : []))),
  ]);
  const partnerOf = (a: RoleAssignment): string | null => {
    if (a.partner_id) return a.partner_id;
    const tenant = a.tenant_id ? tenants.get(a.tenant_id) : undefined;
    return tenant?.state === 'found' ? (tenant.record.partner_id ?? null) : null;
  };
  const partners = await lookUp(queryClient, partnerLookups, assignments.flatMap((a) => partnerOf(a) ?? []));
  return assignments.map((a) => {
    const user = users.get(a.user_id) ?? { state: 'loading' };
    const partnerId = partnerOf(a);
    return {
      user: resolvedName(user, userDisplayName, a.user_id, 'user'),
      email: user.state === 'found' ? user.record.email : '',
      role: roleLabel(a.role),
      tenant: a.tenant_id ? resolvedName(tenants.get(a.tenant_id) ?? { state: 'loading' }, (t) => t.name, a.tenant_id, 'tenant') : '',
      partner: partnerId ? resolvedName(partners.get(partnerId) ?? { state: 'loading' }, (p) => p.name, partnerId, 'partner') : '',
      status: STATUS_LABELS[assignmentStatus(a, now)],
      expires: a.expires_at ?? '',
      created: a.created_at,
    };
  });
}

/** CsvExportButton's fetchPage for the list's filters: each page of rows, named. */
export function assignmentCsvPages(queryClient: QueryClient, filters: ListFilters) {
  const pages = assignmentPages(filters);
  return async (page: number, perPage: number, signal: AbortSignal): Promise<{ items: AssignmentCsvRow[]; total: number | null }> => {
    const answer = await pages(page, perPage, signal);
    return { items: await namedRows(queryClient, answer.items), total: answer.total };
  };
}
