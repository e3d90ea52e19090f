import { expect, test } from './fixtures';

// What the admin sees when the network or ScaiKey misbehave. Saving forms under faults is
// covered next to each form (role-assignments*.spec.ts, tenants*.spec.ts), tagged @faults too.
test.describe('network faults', { tag: '@faults' }, () => {
  test('offline: a banner says so, and it clears when the network returns', async ({ page, shell }) => {
    await shell.goTo('tenants');
    await shell.assertHeading('Tenants');
    await expect(shell.offlineBanner).toHaveCount(0);

    await page.context().setOffline(true);
    await expect(shell.offlineBanner).toBeVisible();
    // The page itself stays usable: still there, still navigable.
    await shell.assertHeading('Tenants');

    await page.context().setOffline(false);
    await expect(shell.offlineBanner).toHaveCount(0);
    await shell.assertHeading('Tenants');
  });
});
