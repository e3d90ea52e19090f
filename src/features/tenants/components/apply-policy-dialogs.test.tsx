import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { appliedSettings } from '../apply-policy';
import type { Tenant } from '../schemas';
import { presetById } from '../security-presets';
import { DEFAULT_SETTINGS } from '../settings';
import { ApplyPolicyButton } from './apply-policy-button';
import { TenantsList } from './tenants-list';
import { tenantRecord } from '@/testing/tenant-fixtures';

/**
 * Apply security policy (issue 18): from the tenants list's selection, a preset or another tenant's
 * password policy; each tenant read, merged and saved with If-Match; a 412 tried again; one that
 * already has it skipped without a write. And from elsewhere, for every tenant a filter matches.
 */

const pci = presetById('pci-dss-4')!;

const defaults = () => ({ ...DEFAULT_SETTINGS, mfa_methods: [...DEFAULT_SETTINGS.mfa_methods], password_policy: { ...DEFAULT_SETTINGS.password_policy } });

const tenant = (id: string, name: string, settings: Record<string, unknown> = defaults()): Tenant =>
  tenantRecord({ id, name, slug: id, settings: settings as Tenant['settings'] });

/** A fake Admin API over these tenants: versions as ETags, If-Match checked, `theirs` saves someone else makes after our read. */
function serve(tenants: Tenant[], { ignoreFilters = false, paged = false } = {}) {
  const versions = new Map(tenants.map((t) => [t.id, 1]));
  const patches: { id: string; settings: Record<string, unknown>; ifMatch: string | null; status: number }[] = [];
  const listQueries: URLSearchParams[] = [];
  const theirs = new Map<string, (t: Tenant) => void>();
  const etag = (id: string) => `"${id}-v${versions.get(id)}"`;
  mockFetch({
    'GET /api/v1/admin/tenants/': (request) => {
      const query = new URL(request.url).searchParams;
      listQueries.push(query);
      const mfa = query.get('mfa_required');
      const rows = mfa && !ignoreFilters ? tenants.filter((t) => String((t.settings as { mfa_required?: boolean }).mfa_required) === mfa) : tenants;
      const page = Number(query.get('page') ?? 1);
      const perPage = Number(query.get('per_page') ?? 20);
      const items = paged ? rows.slice((page - 1) * perPage, page * perPage) : rows;
      return jsonResponse(200, { items, total: rows.length, page, per_page: perPage, pages: Math.ceil(rows.length / perPage) });
    },
    ...Object.fromEntries(
      tenants.flatMap((t) => [
        [
          `GET /api/v1/admin/tenants/${t.id}`,
          () => {
            const answer = jsonResponse(200, structuredClone(t), { ETag: etag(t.id) });
            const change = theirs.get(t.id);
            if (change) {
              theirs.delete(t.id);
              change(t);
              versions.set(t.id, versions.get(t.id)! + 1);
            }
            return answer;
          },
        ],
        [
          `PATCH /api/v1/admin/tenants/${t.id}`,
          async (request: Request) => {
            const body = (await request.json()) as { settings: Record<string, unknown> };
            const ifMatch = request.headers.get('If-Match');
            if (ifMatch && ifMatch !== etag(t.id)) {
              patches.push({ id: t.id, settings: body.settings, ifMatch, status: 412 });
              return jsonResponse(412, { detail: 'The tenant has changed since you loaded it.' });
            }
            patches.push({ id: t.id, settings: body.settings, ifMatch, status: 200 });
            t.settings = body.settings as Tenant['settings'];
            versions.set(t.id, versions.get(t.id)! + 1);
            return jsonResponse(200, t, { ETag: etag(t.id) });
          },
        ],
      ]),
    ),
  });
  return { patches, listQueries, theirs };
}

const resultsOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Results' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('Apply security policy from the tenants list', () => {
  it('applies PCI DSS v4.0 to the selected tenants: merged, If-Match, a 412 tried again, one that has it skipped', async () => {
    const acme = tenant('tnt_a', 'Acme', { ...defaults(), ip_allowlist: ['10.0.0.0/8'] });
    const globex = tenant('tnt_g', 'Globex', appliedSettings(defaults(), { kind: 'preset', preset: pci }) as Record<string, unknown>);
    const initech = tenant('tnt_i', 'Initech');
    const server = serve([acme, globex, initech]);
    // Someone saves Initech right after the run reads it.
    server.theirs.set('tnt_i', (t) => {
      t.settings = { ...(t.settings as object), theirs: true } as unknown as Tenant['settings'];
    });
    const { user } = renderWithProviders(<TenantsList />, { route: '/tenants' });

    const table = await screen.findByRole('table', { name: 'Tenants' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 3 on this page' }));
    await user.click(screen.getByRole('button', { name: 'Apply security policy to 3 tenants' }));
    const confirm = await screen.findByRole('dialog', { name: 'Apply a security policy to 3 tenants?' });

    // Nothing chosen: the confirmation says so and nothing runs.
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to 3 tenants' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('Choose a preset, or a tenant whose password policy to copy.');

    await user.click(within(confirm).getByRole('radio', { name: 'Preset: PCI DSS v4.0' }));
    expect(within(confirm).getByText('Passwords expire after 90 days; the last 4 cannot be reused.')).toBeInTheDocument();
    const changes = within(confirm).getByRole('region', { name: 'What changes' });
    expect(changes).toHaveTextContent('PCI DSS v4.0 is applied to 3 tenants');
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'MFA required: Yes',
      'MFA methods: TOTP, WebAuthn',
      'Minimum password length: 12',
      'Password needs an uppercase letter: No',
      'Password needs a lowercase letter: Yes',
      'Password needs a digit: Yes',
      'Password needs a special character: No',
      'Password expires after: 90 days',
      'Passwords remembered: 4',
      'Session timeout: 15 minutes',
    ]);
    expect(server.patches).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to 3 tenants' }));

    const progress = await screen.findByRole('dialog', { name: 'Apply a security policy to 3 tenants' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 2 done, 1 skipped.'));
    expect(resultsOf(progress)).toEqual(['Acme: Done', 'Globex: Skipped: already meets it', 'Initech: Done']);

    // Acme: merged onto what it had, its unknown key kept, checked against the version read.
    expect(server.patches[0]).toEqual({ id: 'tnt_a', settings: { ...appliedSettings(defaults(), { kind: 'preset', preset: pci }), ip_allowlist: ['10.0.0.0/8'] }, ifMatch: '"tnt_a-v1"', status: 200 });
    // Globex: never written. Initech: 412, then read again and saved with their change kept.
    expect(server.patches.filter((p) => p.id === 'tnt_g')).toEqual([]);
    expect(server.patches.filter((p) => p.id === 'tnt_i').map((p) => [p.ifMatch, p.status])).toEqual([
      ['"tnt_i-v1"', 412],
      ['"tnt_i-v2"', 200],
    ]);
    expect(initech.settings).toMatchObject({ theirs: true, session_timeout: 15, mfa_required: true });

    await user.click(within(progress).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Bulk actions' })).not.toBeInTheDocument());
  });

  it('selects all 25 matching tenants (past the page on screen) and applies to them all', async () => {
    const many = Array.from({ length: 25 }, (_, i) => tenant(`tnt_${String(i).padStart(2, '0')}`, `Tenant ${String(i).padStart(2, '0')}`));
    const server = serve(many, { paged: true });
    const { user } = renderWithProviders(<TenantsList />, { route: '/tenants' });

    const table = await screen.findByRole('table', { name: 'Tenants' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 20 on this page' }));
    await user.click(await screen.findByRole('button', { name: 'Select all 25 matching tenants' }));
    expect(await screen.findByText('All 25 matching tenants are selected.')).toBeInTheDocument();
    // Fetched 100 a page through the list's filters.
    expect(server.listQueries.some((q) => q.get('per_page') === '100')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Apply security policy to 25 tenants' }));
    const confirm = await screen.findByRole('dialog', { name: 'Apply a security policy to 25 tenants?' });
    await user.click(within(confirm).getByRole('radio', { name: 'Preset: ScaiKey default' }));
    await user.click(within(confirm).getByRole('radio', { name: 'Preset: NIST SP 800-63B' }));
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to 25 tenants' }));
    const progress = await screen.findByRole('dialog', { name: 'Apply a security policy to 25 tenants' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 25 done.'));
    // The names of the rows no page showed came with the selection.
    expect(resultsOf(progress)).toContain('Tenant 24: Done');
    expect(new Set(server.patches.map((p) => p.id)).size).toBe(25);
  }, 60_000);

  it("copies another tenant's password policy, and only it", async () => {
    const source = tenant('tnt_s', 'Strict Co', {
      ...defaults(),
      mfa_required: true,
      password_policy: { ...DEFAULT_SETTINGS.password_policy, min_length: 14, max_age_days: 60, history_count: 3 },
    });
    const target = tenant('tnt_t', 'Target Inc', { ...defaults(), session_timeout: 45, password_policy: { ...DEFAULT_SETTINGS.password_policy, legacy_rule: 'keep' } });
    const server = serve([source, target]);
    const { user } = renderWithProviders(<ApplyPolicyButton tenants={[{ id: target.id, name: target.name }]} />);

    await user.click(screen.getByRole('button', { name: 'Apply a security policy' }));
    const confirm = await screen.findByRole('dialog', { name: 'Apply a security policy to 1 tenant?' });
    await user.click(within(confirm).getByRole('radio', { name: 'Another tenant’s password policy' }));
    const picker = await within(confirm).findByRole('combobox', { name: 'Copy the password policy of' });
    await user.type(picker, 'Strict');
    await user.click(await screen.findByRole('option', { name: /Strict Co/ }));

    expect(await within(confirm).findByText(/Password policy of Strict Co: At least 14 characters/)).toHaveTextContent(
      'Password policy of Strict Co: At least 14 characters with upper and lower case, a digit and a symbol; expires after 60 days; the last 3 passwords cannot be reused.',
    );
    const changes = within(confirm).getByRole('region', { name: 'What changes' });
    expect(changes).toHaveTextContent('The password policy of Strict Co is applied to 1 tenant');
    expect(within(changes).queryByText(/MFA|Session timeout/)).not.toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to 1 tenant' }));

    const progress = await screen.findByRole('dialog', { name: 'Apply a security policy to 1 tenant' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done.'));
    expect(server.patches).toHaveLength(1);
    expect(server.patches[0]!.settings).toEqual({
      ...defaults(),
      session_timeout: 45,
      password_policy: { ...DEFAULT_SETTINGS.password_policy, min_length: 14, max_age_days: 60, history_count: 3, legacy_rule: 'keep' },
    });
  });
});

describe('Apply security policy to the tenants a filter matches', () => {
  it('finds them through the list filters and applies to those only', async () => {
    const lax = tenant('tnt_l', 'Lax Ltd');
    const strict = tenant('tnt_s', 'Strict Co', { ...defaults(), mfa_required: true });
    const server = serve([lax, strict]);
    const { user } = renderWithProviders(<ApplyPolicyButton filter={{ mfa_required: 'false' }} label="Apply a policy to these" />);

    await user.click(screen.getByRole('button', { name: 'Apply a policy to these' }));
    const confirm = await screen.findByRole('dialog', { name: 'Apply a security policy to 1 tenant?' });
    expect(server.listQueries[0]?.get('mfa_required')).toBe('false');
    await user.click(within(confirm).getByRole('radio', { name: 'Preset: NIST SP 800-63B' }));
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to 1 tenant' }));
    const progress = await screen.findByRole('dialog', { name: 'Apply a security policy to 1 tenant' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Finished: 1 done.'));
    expect(resultsOf(progress)).toEqual(['Lax Ltd: Done']);
    expect(server.patches.map((p) => p.id)).toEqual(['tnt_l']);
  });

  it('a server that ignores the filter gets nothing applied, and says why', async () => {
    const server = serve([tenant('tnt_l', 'Lax Ltd'), tenant('tnt_s', 'Strict Co', { ...defaults(), mfa_required: true })], { ignoreFilters: true });
    const { user } = renderWithProviders(<ApplyPolicyButton filter={{ mfa_required: 'false' }} />);

    await user.click(screen.getByRole('button', { name: 'Apply a security policy' }));
    const confirm = await screen.findByRole('dialog', { name: 'Apply a security policy to the matching tenants?' });
    expect(await within(confirm).findByText(/Could not find the tenants: Filtering tenants by MFA required is not available on this server/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('radio', { name: 'Preset: PCI DSS v4.0' }));
    await user.click(within(confirm).getByRole('button', { name: 'Apply a security policy to the matching tenants' }));
    // The confirmation refuses, in its own alert under the first.
    await waitFor(() => expect(within(confirm).getAllByRole('alert')).toHaveLength(2));
    expect(within(confirm).getAllByRole('alert')[1]).toHaveTextContent('Filtering tenants by MFA required is not available on this server.');
    expect(screen.queryByRole('dialog', { name: /^Apply a security policy to .*[^?]$/ })).not.toBeInTheDocument();
    expect(server.patches).toEqual([]);
  });
});
