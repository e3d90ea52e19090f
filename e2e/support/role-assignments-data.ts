import type { components } from '../../src/lib/api/schema';
import type { AdminApi } from './api';

export type Assignment = components['schemas']['AdminRoleAssignment'];
export type User = components['schemas']['User'];
export type AssignBody = components['schemas']['AdminRoleAssignmentCreate'];

/** The name the console shows for a user (display name, else first + last, else email). */
export function displayName(user: Pick<User, 'display_name' | 'first_name' | 'last_name' | 'email'>): string {
  const display = user.display_name?.trim();
  if (display) return display;
  const full = [user.first_name, user.last_name].filter((part) => part && part.trim()).join(' ').trim();
  return full || user.email;
}

function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (!result.response.ok) throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export async function rolesOf(api: AdminApi, userId: string): Promise<Assignment[]> {
  const result = await api.GET('/api/v1/admin/admin-roles/user/{user_id}', { params: { path: { user_id: userId } } });
  if (result.response.status === 404) return [];
  return ok(result, `roles of ${userId}`) as Assignment[];
}

export async function getUser(api: AdminApi, userId: string): Promise<User | null> {
  const result = await api.GET('/api/v1/admin/users/{user_id}', { params: { path: { user_id: userId } } });
  if (result.response.status === 404) return null;
  return ok(result, `user ${userId}`);
}

export async function tenantName(api: AdminApi, tenantId: string): Promise<string> {
  return ok(await api.GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } } }), 'tenant').name;
}

export async function partnerName(api: AdminApi, partnerId: string): Promise<string> {
  return ok(await api.GET('/api/v1/admin/partners/{partner_id}', { params: { path: { partner_id: partnerId } } }), 'partner').name;
}

/** A string's bucket out of `n`, the same in every process. */
function bucket(text: string, n: number): number {
  return [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0) % n;
}

/**
 * Workers running at the same time have distinct parallel indexes (Playwright's
 * TEST_PARALLEL_INDEX, 0 to workers - 1), so each draws its users from a lane of its own.
 */
const LANES = 16;
const ownLane = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % LANES;

/**
 * A random ACTIVE user who holds no admin role, with a tenant and a unique email: a fresh subject
 * per test, so parallel tests and repeated runs never touch each other's users.
 *
 * "Holds no admin role" alone does not keep two tests apart: one that assigns through the console
 * leaves its user without a role for seconds (one that expects a refusal, for all of its run), and
 * another worker could pick the same user meanwhile (about 1 in 2,300 for each such pair, a few
 * tenths of a percent a run). So each worker also keeps to its own lane of users (by id).
 */
export async function freeUser(api: AdminApi): Promise<User & { tenant_id: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const page = 2 + Math.floor(Math.random() * 25);
    const list = ok(await api.GET('/api/v1/admin/users/', { params: { query: { page, per_page: 100, status: 'ACTIVE' } } }), 'users');
    const candidates = list.items.filter(
      (u) => u.tenant_id && u.first_name && u.last_name && u.display_name && bucket(u.id, LANES) === ownLane,
    );
    const user = candidates[Math.floor(Math.random() * candidates.length)];
    if (!user?.tenant_id) continue;
    if ((await rolesOf(api, user.id)).length > 0) continue;
    // The same name elsewhere would make "the row of Ana Lima" ambiguous.
    const sameName = ok(await api.GET('/api/v1/admin/users/', { params: { query: { search: user.email, per_page: 5 } } }), 'users');
    if (sameName.items.length !== 1) continue;
    return user as User & { tenant_id: string };
  }
  throw new Error('No free user found in the seed');
}

/** 0 or 1, the same for every account of one email: which half of the duplicate-email groups it is in. */
function emailHalf(email: string): 0 | 1 {
  return bucket(email, 2) as 0 | 1;
}

/**
 * A never-signed-in user whose email is shared by accounts in other tenants and whose only admin
 * role is the one returned: revoking it with cleanup removes the user.
 *
 * `half`: each test that revokes one takes its own half of the duplicate-email groups (the seed
 * has 18 candidates in half 0, 13 in half 1). They run in parallel, and drawing from the same
 * ~31 they picked the same user about once in 30 runs: the first revoke made the other's
 * assignment, or its user, disappear under it.
 */
export async function orphanCandidate(api: AdminApi, half: 0 | 1): Promise<{ user: User; assignment: Assignment }> {
  const list = ok(await api.GET('/api/v1/admin/admin-roles/', { params: { query: { role: 'TENANT_ADMIN', per_page: 100, page: 1 } } }), 'roles');
  const all: Assignment[] = [...list.items];
  for (let page = 2; page <= (list.pages ?? 1); page++) {
    all.push(...ok(await api.GET('/api/v1/admin/admin-roles/', { params: { query: { role: 'TENANT_ADMIN', per_page: 100, page } } }), 'roles').items);
  }
  const shuffled = all.filter((a) => a.is_active && !a.expires_at).sort(() => Math.random() - 0.5);
  for (const assignment of shuffled) {
    const user = await getUser(api, assignment.user_id);
    if (!user || user.last_login_at !== null || emailHalf(user.email) !== half) continue;
    const twins = ok(await api.GET('/api/v1/admin/users/', { params: { query: { search: user.email, per_page: 10 } } }), 'users');
    if (twins.items.filter((u) => u.email === user.email).length < 2) continue;
    if ((await rolesOf(api, user.id)).length !== 1) continue;
    return { user, assignment };
  }
  throw new Error(`No orphan-cleanup candidate left in half ${half} of the seed`);
}

/** Creates assignments through the API and revokes (without removing users) whatever is left at the end. */
export class AssignmentSeeder {
  private readonly created: string[] = [];

  constructor(private readonly api: AdminApi) {}

  async assign(body: AssignBody, options: { isActive?: boolean } = {}): Promise<Assignment> {
    const created = ok(await this.api.POST('/api/v1/admin/admin-roles/', { body }), 'assign');
    this.created.push(created.id);
    if (options.isActive === false) {
      return ok(
        await this.api.PATCH('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: created.id } }, body: { is_active: false } }),
        'deactivate',
      );
    }
    return created;
  }

  /** Assignments made in the UI are cleaned up too. */
  track(assignmentId: string): void {
    this.created.push(assignmentId);
  }

  /** Leave what was made in place (e.g. a role given back to a seeded user). */
  untrackAll(): void {
    this.created.length = 0;
  }

  async cleanup(): Promise<void> {
    for (const id of this.created.splice(0)) {
      await this.api.DELETE('/api/v1/admin/admin-roles/{role_id}', {
        params: { path: { role_id: id }, query: { cleanup_orphaned_user: false } },
      });
    }
  }
}

export async function getAssignment(api: AdminApi, id: string): Promise<Assignment | null> {
  const result = await api.GET('/api/v1/admin/admin-roles/{role_id}', { params: { path: { role_id: id } } });
  if (result.response.status === 404) return null;
  return ok(result, 'assignment');
}
