import type { Route } from '@playwright/test';
import { BulkProgressDialogPage } from './pages/bulk-progress-dialog';
import { ConfirmDialogPage } from './pages/confirm-dialog';
import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import { uniqueName } from './support/api';

/**
 * Cancel during a bulk run (issue 17): what has not started is not started, and says so; what was
 * in flight finishes and is done; the server holds exactly that. The run's writes are held back
 * with page.route until Cancel has been pressed, so the cut falls at the same place every time.
 * Suspends (PATCHes) only the tenants the test creates, removed on teardown: not @destructive.
 */

const COUNT = 8;
/** The runner's limit: this many tenants are in flight when Cancel is pressed, the rest wait. */
const CONCURRENCY = 4;

test.describe('cancel a bulk action on the tenants list', () => {
  test('Cancel while 4 of 8 suspends are in flight: those 4 are done, the other 4 are not started, on screen and on the server', { tag: ['@faults', '@a11y'] }, async ({
    page,
    tenants,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const prefix = uniqueName('E2E Cancel');
    const seeded = await tenants.createNumbered(prefix, COUNT);
    const byName = new Map(seeded.map((t) => [t.name, t]));
    const ids = new Set(seeded.map((t) => t.id));

    await tenantsPage.goTo(`?search=${encodeURIComponent(prefix)}`);
    await tenantsPage.assertOnlyRows(seeded.map((t) => t.name));
    // The run goes through the tenants in the order they were selected: the page's, top to bottom.
    const order = (await tenantsPage.rowNames()).map((name) => byName.get(name)!);
    expect(order).toHaveLength(COUNT);
    const [started, notStarted] = [order.slice(0, CONCURRENCY), order.slice(CONCURRENCY)];

    // Every PATCH of these tenants waits until the test lets it through.
    const patched: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ours = (url: URL) => ids.has(url.pathname.split('/').pop() ?? '');
    /** The held requests' handlers, to let them finish before the route goes (also when the test fails half-way). */
    const handlers: Promise<void>[] = [];
    const hold = (route: Route) => {
      const handled = (async () => {
        if (route.request().method() === 'PATCH') {
          patched.push(new URL(route.request().url()).pathname.split('/').pop()!);
          await gate;
        }
        await route.continue();
      })();
      handlers.push(handled);
      return handled;
    };
    await page.route(ours, hold);

    try {
      await tenantsPage.selectPage(COUNT);
      await tenantsPage.assertSelected(COUNT);
      await tenantsPage.clickBulkAction(`Suspend ${COUNT} tenants`);
      await new ConfirmDialogPage(page, `Suspend ${COUNT} tenants?`).confirm(`Suspend ${COUNT} tenants`);
      const progress = new BulkProgressDialogPage(page, `Suspend ${COUNT} tenants`);
      await progress.assertOpen();

      // Four writes are out (the runner's limit), none answered; the other four wait their turn.
      await expect.poll(() => patched.length, { message: 'the first four suspends are sent' }).toBe(CONCURRENCY);
      await progress.assertProgress(`0 of ${COUNT}`);
      await progress.assertResults([...started.map((t) => `${t.name}: In progress`), ...notStarted.map((t) => `${t.name}: Waiting`)]);
      expect([...patched].sort()).toEqual(started.map((t) => t.id).sort());

      await progress.cancel();
      // The run does not end before the four sent are answered: it says it waits for them.
      await progress.assertCancelling();
      await progress.assertProgress(`${COUNT - CONCURRENCY} of ${COUNT}`);
      await progress.assertResults([...started.map((t) => `${t.name}: In progress`), ...notStarted.map((t) => `${t.name}: Not started (cancelled)`)]);

      release();
      await progress.assertFinished(`${CONCURRENCY} done, ${COUNT - CONCURRENCY} not started`);
      await progress.assertProgress(`${COUNT} of ${COUNT}`);
      await progress.assertResults([...started.map((t) => `${t.name}: Done`), ...notStarted.map((t) => `${t.name}: Not started (cancelled)`)]);
      // Nothing to retry: nothing failed.
      await progress.assertNoRetry();
      await expectNoAxeViolations(makeAxeBuilder());
      // No write went out for a tenant that was not started.
      expect(patched).toHaveLength(CONCURRENCY);

      await progress.close();
      // The list refreshed: the four done are suspended, the others still active and still selected, ready for another try.
      for (const tenant of started) await tenantsPage.assertRow(tenant.name, ['Suspended']);
      for (const tenant of notStarted) await tenantsPage.assertRow(tenant.name, ['Active']);
      await tenantsPage.assertSelected(COUNT - CONCURRENCY);
      await expect(tenantsPage.bulkAction(`Suspend ${COUNT - CONCURRENCY} tenants`)).toBeVisible();
    } finally {
      release();
      await Promise.allSettled(handlers);
      await page.unroute(ours, hold);
    }

    // The server agrees: the four done are suspended; the four not started were not written at all.
    for (const tenant of started) expect((await tenants.get(tenant.id))?.status).toBe('SUSPENDED');
    for (const tenant of notStarted) {
      const now = await tenants.get(tenant.id);
      expect(now?.status).toBe('ACTIVE');
      expect(now?.updated_at).toBe(tenant.updated_at);
    }
  });
});
