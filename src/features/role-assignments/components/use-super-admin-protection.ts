import { useQuery } from '@tanstack/react-query';
import { roleAssignmentQueries, type RoleAssignment } from '../api/queries';
import { superAdminProtection, type OtherSuperAdmins, type SuperAdminProtection } from '../schemas';

/**
 * What the console may offer on one assignment, by the API's Super Admin rules. For a Super Admin
 * assignment that is not the admin's own, the other Super Admins in force are counted first; until
 * they are (or when the server ignored the filters, or could not answer) only the own-role rule
 * applies and the API's 400 remains the last word, shown where the action was tried.
 */
export function useSuperAdminProtection(assignment: RoleAssignment, currentAdminId: string | undefined): SuperAdminProtection {
  const needsCount = assignment.role === 'SUPER_ADMIN' && assignment.user_id !== currentAdminId;
  const superAdmins = useQuery({ ...roleAssignmentQueries.superAdmins(), enabled: needsCount });
  return superAdminProtection(assignment, currentAdminId, needsCount ? countOthers(superAdmins.data, assignment.id) : undefined);
}

function countOthers(page: { items: RoleAssignment[]; total: number | null } | undefined, exceptId: string): OtherSuperAdmins | undefined {
  if (!page) return undefined;
  // A server that ignored role/is_active answers other rows: then the count means nothing.
  if (page.items.some((a) => a.role !== 'SUPER_ADMIN' || !a.is_active)) return undefined;
  // More than one page of them: certainly not the last one.
  if (page.total !== null && page.total > page.items.length) return { inForce: page.total, withoutExpiry: page.total };
  const now = Date.now();
  const others = page.items.filter((a) => a.id !== exceptId && (a.expires_at === null || Date.parse(a.expires_at) > now));
  return { inForce: others.length, withoutExpiry: others.filter((a) => a.expires_at === null).length };
}
