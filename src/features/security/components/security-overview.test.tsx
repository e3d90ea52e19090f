import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { Baseline } from '../baseline';
import { SecurityOverview } from './security-overview';

/** The security overview (issue 18): counts that link to exactly their tenants, a baseline, and servers without the extensions. */

const summary = {
  total: 10,
  mfa: { required: 4, not_required: 6, methods: { totp: 9, sms: 2, email: 1, webauthn: 3 } },
  password_min_length: [
    { min: null, max: 9, count: 5 },
    { min: 10, max: 11, count: 1 },
    { min: 12, max: 14, count: 3 },
    { min: 15, max: null, count: 1 },
  ],
  session_timeout: [
    { min: null, max: 15, count: 1 },
    { min: 16, max: 60, count: 2 },
    { min: 61, max: 480, count: 6 },
    { min: 481, max: null, count: 1 },
  ],
  password_expiry: { on: 3, off: 7 },
};

const strictBaseline: Baseline = {
  id: 'strict',
  name: 'Strict',
  source: { title: 'A standard', url: 'https://example.com/standard' },
  rules: ['MFA required.', 'Passwords of at least 12 characters.', 'Sessions end after 30 minutes.'],
  settings: { mfa_required: true, password_policy: { min_length: 12 }, session_timeout: 30 },
};
const lax: Baseline = { ...strictBaseline, id: 'lax', name: 'Lax', settings: { mfa_required: false, password_policy: { min_length: 8 }, session_timeout: 480 } };

const weak = { id: 'tnt_w', name: 'Weak Ltd', settings: { mfa_required: false, password_policy: { min_length: 8 }, session_timeout: 480 } };
const strong = { id: 'tnt_s', name: 'Strong Ltd', settings: { mfa_required: true, password_policy: { min_length: 14 }, session_timeout: 15 } };

/** A server that filters: every tenant is `weak` but for one `strong`; totals made up per filter. */
function honestList(request: Request) {
  const params = new URL(request.url).searchParams;
  const keys = [...params.keys()].filter((k) => k !== 'page' && k !== 'per_page');
  // Each single filter matches 6; each pair 4; all three 3: 6+6+6-4-4-4+3 = 9.
  const total = keys.length === 1 ? 6 : keys.length === 2 ? 4 : 3;
  return jsonResponse(200, { items: [weak], total, page: 1, per_page: Number(params.get('per_page')), pages: total });
}

const shortfalls = (settings: unknown) => ((settings as typeof weak.settings).mfa_required ? [] : ['MFA not required', 'minimum password length 8 (needs 12)']);

describe('SecurityOverview', { timeout: 30_000 }, () => {
  it('links every count to the tenants list filtered to exactly those tenants', async () => {
    mockFetch({ 'GET /api/v1/admin/tenants/security-summary': jsonResponse(200, summary), 'GET /api/v1/admin/tenants/': honestList });
    renderWithProviders(<SecurityOverview baselines={[strictBaseline, lax]} shortfalls={shortfalls} />, { route: '/security' });

    const notRequired = await screen.findByRole('link', { name: 'MFA not required 6' });
    expect(notRequired).toHaveAttribute('href', '/tenants?mfa_required=false');
    expect(screen.getByRole('link', { name: 'MFA required 4' })).toHaveAttribute('href', '/tenants?mfa_required=true');
    expect(screen.getByRole('link', { name: 'SMS 2' })).toHaveAttribute('href', '/tenants?mfa_method=sms');
    expect(screen.getByRole('link', { name: 'Passwords never expire 7' })).toHaveAttribute('href', '/tenants?password_expires=false');
    // A band needs both bounds; an open end has one.
    expect(screen.getByRole('link', { name: '10–11 characters 1' })).toHaveAttribute('href', '/tenants?password_min_length_gt=9&password_min_length_lt=12');
    expect(screen.getByRole('link', { name: 'Up to 9 characters 5' })).toHaveAttribute('href', '/tenants?password_min_length_lt=10');
    expect(screen.getByRole('link', { name: '481 minutes or more 1' })).toHaveAttribute('href', '/tenants?session_timeout_gt=480');
    expect(screen.getByText(/10 tenants in all/)).toBeInTheDocument();
  });

  it('counts and lists the tenants short of the baseline in the URL, with what falls short', async () => {
    mockFetch({ 'GET /api/v1/admin/tenants/security-summary': jsonResponse(200, summary), 'GET /api/v1/admin/tenants/': honestList });
    const { user, history } = renderWithProviders(<SecurityOverview baselines={[lax, strictBaseline]} shortfalls={shortfalls} />, {
      route: '/security?baseline=strict',
    });
    expect(await screen.findByText('9 tenants fall short of Strict on at least one of: MFA not required; Minimum password length below 12; Session timeout above 30 minutes.')).toBeInTheDocument();
    const mfa = screen.getByRole('region', { name: 'MFA not required: 6 tenants' });
    expect(within(mfa).getByRole('link', { name: 'Weak Ltd' })).toHaveAttribute('href', '/tenants/tnt_w');
    expect(within(mfa).getByText(/MFA not required; minimum password length 8 \(needs 12\)/)).toBeInTheDocument();
    expect(within(mfa).getByRole('link', { name: 'Show all 6 tenants: MFA not required' })).toHaveAttribute('href', '/tenants?mfa_required=false');
    expect(screen.getByRole('link', { name: 'A standard' })).toHaveAttribute('href', 'https://example.com/standard');

    await user.click(screen.getByRole('combobox', { name: 'Baseline' }));
    await user.click(await screen.findByRole('option', { name: 'Lax' }));
    expect(history.location.search).toBe('?baseline=lax');
    expect(screen.queryByRole('region', { name: /MFA not required:/ })).not.toBeInTheDocument();
  });

  it('says the overview is not available on a server without the summary, never a count', async () => {
    mockFetch({
      'GET /api/v1/admin/tenants/security-summary': jsonResponse(404, { detail: 'Tenant not found' }),
      'GET /api/v1/admin/tenants/': honestList,
    });
    renderWithProviders(<SecurityOverview baselines={[strictBaseline]} shortfalls={shortfalls} />, { route: '/security' });
    expect(await screen.findByText('Security overview is not available on this server.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^MFA not required \d/ })).not.toBeInTheDocument();
  });

  it('says finding the tenants short of a baseline is not available when the server ignores the filters', async () => {
    mockFetch({
      'GET /api/v1/admin/tenants/security-summary': jsonResponse(200, { something: 'else' }),
      // Unfiltered: the strong tenant comes back for "MFA not required" too.
      'GET /api/v1/admin/tenants/': jsonResponse(200, { items: [weak, strong], total: 10, page: 1, per_page: 5, pages: 2 }),
    });
    renderWithProviders(<SecurityOverview baselines={[strictBaseline]} shortfalls={shortfalls} />, { route: '/security' });
    expect(await screen.findByText('Finding the tenants that fall short of a baseline is not available on this server.')).toBeInTheDocument();
    // A summary not shaped like one is no summary either.
    expect(await screen.findByText('Security overview is not available on this server.')).toBeInTheDocument();
    expect(screen.queryByText(/fall short of Strict/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Strong Ltd' })).not.toBeInTheDocument();
  });
});
