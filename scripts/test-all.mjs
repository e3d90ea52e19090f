#!/usr/bin/env node
// `npm test`: every check the project has, in one go, with one summary line at the end.
// Static checks (API types, lint, typecheck, bundle size budgets) then Vitest (console + server) then Playwright.
// Each step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

const browser = findBrowser();
if (browser.ok) {
  step('end-to-end tests', 'npx', ['playwright', 'test'], browser.env);
} else {
  console.error(`\n✖ end-to-end tests: no browser found.\n${browser.help}`);
  failedSteps.push('end-to-end tests (no browser)');
}

if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);

function findBrowser() {
  if (process.env.CHROMIUM_PATH) {
    return existsSync(process.env.CHROMIUM_PATH)
      ? { ok: true, env: {} }
      : { ok: false, help: `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.` };
  }
  const probe = spawnSync('node', ['-e', "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout && existsSync(probe.stdout)) return { ok: true, env: {} };
  if (existsSync('/usr/bin/chromium')) return { ok: true, env: {} };
  return {
    ok: false,
    help: [
      "Playwright's own Chromium is not installed and there is no /usr/bin/chromium.",
      'Get one of these, then run npm test again:',
      '  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
      "  - anywhere with internet access to Playwright's CDN: npx playwright install chromium",
      '  - any Chromium you have: CHROMIUM_PATH=/path/to/chromium npm test',
    ].join('\n'),
  };
}
