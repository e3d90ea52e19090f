import { expect, expectNoAxeViolations, test } from './fixtures';
import { SecurityOverviewPage } from './pages/security-overview-page';
import { TenantsPage } from './pages/tenants-page';

/** The security overview (issue 18): read-only, against whatever tenants the server holds. */
test.describe('security overview', () => {
  test('opens from the navigation, shows the counts and the tenants short of a baseline', { tag: '@smoke' }, async ({ page, shell }) => {
    const overview = new SecurityOverviewPage(page);
    await shell.goTo();
    await shell.nav.getByRole('link', { name: 'Security overview' }).click();
    await overview.assertShown();
    await expect(overview.countLink('MFA required')).toBeVisible();
    await expect(overview.countLink('Passwords never expire')).toBeVisible();
    expect((await overview.count('MFA required')) + (await overview.count('MFA not required'))).toBeGreaterThan(0);

    await overview.chooseBaseline('PCI DSS v4.0');
    await expect(page).toHaveURL(/baseline=pci-dss-4/);
    await overview.assertShortfallSummary('PCI DSS v4.0');
    const mfa = overview.shortfallSection(/^MFA not required: [\d,]+ tenants?$/);
    await expect(mfa).toBeVisible();
    // Each tenant listed says what falls short of the baseline, and links to its page.
    await expect(mfa.getByRole('listitem').first()).toContainText('MFA not required');
    await mfa.getByRole('listitem').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/tenants\/tnt_/);
  });

  // The counts are of every tenant, and tests running alongside create, change and delete tenants
  // (most with MFA not required): one of those between reading the count and the list is not a
  // mismatch. So the count and the list are read again until they agree; a real mismatch never does.
  const agreeing = { intervals: [500, 1_000, 2_000], timeout: 20_000 };

  test("the 'MFA not required' count equals the rows its link shows", async ({ page }) => {
    const overview = new SecurityOverviewPage(page);
    const tenants = new TenantsPage(page);
    await expect(async () => {
      await overview.goTo();
      const count = await overview.count('MFA not required');
      await overview.openCount('MFA not required');
      await tenants.assertShown();
      await expect(page).toHaveURL(/mfa_required=false/);
      await expect(tenants.mfaRequiredFilter).toHaveText('No');
      expect(await tenants.total()).toBe(count);
    }).toPass(agreeing);
  });

  test('a band links to both of its bounds, and the list agrees with the count', async ({ page }) => {
    const overview = new SecurityOverviewPage(page);
    const tenants = new TenantsPage(page);
    await expect(async () => {
      await overview.goTo();
      const count = await overview.count('16–60 minutes');
      await overview.openCount('16–60 minutes');
      await tenants.assertShown();
      await expect(tenants.sessionTimeoutAboveFilter).toHaveValue('15');
      await expect(page.getByRole('button', { name: 'Session timeout below 61 minutes: remove this filter' })).toBeVisible();
      expect(await tenants.total()).toBe(count);
    }).toPass(agreeing);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, { tag: '@a11y' }, () => {
    test.use({ colorScheme: scheme });

    test('the security overview has no axe violations', async ({ page, makeAxeBuilder }) => {
      const overview = new SecurityOverviewPage(page);
      await overview.goTo('?baseline=nist-800-63b');
      await expect(overview.countLink('MFA not required')).toBeVisible();
      await overview.assertShortfallSummary('NIST SP 800-63B');
      await expect(page.getByRole('region', { name: /^Session timeout above 30 minutes: / })).toBeVisible();
      await expectNoAxeViolations(makeAxeBuilder());
    });
  });
}
