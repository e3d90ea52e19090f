import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/support/env';
// @ts-expect-error -- a plain .mjs helper script, shared with scripts/system-deps.mjs
import { playwrightFfmpegPath } from './scripts/playwright-ffmpeg.mjs';
// @ts-expect-error -- a plain .mjs script: npm test's first step, which installs what it finds missing
import { chromiumExecutable } from './scripts/system-deps.mjs';

const CI = !!process.env.CI;
/** Where scripts/serve-nginx.mjs serves dist/ (an origin the stand-in allows; see deploy/). */
const NGINX_URL = 'http://localhost:8080/console/';
const STATIC_HOSTING_SPEC = /static-hosting\.spec\.ts/;
/**
 * Videos of failed tests only when asked (E2E_VIDEO=1): keeping the few that fail means
 * recording every test, which took 1.4 of the run's 6.6 minutes on 2 cores. They need an ffmpeg
 * where Playwright looks (scripts/playwright-ffmpeg.mjs links Debian's).
 */
const recordVideo = process.env.E2E_VIDEO === '1' && existsSync(playwrightFfmpegPath() as string);
/**
 * One worker more than there are cores, up to 8 (one stand-in serves them all): a test spends
 * part of its time waiting (on the stand-in, redirects, the console's debounce and transitions),
 * which another worker fills, but the browsers need the CPU for the rest. Measured on 2 busy
 * cores: 3 workers as fast as 4 (3.7 min), each test slower with 4 (the longest ran out of its
 * 30 s), and 4.4 min with 2. E2E_WORKERS sets it.
 */
const workers = Number(process.env.E2E_WORKERS) || Math.min(8, availableParallelism() + 1);

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'test-results/e2e-results.json' }],
    ['junit', { outputFile: 'test-results/e2e-junit.xml' }],
  ],
  use: {
    baseURL: E2E.baseUrl,
    // A failed test keeps its trace: every action with the page's DOM before and after it, the
    // network and the console. Without the trace's screencast (screenshots: false), recorded for
    // every test to keep the few that fail: 0.8 minutes more on 2 cores. The failure's own
    // screenshot is kept.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    video: recordVideo ? 'retain-on-failure' : 'off',
    launchOptions: {
      // CHROMIUM_PATH, else Playwright's own Chromium when installed, else Debian's (Playwright
      // cannot download browsers on this network): the rule scripts/system-deps.mjs checks.
      executablePath: (chromiumExecutable() as { launchPath?: string }).launchPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts/,
      testIgnore: STATIC_HOSTING_SPEC,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], storageState: E2E.storageState('super-admin') },
    },
    // The same dist/ on Debian's nginx with deploy/nginx.conf, under /console/ on another origin
    // than the API (so CORS and the CSP are real). Needs the local build, hence local runs only.
    ...(E2E.startsLocalServers
      ? [
          {
            name: 'nginx',
            testMatch: STATIC_HOSTING_SPEC,
            // The stand-in's session cookie from the setup project: the same ScaiKey signs in
            // silently here too (the test that is about signing in starts signed out).
            dependencies: ['setup'],
            use: { ...devices['Desktop Chrome'], baseURL: NGINX_URL, storageState: E2E.storageState('super-admin') },
          },
        ]
      : []),
  ],
  webServer: E2E.startsLocalServers
    ? [
        {
          // The stand-in, on its own data directory, reseeded for every run.
          command: 'npx tsx server/src/main.ts --reset',
          env: { DATA_DIR: '.data/e2e', PORT: '8000' },
          url: `${E2E.apiUrl}/api/v1/platform/oauth/.well-known/openid-configuration`,
          reuseExistingServer: !CI,
          timeout: 180_000,
          stdout: 'pipe',
        },
        {
          // The production build, served as static files; built again only when the sources
          // changed since dist/ was built (scripts/build-if-stale.mjs).
          command: 'node scripts/build-if-stale.mjs --logLevel warn && npx vite preview --port 4173 --strictPort',
          url: E2E.baseUrl,
          reuseExistingServer: !CI,
          timeout: 180_000,
        },
        {
          // dist/ (as built above) on nginx with deploy/nginx.conf, for the `nginx` project.
          command: 'node scripts/serve-nginx.mjs',
          env: { CONSOLE_BASE_PATH: '/console/', CONSOLE_CONNECT_SRC: E2E.apiUrl },
          url: NGINX_URL,
          reuseExistingServer: !CI,
          timeout: 30_000,
          // SIGTERM (not SIGKILL) so the script stops nginx and removes its temporary directory.
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
      ]
    : undefined,
});
