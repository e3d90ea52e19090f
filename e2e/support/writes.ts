/**
 * What each test writes, seen from the requests themselves, so the `@destructive` tag cannot
 * drift from what the tests do: QA runs `--grep-invert @destructive` against staging to leave out
 * everything that deletes or revokes.
 *
 * Every request to the admin APIs that writes (POST, PUT, PATCH, DELETE) is noted while a test
 * runs: those the console sends from the page (`page` fixture; routed and faked ones too: the test
 * still asked for them) and those the test sends through the `api` fixture. Its seeders'
 * teardown (removing what the test created) is left out with `asCleanup`. When the test ends
 * (fixtures.ts):
 *
 * - a DELETE from a test without `@destructive` fails it, naming the request;
 * - a test tagged `@destructive` that passed without sending one fails too (a stale tag);
 * - every write is listed on the test as a `writes` annotation, in the HTML report.
 *
 * Not seen: requests through Playwright's `request` fixture or from a context a test opens itself
 * (`browser.newContext()`); none of those write today.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Both of ScaiKey's admin APIs: the Admin API and the Admins API (admin accounts). */
const ADMIN_API = /\/api\/(v1\/admin\/|admins(\/|$))/;

/** One worker runs one test at a time, so one list per worker process. */
let noted: string[] | null = null;
let cleaningUp = false;

/** Notes a request if it writes to the Admin API while a test runs (not during its cleanup). */
export function noteRequest(method: string, url: string): void {
  if (!noted || cleaningUp || !WRITE_METHODS.has(method.toUpperCase()) || !ADMIN_API.test(url)) return;
  const { pathname } = new URL(url);
  noted.push(`${method.toUpperCase()} ${pathname}`);
}

/** Runs a seeder's teardown, whose deletes (of what the test made) are not the scenario's. */
export async function asCleanup(cleanup: () => Promise<void>): Promise<void> {
  cleaningUp = true;
  try {
    await cleanup();
  } finally {
    cleaningUp = false;
  }
}

export function startNoting(): void {
  noted = [];
  cleaningUp = false;
}

export function stopNoting(): string[] {
  const writes = noted ?? [];
  noted = null;
  return writes;
}

/**
 * What is wrong with a test's `@destructive` tag, given the writes it sent; null when nothing.
 * `passed`: whether the test ran to its end (one that failed early may not have reached its delete).
 */
export function destructiveTagProblem(tags: readonly string[], writes: readonly string[], passed: boolean): string | null {
  const deletes = [...new Set(writes.filter((w) => w.startsWith('DELETE ')))];
  const tagged = tags.includes('@destructive');
  if (deletes.length && !tagged) {
    return `This test deletes or revokes (${deletes.join(', ')}) but is not tagged @destructive, so \`--grep-invert @destructive\` would still run it against staging. Add { tag: '@destructive' } (e2e/README.md, Tags).`;
  }
  if (tagged && passed && !deletes.length) {
    return 'This test is tagged @destructive but sent no DELETE: remove the tag, so QA does not leave it out for nothing.';
  }
  return null;
}
