#!/usr/bin/env node
// What the tests need from the system besides node_modules, checked in a second and installed
// where that can be done without asking anyone. The first step of `npm test` (and so of
// .ci/run), so a fresh machine either gets everything or stops at once, not after minutes of
// lint and unit tests:
//
//   - a Chromium for the end-to-end tests: CHROMIUM_PATH, else Playwright's own, else Debian's
//     (Playwright cannot download its browser on every network);
//   - nginx for the e2e project `nginx` (deploy/nginx.conf under test; NGINX names another one;
//     not needed when E2E_BASE_URL points at a deployed console);
//   - PostgreSQL's server binaries (initdb, pg_ctl) for the server tests' throwaway cluster
//     (server/test/support/postgres-cluster.ts; PG_BIN names another folder);
//   - ffmpeg, optional: videos of failed e2e tests (linked where Playwright looks, see
//     scripts/playwright-ffmpeg.mjs).
//
// On Debian/Ubuntu as root or with passwordless sudo, whatever is missing is installed with
// apt-get (the packages chromium, nginx, postgresql, ffmpeg). Anywhere else it stops, exit 1,
// printing the command to run. A binary named by CHROMIUM_PATH, NGINX or PG_BIN that is not
// there stops it too: it is never "fixed" by installing something else.
//
//   node scripts/system-deps.mjs          # check, install if it can, link ffmpeg
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkDebianFfmpeg, playwrightFfmpegPath } from './playwright-ffmpeg.mjs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_POSTGRES = '/usr/lib/postgresql';

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Playwright's own Chromium, if `npx playwright install chromium` put it in place. */
function playwrightChromium() {
  try {
    const path = createRequire(import.meta.url)('playwright-core').chromium.executablePath();
    return isExecutableFile(path) ? path : null;
  } catch {
    return null; // node_modules not installed yet, or no browser registered
  }
}

/**
 * The browser the e2e tests drive: CHROMIUM_PATH; else Playwright's own when installed; else
 * Debian's. `launchPath` is playwright.config.ts's executablePath (undefined: Playwright's own).
 */
export function chromiumExecutable(env = process.env) {
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, launchPath: env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' };
  const own = playwrightChromium();
  if (own) return { path: own, launchPath: undefined, from: 'Playwright' };
  return { path: DEBIAN_CHROMIUM, launchPath: DEBIAN_CHROMIUM, from: 'Debian' };
}

/** nginx: NGINX; else Debian's /usr/sbin/nginx, /usr/local/sbin/nginx, or one on PATH. */
export function nginxBinary(env = process.env) {
  if (env.NGINX) return env.NGINX;
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find(isExecutableFile) ?? onPath('nginx', env) ?? '/usr/sbin/nginx';
}

/** The folder with initdb and pg_ctl, looked up as postgres-cluster.ts does; null if none. */
export function postgresBin(env = process.env) {
  const has = (dir) => isExecutableFile(join(dir, 'initdb')) && isExecutableFile(join(dir, 'pg_ctl'));
  if (env.PG_BIN) return has(env.PG_BIN) ? env.PG_BIN : null;
  const versions = existsSync(DEBIAN_POSTGRES)
    ? readdirSync(DEBIAN_POSTGRES)
        .filter((v) => /^\d+$/.test(v) && has(join(DEBIAN_POSTGRES, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(DEBIAN_POSTGRES, versions[0], 'bin');
  return (env.PATH ?? '').split(delimiter).find((dir) => dir && has(dir)) ?? null;
}

/**
 * What is there and what is not. `bad`: a setting that names something absent (stop, say which).
 * `missing`: a Debian package to install (`required: false` for ffmpeg, which only adds videos).
 */
export function survey(env = process.env) {
  const bad = [];
  const missing = [];
  const found = [];

  const browser = chromiumExecutable(env);
  if (isExecutableFile(browser.path)) found.push(`Chromium (${browser.from}: ${browser.path})`);
  else if (browser.from === 'CHROMIUM_PATH') bad.push(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: no browser for the end-to-end tests.`);
  else missing.push({ pkg: 'chromium', required: true, why: 'a browser for the end-to-end tests' });

  // The `nginx` project only runs when the suite starts its own servers (playwright.config.ts).
  if (!env.E2E_BASE_URL) {
    const nginx = nginxBinary(env);
    if (isExecutableFile(nginx)) found.push(`nginx (${nginx})`);
    else if (env.NGINX) bad.push(`NGINX=${env.NGINX} is not an executable file: nothing to serve the e2e project \`nginx\`.`);
    else missing.push({ pkg: 'nginx', required: true, why: 'serves the build for the e2e project `nginx`' });
  }

  const pg = postgresBin(env);
  if (pg) found.push(`PostgreSQL (${pg})`);
  else if (env.PG_BIN) bad.push(`PG_BIN=${env.PG_BIN} holds no initdb and pg_ctl: the server tests cannot start their PostgreSQL.`);
  else missing.push({ pkg: 'postgresql', required: true, why: "initdb and pg_ctl for the server tests' own PostgreSQL" });

  if (hasPlaywrightFfmpeg() || isExecutableFile('/usr/bin/ffmpeg')) found.push('ffmpeg');
  else missing.push({ pkg: 'ffmpeg', required: false, why: 'videos of failed end-to-end tests' });

  return { bad, missing, found };
}

function hasPlaywrightFfmpeg() {
  try {
    return existsSync(playwrightFfmpegPath());
  } catch {
    return false;
  }
}

/** How this machine can install packages: Debian-like or not, and as whom. */
export function detectSystem(env = process.env) {
  const debian = existsSync('/etc/debian_version') && onPath('apt-get', env) !== null;
  const hasSudo = onPath('sudo', env) !== null;
  let privilege = 'none';
  if (process.getuid?.() === 0) privilege = 'root';
  else if (hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0) {
    privilege = 'sudo';
  }
  return { platform: process.platform, debian, privilege, hasSudo };
}

/**
 * What to do, from the survey and the system: `ok`, `install` (these packages, with or without
 * sudo), `warn` (only optional things missing and nobody to install them) or `stop` (with the
 * lines to print). Pure, so every branch has a test (system-deps.test.mjs).
 */
export function plan({ bad, missing }, { platform, debian, privilege, hasSudo = true }) {
  if (bad.length) {
    return { action: 'stop', lines: [...bad, 'Point it at one that exists, or unset it to use the default.'] };
  }
  if (!missing.length) return { action: 'ok' };
  const packages = missing.map((m) => m.pkg);
  if (debian && privilege !== 'none') return { action: 'install', packages, sudo: privilege === 'sudo' };

  const what = missing.map((m) => `  - ${m.pkg}: ${m.why}${m.required ? '' : ' (optional)'}`);
  const commands = [];
  if (debian) {
    const apt = `apt-get update && apt-get install -y ${packages.join(' ')}`;
    commands.push(hasSudo ? `sudo ${apt.replace('&& apt-get', '&& sudo apt-get')}` : `su -c '${apt}'   # as root`);
  } else if (platform === 'darwin') {
    const brew = packages.filter((p) => p !== 'chromium').map((p) => (p === 'postgresql' ? 'postgresql@17' : p));
    if (brew.length) commands.push(`brew install ${brew.join(' ')}`);
    if (packages.includes('postgresql')) commands.push('export PG_BIN="$(brew --prefix postgresql@17)/bin"');
    if (packages.includes('chromium')) commands.push('npx playwright install chromium');
  } else {
    if (packages.includes('chromium')) commands.push('npx playwright install chromium');
    const others = packages.filter((p) => p !== 'chromium');
    if (others.length) commands.push(`(your package manager) install ${others.join(' ')}`);
  }
  const run = commands.map((c) => `  ${c}`);
  if (missing.every((m) => !m.required)) {
    return { action: 'warn', lines: ['not installed (optional):', ...what, 'To have it:', ...run] };
  }
  const why = debian ? `not root, and ${hasSudo ? 'sudo asks for a password' : 'no sudo'}` : 'not Debian/Ubuntu, so no apt-get';
  return {
    action: 'stop',
    lines: [
      `npm test needs system packages it cannot install itself (${why}):`,
      ...what,
      'Run this, then npm test again:',
      ...run,
      'Or name your own: CHROMIUM_PATH=/path/to/chromium, NGINX=/path/to/nginx, PG_BIN=/folder/with/initdb.',
    ],
  };
}

function aptGet(args, sudo) {
  const command = [...(sudo ? ['sudo', '-n'] : []), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  const r = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`\`${command.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`);
  }
}

function main() {
  const system = detectSystem();
  const first = plan(survey(), system);
  if (first.action === 'stop') {
    console.error(`✖ system packages:\n${first.lines.join('\n')}`);
    process.exit(1);
  }
  if (first.action === 'install') {
    const started = Date.now();
    console.log(`system packages: installing ${first.packages.join(' ')} with apt-get${first.sudo ? ' (sudo)' : ''}...`);
    try {
      aptGet(['update', '-qq'], first.sudo);
      aptGet(['install', '-y', '-qq', ...first.packages], first.sudo);
    } catch (error) {
      console.error(`✖ system packages: ${error.message}`);
      process.exit(1);
    }
    console.log(`system packages: installed in ${Math.round((Date.now() - started) / 1000)} s`);
    const after = survey();
    if (after.bad.length || after.missing.length) {
      const left = [...after.bad, ...after.missing.map((m) => `${m.pkg} (${m.why})`)];
      console.error(`✖ system packages: still missing after apt-get: ${left.join(', ')}`);
      process.exit(1);
    }
  }
  if (first.action === 'warn') console.warn(`system packages: ${first.lines.join('\n')}`);
  const linked = linkDebianFfmpeg();
  const { found } = survey();
  console.log(`system packages: ${found.join(', ')}${linked ? `; ${linked}` : ''}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
