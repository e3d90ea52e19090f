import { screen, waitFor, within } from '@testing-library/react';
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
  patches: { id: string; body: unknown }[];
  deletes: string[];
  listed: URLSearchParams[];
}

/** A server holding `rows` (`total` of them match); PATCH and DELETE of an id in `gone` answer 404. */
function serve(rows: RoleAssignment[], { gone = new Set<string>(), total = rows.length }: { gone?: Set<string>; total?: number } = {}): Served {
  const served: Served = { patches: [], deletes: [], listed: [] };
  mockFetch({
    'GET /api/v1/admin/admin-roles/': (request) => {
      const params = new URL(request.url).searchParams;
      const perPage = Number(params.get('per_page'));
      if (perPage === 1) return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 1, pages: 0 });
      served.listed.push(params);
      const page = Number(params.get('page'));
      const all = Array.from({ length: total }, (_, i) => rows[i] ?? row(`adr_x${i}`, {}));
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
          `PATCH /api/v1/admin/admin-roles/${r.id}`,
          async (request: Request) => {
            const body = (await request.json()) as Partial<RoleAssignment>;
            served.patches.push({ id: r.id, body });
            if (gone.has(r.id)) return jsonResponse(404, { detail: 'Role assignment not found' });
            Object.assign(r, body);
            return jsonResponse(200, r);
          },
        ],
        [
          `DELETE /api/v1/admin/admin-roles/${r.id}`,
          (request: Request) => {
            served.deletes.push(`${r.id}?${new URL(request.url).searchParams.toString()}`);
            return jsonResponse(204);
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
    const server = serve(rows, { gone: new Set(['adr_c']) });
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
    serve([row('adr_a', { expires_at: new Date(Date.now() + DAY).toISOString() })]);
    const { user } = renderWithProviders(<RoleAssignmentsList currentAdminId={ME} />, { route: '/role-assignments' });
    const { actions } = await selectAll(user, 1);
    await user.click(within(actions).getByRole('button', { name: 'Extend 1 role assignment' }));
    const confirm = await screen.findByRole('dialog', { name: 'Extend 1 role assignment?' });
    await user.click(within(confirm).getByRole('radio', { name: 'To a date' }));
    await user.type(within(confirm).getByLabelText('New expiry'), '2020-01-01T10:00');
    await user.click(within(confirm).getByRole('button', { name: 'Extend 1 role assignment' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('The new expiry must be in the future');
    expect(screen.queryByRole('dialog', { name: 'Extend 1 role assignment' })).not.toBeInTheDocument();
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
