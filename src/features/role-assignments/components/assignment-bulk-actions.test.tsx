import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { anaLima, answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { RoleAssignment } from '../api/queries';
import { anaTenantAdmin } from '../test-fixtures';
import { CLEANUP_LABEL_MANY } from './orphan-cleanup';
import { RoleAssignmentsList } from './role-assignments-list';

/** Bulk actions on the role assignments list (issue 17): select, confirm, progress with each row's result and skips. */

const DAY = 86_400_000;
const user = (id: string, first: string, last: string) => ({ ...anaLima, id, email: `${first.toLowerCase()}@acme.example`, first_name: first, last_name: last });
const USERS = [anaLima, user('usr_bo', 'Bo', 'Berg'), user('usr_cy', 'Cy', 'Chen'), user('usr_me', 'Root', 'Admin')];
const TENANTS = [{ id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme', partner_id: null }];
const ME = 'usr_me';

const row = (id: string, over: Partial<RoleAssignment>): RoleAssignment => ({ ...anaTenantAdmin, id, ...over });

interface Served {
  /** The ids read one by one (each row's task reads its assignment afresh first). */
  reads: string[];
  patches: { id: string; body: unknown }[];
  deletes: string[];
  listed: URLSearchParams[];
  /** The most DELETEs of one user's roles in flight at once, and of anyone's. */
  overlap: { sameUser: number; any: number };
}

/**
 * A server holding `rows` (`total` of them match, the first `rows.length` of them these). An id in
 * `gone` answers 404 to everything; a PATCH of an id in `refuse` answers 404 (revoked between the
 * read and the write). `slowDeletes`: a DELETE takes that many ms.
 */
function serve(
  rows: RoleAssignment[],
  { gone = new Set<string>(), refuse = new Set<string>(), total = rows.length, slowDeletes = 0 }: { gone?: Set<string>; refuse?: Set<string>; total?: number; slowDeletes?: number } = {},
): Served {
  const served: Served = { reads: [], patches: [], deletes: [], listed: [], overlap: { sameUser: 0, any: 0 } };
  const deleting = new Map<string, number>();
  let deletingAny = 0;
  const notFound = () => jsonResponse(404, { detail: 'Role assignment not found' });
  mockFetch({
    'GET /api/v1/admin/admin-roles/': (request) => {
      const params = new URL(request.url).searchParams;
      const perPage = Number(params.get('per_page'));
      if (perPage === 1) return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 1, pages: 0 });
      served.listed.push(params);
      const page = Number(params.get('page'));
      const all = Array.from({ length: total }, (_, i) => rows[i] ?? row(`adr_x${i}`, {}));
      // A copy: what the list holds does not change when the server's row does.
      return jsonResponse(200, { items: all.slice((page - 1) * perPage, page * perPage), total, page, per_page: perPage, pages: Math.ceil(total / perPage) });
    },
    'GET /api/v1/admin/users/': answersIds(USERS),
    'GET /api/v1/admin/tenants/': answersIds(TENANTS),
    // A single id is asked for on its own.
    'GET /api/v1/admin/tenants/tnt_acme': jsonResponse(200, TENANTS[0]),
    ...Object.fromEntries(USERS.map((u) => [`GET /api/v1/admin/users/${u.id}`, jsonResponse(200, u)])),
    ...Object.fromEntries(
      rows.flatMap((r) => [
        [
          `GET /api/v1/admin/admin-roles/${r.id}`,
          () => {
            served.reads.push(r.id);
            return gone.has(r.id) ? notFound() : jsonResponse(200, r);
          },
        ],
        [
          `PATCH /api/v1/admin/admin-roles/${r.id}`,
          async (request: Request) => {
            const body = (await request.json()) as Partial<RoleAssignment>;
            served.patches.push({ id: r.id, body });
            if (gone.has(r.id) || refuse.has(r.id)) return notFound();
            Object.assign(r, body);
            return jsonResponse(200, r);
          },
        ],
        [
          `DELETE /api/v1/admin/admin-roles/${r.id}`,
          async (request: Request) => {
            served.deletes.push(`${r.id}?${new URL(request.url).searchParams.toString()}`);
            deleting.set(r.user_id, (deleting.get(r.user_id) ?? 0) + 1);
            deletingAny += 1;
            served.overlap.sameUser = Math.max(served.overlap.sameUser, deleting.get(r.user_id)!);
            served.overlap.any = Math.max(served.overlap.any, deletingAny);
            if (slowDeletes) await new Promise((resolve) => setTimeout(resolve, slowDeletes));
            deleting.set(r.user_id, deleting.get(r.user_id)! - 1);
            deletingAny -= 1;
            return gone.has(r.id) ? notFound() : jsonResponse(204);
          },
        ],
      ]),
    ),
  });
  return served;
}

async function selectAll(user: UserEvent, rows: number) {
  const table = await screen.findByRole('table', { name: 'Role assignments' });
  // Every name shown, so the results name the rows.
  await waitFor(() => expect(table).not.toHaveTextContent('Loading…'));
  await user.click(within(table).getByRole('checkbox', { name: `Select all ${rows} on this page` }));
  return { table, actions: await screen.findByRole('group', { name: 'Bulk actions' }) };
}

const results = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Results' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('RoleAssignmentsList bulk actions', { timeout: 30_000 }, () => {
  it('deactivates the selected rows, skipping your own Super Admin role and those already inactive; a refusal is listed with its reason', async () => {
    const rows = [
      row('adr_a', {}),
      row('adr_b', { user_id: 'usr_bo', is_active: false }),
      row('adr_me', { user_id: ME, role: 'SUPER_ADMIN', tenant_id: null }),
      row('adr_c', { user_id: 'usr_cy' }),
    ];
    const server = serve(rows, { refuse: new Set(['adr_c']) });
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 4);
    expect(within(actions).getByText('4 role assignments selected')).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Deactivate 4 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate 4 role assignments?' });
    expect(server.patches).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate 4 role assignments' }));

    const progress = await screen.findByRole('dialog', { name: 'Deactivate 4 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 1 failed, 2 skipped.'));
    expect(results(progress)).toEqual([
      'Ana Lima (Tenant Admin, Acme Corporation): Done',
      'Bo Berg (Tenant Admin, Acme Corporation): Skipped: already inactive',
      'Root Admin (Super Admin, the platform): Skipped: your own Super Admin role (another Super Admin can change it)',
      'Cy Chen (Tenant Admin, Acme Corporation): Failed: Role assignment not found',
    ]);
    expect(server.patches).toEqual([
      { id: 'adr_a', body: { is_active: false } },
      { id: 'adr_c', body: { is_active: false } },
    ]);
    // The list is asked again once the run has ended.
    await waitFor(() => expect(server.listed.length).toBeGreaterThan(1));

    await user.click(within(progress).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // What failed stays selected.
    expect(within(screen.getByRole('group', { name: 'Bulk actions' })).getByText('1 role assignment selected')).toBeInTheDocument();
  });

  it('extends by 90 days, renews an expired one and skips one without an expiry', async () => {
    const inTenDays = new Date(Date.now() + 10 * DAY).toISOString();
    const rows = [
      row('adr_a', { expires_at: inTenDays }),
      row('adr_b', { user_id: 'usr_bo', expires_at: null }),
      row('adr_c', { user_id: 'usr_cy', is_active: false, expires_at: new Date(Date.now() - DAY).toISOString() }),
    ];
    const server = serve(rows);
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 3);
    await user.click(within(actions).getByRole('button', { name: 'Extend 3 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Extend 3 role assignments?' });
    expect(within(confirm).getByRole('radio', { name: '+30 days' })).toBeChecked();
    await user.click(within(confirm).getByRole('radio', { name: '+90 days' }));
    await user.click(within(confirm).getByRole('button', { name: 'Extend 3 role assignments' }));

    const progress = await screen.findByRole('dialog', { name: 'Extend 3 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 2 done, 1 skipped.'));
    expect(results(progress)[1]).toBe('Bo Berg (Tenant Admin, Acme Corporation): Skipped: no expiry to extend');
    const [a, c] = server.patches;
    expect(a!.id).toBe('adr_a');
    const added = Date.parse((a!.body as { expires_at: string }).expires_at) - Date.parse(inTenDays);
    // 90 calendar days (a change of summer time may make one of them 23 or 25 hours).
    expect(Math.abs(added - 90 * DAY)).toBeLessThanOrEqual(3_600_000);
    expect(a!.body).not.toHaveProperty('is_active');
    expect(c).toEqual({ id: 'adr_c', body: { expires_at: expect.any(String), is_active: true } });
    // Renewed: the days counted from now.
    expect(Math.abs(Date.parse((c!.body as { expires_at: string }).expires_at) - (Date.now() + 90 * DAY))).toBeLessThanOrEqual(2 * 3_600_000);
  });

  it('Extend to a date refuses a date in the past inside the confirmation', async () => {
    const server = serve([row('adr_a', { expires_at: new Date(Date.now() + DAY).toISOString() })]);
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 1);
    await user.click(within(actions).getByRole('button', { name: 'Extend 1 role assignment' }));
    const confirm = await screen.findByRole('dialog', { name: 'Extend 1 role assignment?' });
    await user.click(within(confirm).getByRole('radio', { name: 'To a date' }));
    await user.type(within(confirm).getByLabelText('New expiry'), '2020-01-01T10:00');
    await user.click(within(confirm).getByRole('button', { name: 'Extend 1 role assignment' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('The new expiry must be in the future');

    // A date that will do: the run sends it, and only it (nothing ran for the refused one).
    const field = within(confirm).getByLabelText('New expiry');
    await user.clear(field);
    await user.type(field, '2099-01-01T10:00');
    await user.click(within(confirm).getByRole('button', { name: 'Extend 1 role assignment' }));
    const progress = await screen.findByRole('dialog', { name: 'Extend 1 role assignment' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done.'));
    expect(server.reads).toEqual(['adr_a']);
    expect(server.patches).toEqual([{ id: 'adr_a', body: { expires_at: new Date(2099, 0, 1, 10, 0).toISOString() } }]);
  });

  it('revokes with the orphan cleanup as chosen, never your own Super Admin role', async () => {
    const rows = [row('adr_a', {}), row('adr_me', { user_id: ME, role: 'SUPER_ADMIN', tenant_id: null })];
    const server = serve(rows);
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 2);
    await user.click(within(actions).getByRole('button', { name: 'Revoke 2 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke 2 role assignments?' });
    const cleanup = within(confirm).getByRole('checkbox', { name: CLEANUP_LABEL_MANY });
    expect(cleanup).toBeChecked();
    expect(cleanup).toHaveAccessibleDescription(/only if all three are true after the revoke/);
    await user.click(cleanup);
    await user.click(within(confirm).getByRole('button', { name: 'Revoke 2 role assignments' }));
    const progress = await screen.findByRole('dialog', { name: 'Revoke 2 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 1 skipped.'));
    expect(server.deletes).toEqual(['adr_a?cleanup_orphaned_user=false']);

    // Nothing left to retry: the selection, the bar and the button that opened the run go; the focus goes to the table.
    await user.click(within(progress).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('group', { name: 'Bulk actions' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Role assignments' })).toHaveFocus();
  });

  it('with the orphan cleanup, revokes one user’s assignments one after another, other users’ beside them', async () => {
    const rows = [
      row('adr_a1', {}),
      row('adr_a2', { tenant_id: 'tnt_acme', role: 'PARTNER_ADMIN', partner_id: 'prt_x' }),
      row('adr_b1', { user_id: 'usr_bo' }),
      row('adr_a3', { role: 'SUPER_ADMIN', tenant_id: null }),
      row('adr_c1', { user_id: 'usr_cy' }),
    ];
    const server = serve(rows, { slowDeletes: 30 });
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 5);
    await user.click(within(actions).getByRole('button', { name: 'Revoke 5 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke 5 role assignments?' });
    expect(within(confirm).getByRole('checkbox', { name: CLEANUP_LABEL_MANY })).toBeChecked();
    await user.click(within(confirm).getByRole('button', { name: 'Revoke 5 role assignments' }));
    const progress = await screen.findByRole('dialog', { name: 'Revoke 5 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 5 done.'));
    expect(server.deletes).toHaveLength(5);
    expect(server.deletes.every((d) => d.endsWith('?cleanup_orphaned_user=true'))).toBe(true);
    // Each of Ana's revokes sees the one before it done, so the last one can find her orphaned.
    expect(server.overlap.sameUser).toBe(1);
    expect(server.overlap.any).toBeGreaterThan(1);
    expect(server.deletes.filter((d) => d.startsWith('adr_a')).map((d) => d.split('?')[0])).toEqual(['adr_a1', 'adr_a2', 'adr_a3']);
  });

  it('decides from each assignment as it is now, not from the copy the list showed', async () => {
    const rows = [
      row('adr_a', {}),
      row('adr_b', { user_id: 'usr_bo', is_active: false }),
      row('adr_c', { user_id: 'usr_cy' }),
      row('adr_me', { user_id: ME, role: 'SUPER_ADMIN', tenant_id: null }),
    ];
    const server = serve(rows, { gone: new Set(['adr_c']) });
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 4);
    // Meanwhile, elsewhere: Ana's was deactivated, Bo's activated, Cy's revoked.
    rows[0]!.is_active = false;
    rows[1]!.is_active = true;

    await user.click(within(actions).getByRole('button', { name: 'Deactivate 4 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate 4 role assignments?' });
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate 4 role assignments' }));
    const progress = await screen.findByRole('dialog', { name: 'Deactivate 4 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 1 failed, 2 skipped.'));
    expect(results(progress)).toEqual([
      'Ana Lima (Tenant Admin, Acme Corporation): Skipped: already inactive',
      'Bo Berg (Tenant Admin, Acme Corporation): Done',
      'Cy Chen (Tenant Admin, Acme Corporation): Failed: no longer exists',
      'Root Admin (Super Admin, the platform): Skipped: your own Super Admin role (another Super Admin can change it)',
    ]);
    expect(server.patches).toEqual([{ id: 'adr_b', body: { is_active: false } }]);
    expect([...server.reads].sort()).toEqual(['adr_a', 'adr_b', 'adr_c', 'adr_me']);
  });

  it('extends a row selected through "all matching" from the expiry it has now: extended since from its menu, it is not shortened', async () => {
    const inTenDays = new Date(Date.now() + 10 * DAY).toISOString();
    const rows = Array.from({ length: 25 }, (_, i) => row(`adr_${i}`, i === 22 ? { user_id: 'usr_bo', expires_at: inTenDays } : {}));
    const server = serve(rows);
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 20);
    await user.click(within(actions).getByRole('button', { name: 'Select all 25 matching role assignments' }));
    expect(await within(actions).findByText('All 25 matching role assignments are selected.')).toBeInTheDocument();
    // Extended by 90 days since it was fetched (its row menu, another admin).
    const extended = new Date(Date.parse(inTenDays) + 90 * DAY).toISOString();
    rows[22]!.expires_at = extended;

    await user.click(within(actions).getByRole('button', { name: 'Extend 25 role assignments' }));
    const confirm = await screen.findByRole('dialog', { name: 'Extend 25 role assignments?' });
    await user.click(within(confirm).getByRole('button', { name: 'Extend 25 role assignments' }));
    const progress = await screen.findByRole('dialog', { name: 'Extend 25 role assignments' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 24 skipped.'));
    expect(server.patches).toHaveLength(1);
    const [sent] = server.patches;
    expect(sent!.id).toBe('adr_22');
    const added = Date.parse((sent!.body as { expires_at: string }).expires_at) - Date.parse(extended);
    expect(Math.abs(added - 30 * DAY)).toBeLessThanOrEqual(3_600_000);
  });

  it('a change of filters clears the selection; a change of page does not', async () => {
    serve([row('adr_a', {})], { total: 45 });
    const { user, history } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 20);
    expect(within(actions).getByText('20 role assignments selected')).toBeInTheDocument();
    act(() => history.push('/role-assignments?page=2'));
    await screen.findByRole('checkbox', { name: 'Select all 20 on this page' });
    expect(within(screen.getByRole('group', { name: 'Bulk actions' })).getByText('20 role assignments selected')).toBeInTheDocument();
    act(() => history.push('/role-assignments?page=1&role=PARTNER_ADMIN'));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Bulk actions' })).not.toBeInTheDocument());
  });

  it('selects all matching rows, 100 a page, through the filters on screen', async () => {
    const server = serve([row('adr_a', {})], { total: 45 });
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments?role=TENANT_ADMIN' });
    const { actions } = await selectAll(user, 20);
    server.listed.length = 0;
    await user.click(within(actions).getByRole('button', { name: 'Select all 45 matching role assignments' }));
    expect(await within(actions).findByText('All 45 matching role assignments are selected.')).toBeInTheDocument();
    expect(within(actions).getByText('45 role assignments selected')).toBeInTheDocument();
    expect(server.listed.map((p) => [p.get('page'), p.get('per_page'), p.get('role')])).toEqual([['1', '100', 'TENANT_ADMIN']]);
    expect(within(actions).getByRole('button', { name: 'Activate 45 role assignments' })).toBeInTheDocument();
  });
});
