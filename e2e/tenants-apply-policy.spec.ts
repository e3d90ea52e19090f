import { BulkProgressDialogPage } from './pages/bulk-progress-dialog';
import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import type { Tenant, TenantSeeder } from './pages/tenant-seeder';
import type { TenantsPage } from './pages/tenants-page';
import { uniqueName } from './support/api';

/**
 * Apply a security policy to many tenants (issue 18): select tenants on the list, choose PCI DSS
 * v4.0, confirm what is set, and see each tenant's result; every tenant is read, merged (its other
 * settings and unknown keys kept) and saved with If-Match. Writes only the tenants each test
 * creates (removed on teardown): not @destructive.
 */

/** What PCI DSS v4.0 sets, as the server then holds it. */
const PCI_SETTINGS = {
  mfa_required: true,
  mfa_methods: ['totp', 'webauthn'],
  password_policy: { min_length: 12, require_uppercase: false, require_lowercase: true, require_digit: true, require_special: false, max_age_days: 90, history_count: 4 },
  session_timeout: 15,
} satisfies Tenant['settings'];

/** The confirmation's words for it, one line per setting. */
const PCI_LINES = [
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
];

/** Tenants sharing a unique prefix, listed alone by searching for it, all selected. */
async function seedAndSelect(tenants: TenantSeeder, tenantsPage: TenantsPage, settings: (Tenant['settings'] | undefined)[]) {
  const prefix = uniqueName('E2E Policy');
  const seeded: Tenant[] = [];
  for (const [i, s] of settings.entries()) seeded.push(await tenants.create({ name: `${prefix} ${'ABC'[i]}`, ...(s ? { settings: s } : {}) }));
  await tenantsPage.goTo(`?search=${encodeURIComponent(prefix)}`);
  await tenantsPage.assertOnlyRows(seeded.map((t) => t.name));
  for (const tenant of seeded) await tenantsPage.selectRow(tenant.name);
  return seeded;
}

test.describe('apply a security policy from the tenants list', () => {
  test('select three tenants, apply PCI DSS v4.0, see three done; each holds it, with its unknown settings kept', { tag: ['@smoke', '@a11y'] }, async ({
    page,
    tenants,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const withExtras = {
      ...PCI_SETTINGS,
      mfa_required: false,
      session_timeout: 480,
      ip_allowlist: ['10.0.0.0/8'],
      password_policy: { ...PCI_SETTINGS.password_policy, min_length: 8, breached_password_check: true },
    } as Tenant['settings'];
    const seeded = await seedAndSelect(tenants, tenantsPage, [withExtras, undefined, undefined]);

    const dialog = await tenantsPage.openApplyPolicy('3 tenants');
    await tenantsPage.choosePolicyPreset(dialog, 'PCI DSS v4.0');
    await expect(dialog.getByText('Passwords expire after 90 days; the last 4 cannot be reused.')).toBeVisible();
    await tenantsPage.assertPolicyChanges(dialog, 'PCI DSS v4.0 is applied to 3 tenants', PCI_LINES);
    await expectNoAxeViolations(makeAxeBuilder());
    await tenantsPage.confirmApplyPolicy(dialog, '3 tenants');

    const progress = new BulkProgressDialogPage(page, 'Apply a security policy to 3 tenants');
    await progress.assertFinished('3 done');
    await progress.assertResults(seeded.map((t) => `${t.name}: Done`));
    await progress.assertNoRetry();
    await expectNoAxeViolations(makeAxeBuilder());
    await progress.close();
    await expect(tenantsPage.bulkActions).toBeHidden();

    for (const tenant of seeded) expect((await tenants.get(tenant.id))?.settings).toMatchObject(PCI_SETTINGS);
    // The keys this console does not know, top level and in the password policy, are still there.
    expect((await tenants.get(seeded[0]!.id))?.settings).toMatchObject({
      ip_allowlist: ['10.0.0.0/8'],
      password_policy: { breached_password_check: true },
    });
  });

  test('a tenant changed by someone else meanwhile is read again and still gets the policy (412 retried); one that has it is skipped', { tag: '@faults' }, async ({
    page,
    tenants,
    tenantsPage,
  }) => {
    const [meets, changed] = await seedAndSelect(tenants, tenantsPage, [PCI_SETTINGS, undefined]);
    // Someone saves the tenant between the run's read and its PATCH: the PATCH carries a stale If-Match.
    const patches: string[] = [];
    await page.route(`**/api/v1/admin/tenants/${changed!.id}`, async (route) => {
      const request = route.request();
      if (request.method() === 'PATCH') {
        patches.push(request.headers()['if-match'] ?? '');
        if (patches.length === 1) await tenants.update(changed!.id, { contact_email: 'meanwhile@e2e.example' });
      }
      await route.continue();
    });

    const dialog = await tenantsPage.openApplyPolicy('2 tenants');
    await tenantsPage.choosePolicyPreset(dialog, 'PCI DSS v4.0');
    await tenantsPage.confirmApplyPolicy(dialog, '2 tenants');
    const progress = new BulkProgressDialogPage(page, 'Apply a security policy to 2 tenants');
    await progress.assertFinished('1 done, 1 skipped');
    await progress.assertResults([`${meets!.name}: Skipped: already meets it`, `${changed!.name}: Done`]);

    // Two PATCHes, each with the ETag it read: the first answered 412, the second saved.
    expect(patches).toHaveLength(2);
    expect(patches[0]).not.toBe(patches[1]);
    const saved = await tenants.get(changed!.id);
    expect(saved?.contact_email).toBe('meanwhile@e2e.example');
    expect(saved?.settings).toMatchObject(PCI_SETTINGS);
    // The one that met it was not written.
    expect((await tenants.get(meets!.id))?.updated_at).toBe(meets!.updated_at);
    await page.unroute(`**/api/v1/admin/tenants/${changed!.id}`);
  });
});
