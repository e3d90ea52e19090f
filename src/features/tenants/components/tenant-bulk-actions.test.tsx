import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { Tenant } from '../schemas';
import { TenantsList } from './tenants-list';
import { tenantRecord } from '@/testing/tenant-fixtures';

/** The tenants list's bulk Suspend/Reactivate: select, confirm, progress, skips, the list refreshed. */

const tenant = (id: string, name: string, status: string): Tenant => tenantRecord({ id, name, slug: id, status });

function serve(tenants: Tenant[], failing: Set<string> = new Set(), now: Map<string, Partial<Tenant>> = new Map()) {
  const patches: { id: string; body: unknown; ifMatch: string | null }[] = [];
  let listed = 0;
  mockFetch({
    'GET /api/v1/admin/tenants/': () => {
      listed += 1;
      return jsonResponse(200, { items: tenants, total: tenants.length, page: 1, per_page: 20, pages: 1 });
    },
    // Each tenant as it stands now (a run reads each afresh); a failing one is gone.
    ...Object.fromEntries(
      tenants.map((t) => [
        `GET /api/v1/admin/tenants/${t.id}`,
        () => (failing.has(t.id) ? jsonResponse(404, { detail: 'Tenant not found' }) : jsonResponse(200, { ...t, ...now.get(t.id) })),
      ]),
    ),
    ...Object.fromEntries(
      tenants.map((t) => [
        `PATCH /api/v1/admin/tenants/${t.id}`,
        async (request: Request) => {
          const body = (await request.json()) as { status: string };
          patches.push({ id: t.id, body, ifMatch: request.headers.get('If-Match') });
          if (failing.has(t.id)) return jsonResponse(404, { detail: 'Tenant not found' });
          t.status = body.status;
          return jsonResponse(200, t);
        },
      ]),
    ),
  });
  return { patches, listed: () => listed };
}

describe('TenantsList bulk actions', () => {
  it('suspends the selected tenants after a confirmation, skipping the one already suspended, then refreshes the list', async () => {
    const tenants = [tenant('tnt_a', 'Acme', 'ACTIVE'), tenant('tnt_g', 'Globex', 'SUSPENDED'), tenant('tnt_i', 'Initech', 'ACTIVE')];
    const server = serve(tenants, new Set(['tnt_i']));
    const { user } = renderWithProviders(<TenantsList />, { route: '/tenants' });

    const table = await screen.findByRole('table', { name: 'Tenants' });
    expect(screen.queryByRole('group', { name: 'Bulk actions' })).not.toBeInTheDocument();
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 3 on this page' }));
    const actions = screen.getByRole('group', { name: 'Bulk actions' });
    expect(within(actions).getByText('3 tenants selected')).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Suspend 3 tenants' }));
    const confirm = await screen.findByRole('dialog', { name: 'Suspend 3 tenants?' });
    expect(server.patches).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Suspend 3 tenants' }));

    const progress = await screen.findByRole('dialog', { name: 'Suspend 3 tenants' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 1 failed, 1 skipped.'));
    const results = within(within(progress).getByRole('list', { name: 'Results' })).getAllByRole('listitem');
    expect(results.map((li) => li.textContent)).toEqual(['Acme: Done', 'Globex: Skipped: already suspended', 'Initech: Failed: Tenant not found']);
    // Only the status, without If-Match; nothing sent for the one already so, or the one gone.
    expect(server.patches).toEqual([{ id: 'tnt_a', body: { status: 'SUSPENDED' }, ifMatch: null }]);
    await waitFor(() => expect(server.listed()).toBe(2));

    await user.click(within(progress).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // What was not changed stays selected for another try.
    expect(within(screen.getByRole('group', { name: 'Bulk actions' })).getByText('1 tenant selected')).toBeInTheDocument();
    expect(within(table).getByRole('checkbox', { name: 'Select Initech' })).toBeChecked();
  });

  it('judges each tenant as it is now, not as the list showed it: one suspended meanwhile is skipped, one reactivated meanwhile is suspended', async () => {
    const tenants = [tenant('tnt_a', 'Acme', 'ACTIVE'), tenant('tnt_g', 'Globex', 'SUSPENDED')];
    // Since the list was loaded, someone suspended Acme and reactivated Globex.
    const now = new Map<string, Partial<Tenant>>([
      ['tnt_a', { status: 'SUSPENDED' }],
      ['tnt_g', { status: 'ACTIVE' }],
    ]);
    const server = serve(tenants, new Set(), now);
    const { user } = renderWithProviders(<TenantsList />, { route: '/tenants' });
    const table = await screen.findByRole('table', { name: 'Tenants' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 2 on this page' }));
    await user.click(screen.getByRole('button', { name: 'Suspend 2 tenants' }));
    const confirm = await screen.findByRole('dialog', { name: 'Suspend 2 tenants?' });
    await user.click(within(confirm).getByRole('button', { name: 'Suspend 2 tenants' }));
    const progress = await screen.findByRole('dialog', { name: 'Suspend 2 tenants' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done, 1 skipped.'));
    const results = within(within(progress).getByRole('list', { name: 'Results' })).getAllByRole('listitem');
    expect(results.map((li) => li.textContent)).toEqual(['Acme: Skipped: already suspended', 'Globex: Done']);
    expect(server.patches).toEqual([{ id: 'tnt_g', body: { status: 'SUSPENDED' }, ifMatch: null }]);
  });

  it('reactivates one selected tenant; the selection is cleared once all is done', async () => {
    const server = serve([tenant('tnt_a', 'Acme', 'SUSPENDED'), tenant('tnt_b', 'Beta', 'ACTIVE')]);
    const { user } = renderWithProviders(<TenantsList />, { route: '/tenants' });
    const table = await screen.findByRole('table', { name: 'Tenants' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select Acme' }));
    await user.click(screen.getByRole('button', { name: 'Reactivate 1 tenant' }));
    const confirm = await screen.findByRole('dialog', { name: 'Reactivate 1 tenant?' });
    await user.click(within(confirm).getByRole('button', { name: 'Reactivate 1 tenant' }));
    const progress = await screen.findByRole('dialog', { name: 'Reactivate 1 tenant' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done.'));
    expect(server.patches).toEqual([{ id: 'tnt_a', body: { status: 'ACTIVE' }, ifMatch: null }]);
    await user.click(within(progress).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Bulk actions' })).not.toBeInTheDocument());
  });
});
