import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { adminApi, type AdminApi } from './support/api';
import { E2E } from './support/env';
import { destructiveTagProblem, noteRequest, startNoting, stopNoting } from './support/writes';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';

interface Fixtures {
  /** axe at WCAG 2.1 A/AA; a test expects `(await makeAxeBuilder().analyze()).violations` to be []. */
  makeAxeBuilder: () => AxeBuilder;
  loginPage: LoginPage;
  shell: Shell;
}

interface AutoFixtures {
  /**
   * Notes the Admin API writes of the test, lists them as a `writes` annotation, and fails a test
   * that deletes without the @destructive tag (or carries it without deleting): support/writes.ts.
   */
  destructiveTag: void;
  /** Skips, with the reason, tests tagged @stand-in when the suite runs against a deployed ScaiKey. */
  standInOnly: void;
}

interface WorkerFixtures {
  /** The Admin API as the super admin: seed preconditions and check postconditions. */
  api: AdminApi;
}

export const test = base.extend<Fixtures & AutoFixtures, WorkerFixtures>({
  makeAxeBuilder: async ({ page }, use) => {
    await use(() => new SettledAxeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']));
  },
  destructiveTag: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      startNoting();
      await use();
      const writes = stopNoting();
      if (writes.length) testInfo.annotations.push({ type: 'writes', description: [...new Set(writes)].join(', ') });
      if (testInfo.status === 'skipped') return;
      const problem = destructiveTagProblem(testInfo.tags, writes, testInfo.status === 'passed');
      if (problem) throw new Error(problem);
    },
    { auto: true },
  ],
  // The console's own requests, for destructiveTag (routed ones included).
  page: async ({ page }, use) => {
    page.on('request', (request) => noteRequest(request.method(), request.url()));
    await use(page);
  },
  standInOnly: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      testInfo.skip(
        testInfo.tags.includes('@stand-in') && !E2E.usesStandIn,
        "needs the stand-in's seed data or fault switches; E2E_BASE_URL points at a deployed environment (set E2E_STAND_IN=1 if it is the stand-in)",
      );
      await use();
    },
    { auto: true },
  ],
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  shell: async ({ page }, use) => use(new Shell(page)),
  api: [
    // Playwright reads the fixture's dependencies from this (empty) destructuring.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const api = await adminApi(E2E.accounts.superAdmin);
      // The test's own writes through the API, for destructiveTag.
      api.use({ onRequest: ({ request }) => noteRequest(request.method, request.url) });
      await use(api);
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * axe, once the page's finite animations and transitions have ended: a dialog scanned while it
 * fades in has its colours blended with the backdrop, and axe reports a contrast the user never
 * sees (a flake seen on the dark revoke dialog). Endless ones (spinners) are not waited for.
 */
class SettledAxeBuilder extends AxeBuilder {
  constructor(private readonly settledPage: Page) {
    super({ page: settledPage });
  }

  override async analyze(): ReturnType<AxeBuilder['analyze']> {
    await this.settledPage.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    return super.analyze();
  }
}

/** Scans the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(builder: AxeBuilder): Promise<void> {
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
