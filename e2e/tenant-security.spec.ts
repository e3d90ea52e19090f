import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import { TenantPage } from './pages/tenant-page';
import { E2E } from './support/env';

/**
 * Issue 18 on the tenant page: a preset fills the form and is saved through the review; the
 * password tester judges a sample against the policy as typed; two admins editing one tenant at
 * once, the second gets the conflict view and keeps some of each.
 */

test.describe('security presets and the review before a save', () => {
  test('PCI DSS v4.0 fills the form, the review lists every change, and the saved values read back after a reload', { tag: '@a11y' }, async ({
    page,
    tenants,
    tenantPage,
    makeAxeBuilder,
  }) => {
    // The contract's defaults (the password policy filled in by the server), and a key the console does not know.
    const tenant = await tenants.create({ settings: { mfa_required: false, mfa_methods: ['totp'], session_timeout: 480, ip_allowlist: ['10.0.0.0/8'] } });
    await tenantPage.goTo(tenant.id, tenant.name);
    await expect(tenantPage.preset('PCI DSS v4.0')).toContainText('Passwords of at least 12 characters with letters and digits.');
    await expect(tenantPage.preset('PCI DSS v4.0').getByRole('link', { name: /PCI DSS v4.0, Requirement 8/ })).toBeVisible();

    await tenantPage.fillPreset('PCI DSS v4.0');
    await expect(tenantPage.numberField('Minimum length (characters)')).toHaveValue('12');
    // Nothing saved yet.
    expect((await tenants.get(tenant.id))?.settings.password_policy?.min_length).toBe(8);

    await tenantPage.clickSaveSettings();
    expect(await tenantPage.reviewChanges()).toEqual([
      'MFA required: No → Yes',
      'MFA methods: TOTP → TOTP, WebAuthn',
      'Minimum password length: 8 → 12',
      'Password needs an uppercase letter: Yes → No',
      'Password needs a special character: Yes → No',
      'Password expires after: — → 90 days',
      'Passwords remembered: 0 → 4',
      'Session timeout: 8 hours → 15 minutes',
    ]);
    await expect(tenantPage.reviewDialog.getByRole('button', { name: 'Back to the form' })).toBeFocused();
    await expectNoAxeViolations(makeAxeBuilder());

    // Back to the form: everything kept, nothing saved; then save for real.
    await tenantPage.cancelReview();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('15');
    expect((await tenants.get(tenant.id))?.settings.session_timeout).toBe(480);
    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();

    await page.reload();
    await tenantPage.assertHeading(tenant.name);
    await expect(tenantPage.requireMfa).toBeChecked();
    await expect(tenantPage.mfaMethod('TOTP')).toBeChecked();
    await expect(tenantPage.mfaMethod('WebAuthn')).toBeChecked();
    await expect(tenantPage.numberField('Minimum length (characters)')).toHaveValue('12');
    await expect(tenantPage.numberField('Maximum age (days)')).toHaveValue('90');
    await expect(tenantPage.numberField('Passwords remembered')).toHaveValue('4');
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('15');
    await expect(tenantPage.policyCheckbox('Require an uppercase letter')).not.toBeChecked();
    await expect(tenantPage.policyCheckbox('Require a digit')).toBeChecked();
    await expect(tenantPage.otherSettings).toContainText('10.0.0.0/8');
    const saved = await tenants.get(tenant.id);
    expect(saved?.settings).toMatchObject({ mfa_required: true, session_timeout: 15, ip_allowlist: ['10.0.0.0/8'] });
  });
});

test.describe('the password tester', () => {
  test('marks a weak sample against the policy as it stands in the form, and never sends it', async ({ page, tenants, tenantPage }) => {
    const sample = 'weak-sample-pw';
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);

    await tenantPage.typeSample(sample);
    await expect(tenantPage.samplePassword).toHaveAttribute('type', 'password');
    await expect(tenantPage.sampleRules()).toHaveText([
      'At least 8 characters: Pass',
      'An uppercase letter: Fail',
      'A lowercase letter: Pass',
      'A digit: Fail',
      'A special character (neither a letter nor a digit): Pass',
    ]);
    // The policy as typed, before any save.
    await tenantPage.setNumber('Minimum length (characters)', '16');
    await expect(tenantPage.sampleRules().first()).toHaveText('At least 16 characters: Fail');
    await expect(tenantPage.passwordTester.getByRole('status')).toHaveText(/^Meets 2 of 5 rules\. Not met: at least 16 characters; an uppercase letter; a digit\.$/);

    await tenantPage.passwordTester.getByRole('button', { name: 'Show sample password' }).click();
    await expect(tenantPage.samplePassword).toHaveAttribute('type', 'text');
    await expect(tenantPage.samplePassword).toHaveValue(sample);

    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();
    expect(page.url()).not.toContain(sample);
    expect(sent.filter((line) => line.includes(sample))).toEqual([]);
  });
});

/** A second admin's browser, signed in as the same super admin, on the same tenant. */
async function secondAdmin(browser: Browser, tenantId: string, name: string): Promise<{ page: Page; tenantPage: TenantPage; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: E2E.storageState('super-admin'), baseURL: E2E.baseUrl });
  const page = await context.newPage();
  const tenantPage = new TenantPage(page);
  await tenantPage.goTo(tenantId, name);
  return { page, tenantPage, close: () => context.close() };
}

test.describe('two admins at once', () => {
  test('the second to save gets the conflict view, keeps some of each per field, and the result holds both choices', { tag: '@a11y' }, async ({
    browser,
    tenants,
    tenantPage,
    makeAxeBuilder,
  }) => {
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);
    const other = await secondAdmin(browser, tenant.id, tenant.name);
    try {
      // The other admin saves first: a 12-character minimum and a 1-hour session.
      await other.tenantPage.setNumber('Minimum length (characters)', '12');
      await other.tenantPage.setNumber('Session timeout (minutes)', '60');
      await other.tenantPage.saveSettings();
      await other.tenantPage.assertSettingsSaved();
    } finally {
      await other.close();
    }

    // We, from the version loaded before that: a 14-character minimum and MFA required.
    await tenantPage.setNumber('Minimum length (characters)', '14');
    await tenantPage.requireMfa.check();
    await tenantPage.saveSettings();
    await expect(tenantPage.conflictView).toBeVisible();
    expect(await tenantPage.conflictRows()).toEqual([
      'MFA required | No | No | Yes',
      'Minimum password length Both changed: choose one | 8 | 12 | 14',
      'Session timeout | 8 hours | 1 hour | 8 hours',
    ]);
    await expectNoAxeViolations(makeAxeBuilder());

    // A field both changed needs a choice.
    await tenantPage.saveConflictChoices();
    await expect(tenantPage.conflictView.getByRole('alert')).toHaveText('Choose theirs or yours for: Minimum password length.');

    // Ours for the length and MFA, theirs for the session.
    await tenantPage.chooseInConflict('Minimum password length', 'Yours');
    await expect(tenantPage.conflictChoice('Session timeout', 'Theirs')).toBeChecked();
    await tenantPage.saveConflictChoices();
    await tenantPage.assertSettingsSaved();
    await expect(tenantPage.conflictView).toBeHidden();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('60');

    const saved = await tenants.get(tenant.id);
    expect(saved?.settings).toMatchObject({ mfa_required: true, session_timeout: 60 });
    expect(saved?.settings.password_policy).toMatchObject({ min_length: 14 });
  });
});
