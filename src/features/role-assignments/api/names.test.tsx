import { renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { answersIds, ignoresIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { collectReferencedIds, useAssignmentNames, type AssignmentNames } from './names';
import { anaTenantAdmin } from '../test-fixtures';
import type { RoleAssignment } from './queries';

const base = anaTenantAdmin;
const page: RoleAssignment[] = [
  base,
  { ...base, id: 'adr_2', tenant_id: 'tnt_globex' },
  { ...base, id: 'adr_3', user_id: 'usr_bo', role: 'PARTNER_ADMIN', tenant_id: null, partner_id: 'prt_nw' },
  { ...base, id: 'adr_4', user_id: 'usr_bo', role: 'SUPER_ADMIN', tenant_id: null, granted_by: 'usr_ana' },
  { ...base, id: 'adr_5', user_id: 'usr_cy', tenant_id: 'tnt_acme', granted_by: null },
];

describe('collectReferencedIds', () => {
  it('names every user, partner and tenant once', () => {
    expect(collectReferencedIds(page)).toEqual({
      users: ['usr_ana', 'usr_bo', 'usr_cy'],
      partners: ['prt_nw'],
      tenants: ['tnt_acme', 'tnt_globex'],
    });
  });

  it('adds the granters and extra users only when asked', () => {
    expect(collectReferencedIds(page, { includeGrantedBy: true }).users).toEqual(['usr_ana', 'usr_root', 'usr_bo', 'usr_cy']);
    expect(collectReferencedIds([], { userIds: ['usr_zed'] }).users).toEqual(['usr_zed']);
  });
});

function user(id: string, first: string) {
  return { id, email: `${first.toLowerCase()}@x.test`, first_name: first, last_name: 'Test', display_name: null, status: 'ACTIVE', tenant_id: null, last_login_at: null, created_at: base.created_at };
}

function renderNames(items: RoleAssignment[]) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(({ items }) => useAssignmentNames(items), { wrapper, initialProps: { items } });
}

/** Where each request went: the path, then the query when there is one. */
function logged(seen: string[], name: string) {
  return (request: Request) => {
    const url = new URL(request.url);
    seen.push(`${name}${url.search}`);
  };
}

describe('useAssignmentNames', () => {
  it('fetches the names of each kind in one request, all at the same time, and reports a deleted one as missing', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answer = (name: string, body: (request: Request) => Response) => async (request: Request) => {
      logged(started, name)(request);
      await gate; // nothing answers until every request has been made
      return body(request);
    };
    mockFetch({
      'GET /api/v1/admin/users/': answer('users', answersIds([user('usr_ana', 'Ana'), user('usr_bo', 'Bo')])),
      'GET /api/v1/admin/partners/prt_nw': answer('partner', () => jsonResponse(200, { id: 'prt_nw', name: 'Northwind', slug: 'northwind' })),
      'GET /api/v1/admin/tenants/': answer(
        'tenants',
        answersIds([
          { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' },
          { id: 'tnt_globex', name: 'Globex', slug: 'globex' },
        ]),
      ),
    });
    const { result, rerender } = renderNames(page);

    // Three users, one partner, two tenants: one request per kind (a lone id by its own GET), all in flight at once.
    await waitFor(() => expect(started).toHaveLength(3));
    expect(started.sort()).toEqual([
      'partner',
      'tenants?per_page=100&ids=tnt_acme%2Ctnt_globex',
      'users?per_page=100&ids=usr_ana%2Cusr_bo%2Cusr_cy',
    ]);
    expect(result.current.user('usr_ana')).toEqual({ state: 'loading' });
    release();

    await waitFor(() => expect(result.current.user('usr_ana')).toMatchObject({ state: 'found', record: { first_name: 'Ana' } }));
    await waitFor(() => expect(result.current.user('usr_cy')).toEqual({ state: 'missing' }));
    expect(result.current.tenant('tnt_globex')).toMatchObject({ state: 'found', record: { name: 'Globex' } });
    expect(result.current.partner('prt_nw')).toMatchObject({ state: 'found', record: { name: 'Northwind' } });

    // The next page names the same people again: nothing is fetched twice.
    rerender({ items: [...page].reverse() });
    expect(result.current.user('usr_bo')).toMatchObject({ state: 'found' });
    expect(started).toHaveLength(3);
  });

  /** A full page: 20 assignments of 20 users across 12 tenants and 3 partners. */
  const fullPage: RoleAssignment[] = Array.from({ length: 20 }, (_, i) => ({
    ...base,
    id: `adr_${i}`,
    user_id: `usr_${i}`,
    ...(i % 5 === 4 ? { role: 'PARTNER_ADMIN' as const, tenant_id: null, partner_id: `prt_${i % 3}` } : { tenant_id: `tnt_${i % 12}` }),
  }));
  const users = Array.from({ length: 20 }, (_, i) => user(`usr_${i}`, `User${i}`));
  const tenants = Array.from({ length: 30 }, (_, i) => ({ id: `tnt_${i}`, name: `Tenant ${i}`, slug: `tenant-${i}` }));
  const partners = Array.from({ length: 5 }, (_, i) => ({ id: `prt_${i}`, name: `Partner ${i}`, slug: `partner-${i}` }));

  const allFound = (names: AssignmentNames) =>
    fullPage.every(
      (a) =>
        names.user(a.user_id).state === 'found' &&
        (!a.tenant_id || names.tenant(a.tenant_id).state === 'found') &&
        (!a.partner_id || names.partner(a.partner_id).state === 'found'),
    );

  it('resolves a page of 20 assignments with one look-up per kind when the server filters by ids', async () => {
    const seen: string[] = [];
    const fetchMock = mockFetch({
      'GET /api/v1/admin/users/': answersIds(users, seen),
      'GET /api/v1/admin/tenants/': answersIds(tenants, seen),
      'GET /api/v1/admin/partners/': answersIds(partners, seen),
    });
    const { result } = renderNames(fullPage);
    await waitFor(() => expect(allFound(result.current)).toBe(true));
    // Users and tenants; partners too, as this page names three of them.
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(seen.every((query) => query.startsWith('per_page=100&ids='))).toBe(true);
  });

  it('falls back to one GET per id, kind by kind, on a server that ignores ids, and does not ask it again', async () => {
    const seen: string[] = [];
    const one =
      <T extends { id: string }>(records: T[]) =>
      (request: Request) => {
        logged(seen, 'one')(request);
        const record = records.find((r) => request.url.endsWith(`/${r.id}`));
        return record ? jsonResponse(200, record) : jsonResponse(404, { detail: 'Not found' });
      };
    const routes: Parameters<typeof mockFetch>[0] = {
      // Its first page holds someone this page does not name, so the answer gives itself away.
      'GET /api/v1/admin/users/': ignoresIds([user('usr_admin', 'Admin'), ...users], seen),
      'GET /api/v1/admin/tenants/': ignoresIds(tenants, seen),
      'GET /api/v1/admin/partners/': ignoresIds(partners, seen),
    };
    for (const u of users) routes[`GET /api/v1/admin/users/${u.id}`] = one(users);
    for (const t of tenants) routes[`GET /api/v1/admin/tenants/${t.id}`] = one(tenants);
    for (const p of partners) routes[`GET /api/v1/admin/partners/${p.id}`] = one(partners);
    for (const id of ['usr_gone', 'usr_gone2']) routes[`GET /api/v1/admin/users/${id}`] = one(users);
    mockFetch(routes);
    const queryClient = createTestQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result, rerender } = renderHook(({ items }) => useAssignmentNames(items), { wrapper, initialProps: { items: fullPage } });

    await waitFor(() => expect(allFound(result.current)).toBe(true));
    // Each kind tried ids once, saw rows it had not asked for, and fetched the rest one by one.
    const batches = seen.filter((q) => q.includes('ids='));
    expect(batches).toHaveLength(3);
    // Every name is right, whether it came with the unfiltered page or on its own.
    expect(result.current.user('usr_7')).toMatchObject({ state: 'found', record: { first_name: 'User7' } });
    expect(result.current.tenant('tnt_11')).toMatchObject({ state: 'found', record: { name: 'Tenant 11' } });

    // The verdict holds for the session: the next page's names go straight to one GET each.
    const before = seen.length;
    const nextPage = [
      { ...base, id: 'adr_x', user_id: 'usr_gone', tenant_id: 'tnt_20' },
      { ...base, id: 'adr_y', user_id: 'usr_gone2', tenant_id: 'tnt_21' },
    ];
    rerender({ items: nextPage });
    await waitFor(() => expect(result.current.user('usr_gone2')).toEqual({ state: 'missing' }));
    await waitFor(() => expect(result.current.tenant('tnt_21')).toMatchObject({ state: 'found' }));
    expect(seen.slice(before)).toHaveLength(4);
    expect(seen.slice(before).every((q) => q === 'one')).toBe(true);
  });
});
