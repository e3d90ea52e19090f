import { auditEntry } from '@/testing/audit-fixtures';
import { actionLabel, actionText, changeRows, changesSummary, humanizeAction, resourceTypeLabel } from './words';

const entry = auditEntry;

describe('actionText', () => {
  it.each([
    ['tenant.settings_updated', 'Acme Corporation', 'changed the security settings of Acme Corporation'],
    ['tenant.created', 'Acme Corporation', 'created the tenant Acme Corporation'],
    ['tenant.deleted', 'Acme Corporation', 'deleted the tenant Acme Corporation'],
    ['tenant.updated', 'Acme Corporation', 'changed the tenant Acme Corporation'],
    ['admin_role.assigned', 'Tenant Admin of Acme Corporation for Ana Lima', 'assigned Tenant Admin of Acme Corporation for Ana Lima'],
    ['admin_role.revoked', 'Super Admin for Root Admin', 'revoked Super Admin for Root Admin'],
    ['admin_role.updated', 'Super Admin for Root Admin', 'changed Super Admin for Root Admin'],
    ['user.removed_as_orphan', 'Ana Lima', 'removed the user Ana Lima (no admin roles left)'],
    ['admin_account.created', 'Ana Lima (ana@x.test)', 'created the admin account Ana Lima (ana@x.test)'],
    ['admin_account.deleted', 'Ana Lima (ana@x.test)', 'deleted the admin account Ana Lima (ana@x.test)'],
    ['auth.sign_in_succeeded', 'ana@x.test', 'signed in'],
    ['auth.signed_out', 'ana@x.test', 'signed out'],
  ])('%s → %s', (action, name, text) => {
    expect(actionText(entry({ action, resource_name: name }))).toBe(text);
  });

  it('says who a failed sign-in tried to be, even without a resource name', () => {
    expect(actionText(entry({ action: 'auth.sign_in_failed', result: 'failure', resource_name: 'x@y.test' }))).toBe(
      'failed to sign in as x@y.test',
    );
    expect(
      actionText(entry({ action: 'auth.sign_in_failed', result: 'failure', resource_name: null, resource_id: null, actor_email: 'x@y.test' })),
    ).toBe('failed to sign in as x@y.test');
  });

  it('says a refused attempt was only tried', () => {
    expect(actionText(entry({ action: 'tenant.created', result: 'failure', resource_name: 'Dup' }))).toBe('tried to create the tenant Dup');
  });

  it('reads an action it does not know, and falls back to the id without a name', () => {
    expect(humanizeAction('foo.bar_baz')).toBe('foo: bar baz');
    expect(actionText(entry({ action: 'foo.bar_baz', resource_name: null, resource_id: null }))).toBe('foo: bar baz');
    expect(actionText(entry({ action: 'foo.bar_baz', resource_name: 'X' }))).toBe('foo: bar baz (X)');
    expect(actionText(entry({ action: 'tenant.deleted', resource_name: null, resource_id: 'tnt_9' }))).toBe('deleted the tenant tnt_9');
  });

  it('names actions and resource types for the filters', () => {
    expect(actionLabel('tenant.settings_updated')).toBe('Tenant security settings changed');
    expect(actionLabel('foo.bar_baz')).toBe('Foo: bar baz');
    expect(resourceTypeLabel('admin_role')).toBe('Role assignment');
    expect(resourceTypeLabel('api_key')).toBe('Api key');
  });
});

describe('changes in words', () => {
  it('puts security settings as the contract names them', () => {
    expect(
      changesSummary({
        'settings.password_policy.min_length': { before: 8, after: 12 },
        'settings.mfa_methods': { before: ['totp'], after: ['totp', 'webauthn'] },
        'settings.session_timeout': { before: 480, after: 60 },
        'settings.mfa_required': { before: false, after: true },
      }),
    ).toBe(
      'Minimum password length: 8 → 12; MFA methods: TOTP → TOTP, WebAuthn; Session timeout: 8 hours → 1 hour; MFA required: No → Yes',
    );
    expect(changesSummary({ 'settings.session_timeout': { before: 90, after: 43_200 } })).toBe(
      'Session timeout: 1 hour and 30 minutes → 30 days',
    );
    expect(changesSummary({ 'settings.password_policy.max_age_days': { before: null, after: 90 } })).toBe(
      'Password expires after: — → 90 days',
    );
  });

  it('puts the other fields plainly, and a password only as set', () => {
    const rows = changeRows({
      status: { before: 'ACTIVE', after: 'SUSPENDED' },
      name: { before: null, after: 'Acme' },
      is_active: { before: true, after: false },
      password: { before: null, after: 'set' },
      expires_at: { before: null, after: '2026-12-03T10:00:00Z' },
    });
    expect(rows.map((r) => `${r.field}: ${r.before} → ${r.after}`)).toEqual([
      'Status: Active → Suspended',
      'Name: — → Acme',
      'Active: Yes → No',
      'Password: — → Set',
      expect.stringMatching(/^Expires: — → .*2026/),
    ]);
  });

  it('shows an unknown field as its path made readable, with the raw values as JSON', () => {
    expect(changeRows({ 'settings.ip_allowlist': { before: null, after: ['10.0.0.0/8'] } })).toEqual([
      { path: 'settings.ip_allowlist', field: 'Settings › ip allowlist', before: '—', after: '["10.0.0.0/8"]' },
    ]);
    expect(changesSummary(null)).toBe('');
  });

  it('marks a partner, tenant or user id for the screen to name, keeping the id as the text', () => {
    expect(changeRows({ partner_id: { before: 'prt_a', after: null }, user_id: { before: null, after: 'usr_b' } })).toEqual([
      { path: 'partner_id', field: 'Partner', before: 'prt_a', after: '—', refers: { kind: 'partner', before: 'prt_a', after: null } },
      { path: 'user_id', field: 'User', before: '—', after: 'usr_b', refers: { kind: 'user', before: null, after: 'usr_b' } },
    ]);
  });
});
