import { act, render, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { Tenant } from '../schemas';
import { SaveReviewDialog } from './save-review-dialog';
import { TenantDetail } from './tenant-detail';
import { tenantRecord } from '@/testing/tenant-fixtures';

/**
 * The tenant page's security settings (issue 18): a preset fills the form, Save shows the review
 * first, the password tester keeps its sample to itself, and a save that meets someone else's
 * opens the conflict view, per field, checking again.
 */

const SETTINGS = {
  mfa_required: false,
  mfa_methods: ['totp'],
  password_policy: {
    min_length: 8,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: true,
    max_age_days: null,
    history_count: 0,
    breached_password_check: true,
  },
  session_timeout: 480,
  ip_allowlist: ['10.0.0.0/8'],
};

const acme = (): Tenant => tenantRecord({ settings: structuredClone(SETTINGS) as Tenant['settings'] });

/** A tenant server with ETags: If-Match must be the current version's, else 412. */
function serve(initial: Tenant) {
  let current = initial;
  let version = 1;
  const patches: { body: Record<string, unknown>; ifMatch: string | null }[] = [];
  let beforeNextPatch: (() => void) | null = null;
  const etag = () => `"v${version}"`;
  const fetchMock = mockFetch({
    'GET /api/v1/admin/tenants/tnt_acme': () => jsonResponse(200, current, { ETag: etag() }),
    'PATCH /api/v1/admin/tenants/tnt_acme': async (request) => {
      const body = (await request.json()) as Record<string, unknown>;
      const ifMatch = request.headers.get('If-Match');
      patches.push({ body, ifMatch });
      beforeNextPatch?.();
      beforeNextPatch = null;
      if (ifMatch && ifMatch !== etag()) return jsonResponse(412, { detail: 'The tenant changed since it was read' });
      bump(body);
      return jsonResponse(200, current, { ETag: etag() });
    },
    'GET /api/v1/admin/audit/': () => jsonResponse(200, { items: [], total: 0, page: 1, per_page: 20, pages: 0 }),
  });
  /** Someone else saves. */
  function bump(body: Record<string, unknown>) {
    version += 1;
    current = { ...current, ...body, updated_at: `2025-01-0${version}T00:00:00Z` } as Tenant;
  }
  const theySave = (change: (t: Tenant) => Partial<Tenant>) => bump(change(current) as Record<string, unknown>);
  return {
    patches,
    fetchMock,
    theySave,
    /** They save between our read and our PATCH: only If-Match can tell. */
    theySaveBeforeNextPatch: (change: (t: Tenant) => Partial<Tenant>) => {
      beforeNextPatch = () => theySave(change);
    },
    current: () => current,
  };
}

async function openPage() {
  const rendered = renderWithProviders(<TenantDetail tenantId="tnt_acme" />, { route: '/tenants/tnt_acme' });
  const form = await screen.findByRole('form', { name: 'Security settings' }, { timeout: 10_000 });
  return { ...rendered, form };
}

const spin = (form: HTMLElement, name: string) => within(form).getByRole('spinbutton', { name });

describe('presets and the review before a save', { timeout: 60_000 }, () => {
  it('fills the form from PCI DSS, saves nothing until the review is confirmed, and keeps unknown keys', async () => {
    const server = serve(acme());
    const { user, form } = await openPage();

    const pci = screen.getByRole('region', { name: 'PCI DSS v4.0' });
    expect(pci).toHaveTextContent('Passwords expire after 90 days; the last 4 cannot be reused.');
    expect(within(pci).getByRole('link', { name: /PCI DSS v4.0, Requirement 8/ })).toHaveAttribute('href', expect.stringMatching(/^https:/));
    await user.click(within(pci).getByRole('button', { name: 'Fill in PCI DSS v4.0' }));
    expect(screen.getByText(/Filled in from PCI DSS v4.0/)).toBeInTheDocument();
    expect(spin(form, 'Minimum length (characters)')).toHaveValue(12);
    expect(spin(form, 'Session timeout (minutes)')).toHaveValue(15);
    expect(server.patches).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Save security settings' }));
    let review = await screen.findByRole('dialog', { name: 'Save changes to Acme’s security settings?' });
    const changes = within(within(review).getByRole('list', { name: 'Changes' })).getAllByRole('listitem');
    expect(changes.map((li) => li.textContent)).toEqual([
      'MFA required: No → Yes',
      'MFA methods: TOTP → TOTP, WebAuthn',
      'Minimum password length: 8 → 12',
      'Password needs an uppercase letter: Yes → No',
      'Password needs a special character: Yes → No',
      'Password expires after: — → 90 days',
      'Passwords remembered: 0 → 4',
      'Session timeout: 8 hours → 15 minutes',
    ]);

    // Cancel: back to the form, everything kept, nothing sent.
    await user.click(within(review).getByRole('button', { name: 'Back to the form' }));
    await waitFor(() => expect(review).not.toBeInTheDocument());
    expect(spin(form, 'Minimum length (characters)')).toHaveValue(12);
    expect(server.patches).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Save security settings' }));
    review = await screen.findByRole('dialog', { name: /^Save changes to Acme/ });
    await user.click(within(review).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Security settings saved')).toBeInTheDocument();
    expect(server.patches).toHaveLength(1);
    expect(server.patches[0]!.ifMatch).toBe('"v1"');
    expect(server.patches[0]!.body).toEqual({
      settings: {
        ...SETTINGS,
        mfa_required: true,
        mfa_methods: ['totp', 'webauthn'],
        password_policy: {
          ...SETTINGS.password_policy,
          min_length: 12,
          require_uppercase: false,
          require_special: false,
          max_age_days: 90,
          history_count: 4,
        },
        session_timeout: 15,
      },
    });
  });

  it('says when a preset is already what the form holds', async () => {
    serve(acme());
    const { user } = await openPage();
    // The loaded settings are the contract's defaults (and an unknown key, which no preset touches).
    await user.click(screen.getByRole('button', { name: 'Fill in ScaiKey default' }));
    expect(screen.getByText('The form already holds the settings of ScaiKey default.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save security settings' })).toBeDisabled();
  });
});

describe('the review dialog', () => {
  it('says when nothing has changed and offers only the way back', () => {
    const onCancel = vi.fn();
    render(<SaveReviewDialog open tenantName="Acme" rows={[]} onConfirm={vi.fn()} onCancel={onCancel} />);
    const dialog = screen.getByRole('dialog', { name: 'Nothing to save' });
    expect(dialog).toHaveTextContent('nothing has changed');
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Back to the form']);
  });
});

describe('the password tester', { timeout: 60_000 }, () => {
  it('marks each rule of the policy as it stands in the form, and keeps the sample out of every request', async () => {
    const server = serve(acme());
    const { user, form } = await openPage();
    const tester = await screen.findByRole('region', { name: 'Try the password policy' });
    const sample = within(tester).getByLabelText('Sample password');
    expect(sample).toHaveAttribute('type', 'password');
    expect(sample).toHaveAttribute('autocomplete', 'off');
    expect(sample).not.toHaveAttribute('name');
    expect(form.contains(sample)).toBe(false);
    expect(sample.closest('form')).toBeNull();

    await user.type(sample, 'hunter2');
    const rules = () => within(within(tester).getByRole('list', { name: 'Rules for the sample' })).getAllByRole('listitem');
    expect(rules().map((li) => li.textContent)).toEqual([
      'At least 8 characters: Fail',
      'An uppercase letter: Fail',
      'A lowercase letter: Pass',
      'A digit: Pass',
      'A special character (neither a letter nor a digit): Fail',
    ]);

    // The policy as typed, not as saved.
    await user.clear(spin(form, 'Minimum length (characters)'));
    await user.type(spin(form, 'Minimum length (characters)'), '7');
    await user.click(within(form).getByRole('checkbox', { name: 'Require an uppercase letter' }));
    expect(rules()[0]).toHaveTextContent('At least 7 characters: Pass');
    expect(rules().map((li) => li.textContent)).not.toContain('An uppercase letter: Fail');

    await user.click(within(tester).getByRole('button', { name: 'Show sample password' }));
    expect(sample).toHaveAttribute('type', 'text');
    expect(within(tester).getByRole('button', { name: 'Show sample password' })).toHaveAttribute('aria-pressed', 'true');

    // Announced once typing pauses, as one summary.
    await waitFor(() => expect(within(tester).getByRole('status')).toHaveTextContent(/^Meets 3 of 4 rules\. Not met: a special character/), {
      timeout: 2000,
    });

    // Save the policy: the sample appears in no request (URL or body).
    await user.clear(spin(form, 'Minimum length (characters)'));
    await user.type(spin(form, 'Minimum length (characters)'), '10');
    await user.click(within(form).getByRole('button', { name: 'Save security settings' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Save changes/ })).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Security settings saved');
    const calls = server.fetchMock.mock.calls as unknown as [Request | string][];
    expect(calls.length).toBeGreaterThan(0);
    for (const [input] of calls) {
      const request = input instanceof Request ? input : new Request(input);
      expect(request.url).not.toContain('hunter2');
      expect(JSON.stringify([...request.headers])).not.toContain('hunter2');
    }
    // Every body sent was a PATCH, recorded as it came.
    expect(calls.filter(([input]) => input instanceof Request && input.method !== 'GET')).toHaveLength(server.patches.length);
    expect(JSON.stringify(server.patches)).not.toContain('hunter2');
    expect(window.location.href).not.toContain('hunter2');
  });
});

describe('the conflict view', { timeout: 60_000 }, () => {
  it('shows each field that differs (loaded, theirs, yours), saves the choices per field, and checks again', async () => {
    const server = serve(acme());
    const { user, form } = await openPage();

    // They change the minimum length and the session timeout; we change the length and MFA.
    server.theySave((t) => ({ settings: { ...t.settings, session_timeout: 60, password_policy: { ...SETTINGS.password_policy, min_length: 10 } } }));
    await user.clear(spin(form, 'Minimum length (characters)'));
    await user.type(spin(form, 'Minimum length (characters)'), '14');
    await user.click(within(form).getByRole('switch', { name: 'Require MFA' }));
    await user.click(within(form).getByRole('button', { name: 'Save security settings' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Save changes/ })).getByRole('button', { name: 'Confirm' }));

    let view = await screen.findByRole('dialog', { name: 'Someone else changed this tenant' });
    const table = () => screen.getByRole('table', { name: 'Fields that differ' });
    const rowText = () => within(table()).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent).join(' | '));
    expect(within(table()).getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'MFA required',
      'Minimum password length Both changed: choose one',
      'Session timeout',
    ]);
    expect(rowText()).toEqual([
      'No | No | Yes | TheirsYours',
      '8 | 10 | 14 | TheirsYours',
      '8 hours | 1 hour | 8 hours | TheirsYours',
    ]);
    const choice = (field: string, side: 'Theirs' | 'Yours') => within(within(view).getByRole('radiogroup', { name: field })).getByRole('radio', { name: side });
    expect(choice('MFA required', 'Yours')).toBeChecked();
    expect(choice('Session timeout', 'Theirs')).toBeChecked();
    expect(choice('Minimum password length', 'Theirs')).not.toBeChecked();
    expect(choice('Minimum password length', 'Yours')).not.toBeChecked();
    expect(server.patches).toEqual([]);

    // Saving without a choice where both changed names the field.
    await user.click(within(view).getByRole('button', { name: 'Save with these choices' }));
    expect(within(view).getByRole('alert')).toHaveTextContent('Choose theirs or yours for: Minimum password length.');
    await user.click(choice('Minimum password length', 'Yours'));
    await waitFor(() => expect(within(view).queryByRole('alert')).not.toBeInTheDocument());

    // They save once more before ours lands: the server answers 412 and the view shows their newest.
    server.theySaveBeforeNextPatch((t) => ({ settings: { ...t.settings, session_timeout: 30 } }));
    await user.click(within(view).getByRole('button', { name: 'Save with these choices' }));
    await waitFor(() => expect(within(view).getByText(/these are their newest values/)).toBeInTheDocument());
    view = screen.getByRole('dialog', { name: 'Someone else changed this tenant' });
    expect(server.patches.at(-1)!.ifMatch).toBe('"v2"');
    // The choices made stand; what they changed since is marked, and suggested.
    expect(rowText()).toEqual(['No | No | Yes | TheirsYours', '8 | 10 | 14 | TheirsYours', '8 hours | 30 minutes | 1 hour | TheirsYours']);
    expect(screen.getByRole('rowheader', { name: /^Session timeout/ })).toHaveTextContent('They changed it again');
    expect(choice('Minimum password length', 'Yours')).toBeChecked();
    expect(choice('Session timeout', 'Theirs')).toBeChecked();
    await user.click(choice('Session timeout', 'Yours'));
    await user.click(within(view).getByRole('button', { name: 'Save with these choices' }));

    expect(await screen.findByText('Security settings saved')).toBeInTheDocument();
    await waitFor(() => expect(view).not.toBeInTheDocument());
    const saved = server.current().settings as typeof SETTINGS;
    expect(saved).toMatchObject({ mfa_required: true, session_timeout: 60, ip_allowlist: ['10.0.0.0/8'] });
    expect(saved.password_policy).toMatchObject({ min_length: 14, breached_password_check: true });
    expect(server.patches.at(-1)!.ifMatch).toBe('"v3"');
    expect(spin(form, 'Session timeout (minutes)')).toHaveValue(60);
  });

  it('Keep editing closes the view with the form as typed; Discard mine shows theirs', async () => {
    const server = serve(acme());
    const { user, form } = await openPage();
    server.theySave((t) => ({ settings: { ...t.settings, session_timeout: 60 } }));
    await user.clear(spin(form, 'Minimum length (characters)'));
    await user.type(spin(form, 'Minimum length (characters)'), '14');
    const save = async () => {
      await user.click(within(form).getByRole('button', { name: 'Save security settings' }));
      await user.click(within(await screen.findByRole('dialog', { name: /^Save changes/ })).getByRole('button', { name: 'Confirm' }));
      return screen.findByRole('dialog', { name: 'Someone else changed this tenant' });
    };
    let view = await save();
    await user.click(within(view).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(view).not.toBeInTheDocument());
    expect(spin(form, 'Minimum length (characters)')).toHaveValue(14);

    view = await save();
    await user.click(within(view).getByRole('button', { name: 'Discard mine, show theirs' }));
    await waitFor(() => expect(spin(form, 'Session timeout (minutes)')).toHaveValue(60));
    expect(spin(form, 'Minimum length (characters)')).toHaveValue(8);
    expect(server.patches).toEqual([]);
    await act(async () => undefined);
  });
});
