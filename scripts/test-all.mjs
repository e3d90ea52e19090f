#!/usr/bin/env node
// `npm test`: every check the project has, in one go, with one summary line at the end.
// First the system packages the tests need (scripts/system-deps.mjs installs them where it can;
// where it cannot, the run stops right there, naming the command to run). Then static checks
// (API types, lint, typecheck, bundle size budgets), Vitest (console + server) and Playwright.
// Each of those runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

console.log('▶ system packages: node scripts/system-deps.mjs');
if (spawnSync('node', ['scripts/system-deps.mjs'], { stdio: 'inherit' }).status !== 0) {
  console.log('\nfailed steps: system packages (nothing else was run)');
  console.log('tests: 0 passed, 0 failed, 0 skipped');
  process.exit(1);
}

const results = 'test-results';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest-results.json`;
const e2eJson = `${results}/e2e-results.json`;
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

const failedSteps = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(name);
}

step('API types', 'node', ['scripts/check-api-types.mjs']);
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('bundle size', 'node', ['scripts/check-size.mjs']);
step('unit and server tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);

// Read Vitest's report now: Playwright empties test-results/ (its outputDir) when it starts.
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else if (!failedSteps.includes('unit and server tests')) {
  failedSteps.push('unit and server tests (no report)');
}

step('end-to-end tests', 'npx', ['playwright', 'test']);

if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  if (s.unexpected) printFailedPages();
}

/**
 * What the page showed when each failed test stopped (Playwright's error-context.md: the page's
 * accessibility tree), printed here because a CI machine's test-results/ is gone with it, and a
 * failure seen only there (a race on a busy machine) can then still be told apart: a dialog not
 * there, another one over it, an error page. The first three, 120 lines each.
 */
function printFailedPages() {
  const contexts = readdirSync(results, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('error-context.md'))
    .sort()
    .slice(0, 3);
  for (const file of contexts) {
    const lines = readFileSync(`${results}/${file}`, 'utf8').split('\n');
    console.log(`\n▶ the page when it failed: ${results}/${file}${lines.length > 120 ? ` (first 120 of ${lines.length} lines)` : ''}`);
    console.log(lines.slice(0, 120).join('\n'));
  }
}

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);

