import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { Tenant } from '../schemas';
import { TenantsList } from './tenants-list';
import { tenantRecord } from '@/testing/tenant-fixtures';

/** The tenants list's security filters (issue 18): in the URL, sent to the server, and never trusted blindly. */

const tenant = (id: string, name: string, settings: Record<string, unknown>): Tenant => tenantRecord({ id, name, slug: id, settings: settings as Tenant['settings'] });

const strict = tenant('tnt_s', 'Strict Ltd', { mfa_required: true, password_policy: { min_length: 14 }, session_timeout: 15 });
// No keys at all: MFA not required, minimum length 8, 480 minutes (the contract's defaults).
const bare = tenant('tnt_b', 'Bare Inc', {});

function serve(answer: (params: URLSearchParams) => Tenant[]) {
  const asked: URLSearchParams[] = [];
  mockFetch({
    'GET /api/v1/admin/tenants/': (request) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const items = answer(params);
      return jsonResponse(200, { items, total: items.length, page: 1, per_page: 20, pages: 1 });
    },
  });
  return asked;
}

describe('TenantsList security filters', () => {
  it('sends the URL filters with search and status, shows them in the filter bar, and the rows that match', async () => {
    const asked = serve(() => [bare]);
    renderWithProviders(<TenantsList />, {
      route: '/tenants?search=inc&status=ACTIVE&mfa_required=false&password_min_length_lt=10&session_timeout_gt=60&session_timeout_lt=481',
    });
    const table = await screen.findByRole('table', { name: 'Tenants' });
    expect(within(table).getByRole('row', { name: /Bare Inc/ })).toBeInTheDocument();
    const sent = asked.at(-1)!;
    expect(sent.get('search')).toBe('inc');
    expect(sent.get('status')).toBe('ACTIVE');
    expect(sent.get('mfa_required')).toBe('false');
    expect(sent.get('password_min_length_lt')).toBe('10');
    expect(sent.get('session_timeout_gt')).toBe('60');
    expect(sent.get('session_timeout_lt')).toBe('481');
    // The filter bar loads beside the rows, in a chunk of its own.
    expect(await screen.findByRole('combobox', { name: 'MFA required' })).toHaveTextContent('No');
    expect(screen.getByRole('spinbutton', { name: 'Minimum length below' })).toHaveValue(10);
    expect(screen.getByRole('spinbutton', { name: 'Session timeout above' })).toHaveValue(60);
    expect(screen.getByRole('button', { name: 'Session timeout below 481 minutes: remove this filter' })).toBeInTheDocument();
  });

  it('says the filters are not available, and shows no rows, when the server ignores them', async () => {
    // This server knows no security filter: every tenant comes back, the strict one included.
    serve(() => [strict, bare]);
    const { user, history } = renderWithProviders(<TenantsList />, { route: '/tenants?mfa_required=false&password_min_length_lt=10' });
    expect(await screen.findByText('Filtering tenants by MFA required, Minimum length below is not available on this server.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Tenants' })).not.toBeInTheDocument();
    expect(screen.queryByText('Strict Ltd')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove security filters' }));
    await waitFor(() => expect(history.location.search).not.toContain('mfa_required'));
    const table = await screen.findByRole('table', { name: 'Tenants' });
    expect(within(table).getByRole('row', { name: /Strict Ltd/ })).toBeInTheDocument();
  });

  it('changes a filter from the filter bar and goes back to page 1', async () => {
    const asked = serve((params) => (params.get('mfa_required') === 'true' ? [strict] : [strict, bare]));
    const { user, history } = renderWithProviders(<TenantsList />, { route: '/tenants?page=2' });
    await screen.findByRole('table', { name: 'Tenants' });
    await user.click(await screen.findByRole('combobox', { name: 'MFA required' }));
    await user.click(await screen.findByRole('option', { name: 'Yes' }));
    await waitFor(() => expect(history.location.search).toContain('mfa_required=true'));
    expect(history.location.search).not.toContain('page=2');
    await waitFor(() => expect(asked.at(-1)?.get('mfa_required')).toBe('true'));
    expect(await screen.findByText('Strict Ltd')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Bare Inc')).not.toBeInTheDocument());
  });
});
