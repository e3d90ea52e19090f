import { renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { collectReferencedIds, useAssignmentNames } from './names';
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

describe('useAssignmentNames', () => {
  it('fetches each distinct name once, all at the same time, and reports a deleted one as missing', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answer = (body: () => Response) => async (request: Request) => {
      started.push(new URL(request.url).pathname.split('/').slice(-1)[0]!);
      await gate; // nothing answers until every request has been made
      return body();
    };
    mockFetch({
      'GET /api/v1/admin/users/usr_ana': answer(() => jsonResponse(200, user('usr_ana', 'Ana'))),
      'GET /api/v1/admin/users/usr_bo': answer(() => jsonResponse(200, user('usr_bo', 'Bo'))),
      'GET /api/v1/admin/users/usr_cy': answer(() => jsonResponse(404, { detail: 'User not found' })),
      'GET /api/v1/admin/partners/prt_nw': answer(() => jsonResponse(200, { id: 'prt_nw', name: 'Northwind', slug: 'northwind' })),
      'GET /api/v1/admin/tenants/tnt_acme': answer(() => jsonResponse(200, { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' })),
      'GET /api/v1/admin/tenants/tnt_globex': answer(() => jsonResponse(200, { id: 'tnt_globex', name: 'Globex', slug: 'globex' })),
    });
    const queryClient = createTestQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result, rerender } = renderHook(({ items }) => useAssignmentNames(items), { wrapper, initialProps: { items: page } });

    // Six distinct records, six requests, all in flight before any answer: no waterfall.
    await waitFor(() => expect(started).toHaveLength(6));
    expect(new Set(started).size).toBe(6);
    expect(result.current.user('usr_ana')).toEqual({ state: 'loading' });
    release();

    await waitFor(() => expect(result.current.user('usr_ana')).toMatchObject({ state: 'found', record: { first_name: 'Ana' } }));
    await waitFor(() => expect(result.current.user('usr_cy')).toEqual({ state: 'missing' }));
    expect(result.current.tenant('tnt_globex')).toMatchObject({ state: 'found', record: { name: 'Globex' } });
    expect(result.current.partner('prt_nw')).toMatchObject({ state: 'found', record: { name: 'Northwind' } });

    // The next page names the same people again: nothing is fetched twice.
    rerender({ items: [...page].reverse() });
    expect(result.current.user('usr_bo')).toMatchObject({ state: 'found' });
    expect(started).toHaveLength(6);
  });
});
