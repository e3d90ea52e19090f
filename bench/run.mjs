#!/usr/bin/env node
// `npm run bench`: builds the console, starts the stand-in on the large seed (100,000 tenants),
// drives headless Chromium through the real sign-in page and prints what a super admin gets:
// bytes loaded, time to rows, API requests and waterfalls, heap over 50 pages, and the stand-in's
// own latency per list endpoint. Figures are medians of several runs; bench/README.md explains
// each one. Everything runs on ports of its own (API 8100, console 4180 by default), so it does
// not clash with `npm start` (8000/5173) or the e2e suite (8000/4173).
//
// Options: --runs N (default 3), --pages N (list pages for the heap figure, default 50),
// --server-samples N (requests per endpoint for the stand-in's figure, default 30), --api-port,
// --web-port, --reseed (seed the large data set again), --no-build (reuse the last build),
// --server-only (no build, no browser: sign in over HTTP and time the stand-in's endpoints; a minute),
// --compare-runs N (cold loads per app side by side with the react-admin peer, default 5),
// --compare-only (only that side-by-side table), --no-peer (skip building and measuring the peer),
// --peer-port (where the peer is served, default the console's port + 1).
//
// The parts live in bench/lib/: options.mjs (settings), setup.mjs (build, seed, servers, browser),
// probes.mjs (in the page), record.mjs (what a page loads), pages.mjs (contexts, sign-in,
// locators), measure-screens.mjs, measure-lists.mjs and measure-server.mjs (the figures),
// report.mjs (the printed tables), stats.mjs (the arithmetic). A new figure is a function in a
// measure-*.mjs, a line in main() below and a row in report.mjs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { compare } from './lib/compare.mjs';
import { measurePaging, measureSearch } from './lib/measure-lists.mjs';
import { firstVisit, measureScreen } from './lib/measure-screens.mjs';
import { measurePalette } from './lib/measure-palette.mjs';
import { apiGet, auditEndpoints, measureServer, paletteEndpoints, securityEndpoints } from './lib/measure-server.mjs';
import { signIn } from './lib/oidc-client.mjs';
import {
  ACCOUNT,
  API,
  API_PORT,
  COMPARE_ONLY,
  DATA_DIR,
  DIST,
  NO_PEER,
  PAGES,
  PEER_DIST,
  PEER_PORT,
  RESULTS,
  RUNS,
  SERVER_ONLY,
  WEB,
  WEB_PORT,
  log,
} from './lib/options.mjs';
import { signInOnce } from './lib/pages.mjs';
import { buildPeer } from './lib/peer.mjs';
import { report } from './lib/report.mjs';
import { assertPortFree, buildConsole, chromiumExecutable, cleanup, machine, onCleanup, seedLarge, startStandIn } from './lib/setup.mjs';
import { serveConsole } from './lib/static-server.mjs';
import { median } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

// Whatever goes wrong, stop the stand-in this bench started (it runs in its own process group).
process.on('uncaughtException', (error) => {
  console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
  void cleanup().then(() => process.exit(1));
});
process.on('unhandledRejection', (error) => {
  console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
  void cleanup().then(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

/** The stand-in's endpoints at the large seed, `middle` a tenants page half-way, `tenant` one on it. */
async function serverEndpoints(token, { middle, tenant, terms, userTerm }) {
  return [
    ['GET /tenants/ page 1', '/tenants/?page=1&per_page=20'],
    [`GET /tenants/ page ${middle.toLocaleString('en-US')}`, `/tenants/?page=${middle}&per_page=20`],
    [`GET /tenants/?search=${terms[0]}`, `/tenants/?search=${encodeURIComponent(terms[0] ?? 'acme')}&per_page=20`],
    ['GET /tenants/?search=ab (2 letters)', '/tenants/?search=ab&per_page=20'],
    ['GET /tenants/?status=SUSPENDED', '/tenants/?status=SUSPENDED&per_page=20'],
    ['GET /admin-roles/ page 1', '/admin-roles/?page=1&per_page=20'],
    ['GET /admin-roles/?role=TENANT_ADMIN', '/admin-roles/?role=TENANT_ADMIN&per_page=20'],
    ['GET /users/ page 1', '/users/?page=1&per_page=20'],
    [`GET /users/?search=${userTerm}`, `/users/?search=${encodeURIComponent(userTerm)}&per_page=20`],
    ['GET /partners/ page 1', '/partners/?page=1&per_page=20'],
    ['GET /tenants/{id}', `/tenants/${encodeURIComponent(tenant.id)}`],
    ...securityEndpoints(),
    ...(await auditEndpoints(token)),
    ...paletteEndpoints({ terms, userTerm }),
  ];
}

/** What the endpoints are called with: a page half-way through the tenants, names to search for. */
async function probes(token) {
  const count = async (path) => (await apiGet(token, `${path}?per_page=1`)).total;
  const [tenants, users, roles, audit] = [await count('/tenants/'), await count('/users/'), await count('/admin-roles/'), await count('/audit/')];
  const n = (v) => v.toLocaleString('en-US');
  // The audit list counts up to 10,000 (audit-store.ts, AUDIT_COUNT_CAP).
  const seed = `${n(tenants)} tenants, ${n(users)} users, ${n(roles)} role assignments, ${n(audit)}${audit >= 10_000 ? '+' : ''} audit entries`;
  const middle = Math.max(1, Math.floor(tenants / 20 / 2));
  const tenant = (await apiGet(token, `/tenants/?page=${middle}&per_page=20`)).items[0];
  const terms = [];
  for (const p of [7, 301, 1234, 2222, 4001].slice(0, Math.max(RUNS, 3))) {
    const t = (await apiGet(token, `/tenants/?page=${p}&per_page=1`)).items[0];
    if (t) terms.push(t.name.toLowerCase());
  }
  const userTerm = (await apiGet(token, '/users/?page=500&per_page=1')).items[0]?.email.split('@')[0] ?? 'ana';
  return { seed, middle, tenant, terms, userTerm };
}

/** `--server-only`: the stand-in alone, signed in over HTTP (no build, no browser); prints its table. */
async function serverOnly(started) {
  await assertPortFree(API_PORT);
  seedLarge();
  log(`starting the stand-in on ${API} (log: ${DATA_DIR}/server.log)`);
  await startStandIn();
  const discovery = await (await fetch(`${API}/api/v1/platform/oauth/.well-known/openid-configuration`)).json();
  const token = await signIn(discovery, ACCOUNT, `${WEB}auth/callback`);
  const probe = await probes(token);
  const result = { at: new Date().toISOString(), runs: RUNS, machine: machine('none'), seed: probe.seed, serverOnly: true };
  log('the stand-in, direct HTTP');
  result.server = await measureServer(token, await serverEndpoints(token, probe));
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'server-latest.json'), JSON.stringify(result, null, 2));
  console.log(`\n${report(result)}\n\nwritten: ${RESULTS}/server-latest.json (took ${result.durationSeconds} s)`);
}

async function main() {
  const started = Date.now();
  if (SERVER_ONLY) return serverOnly(started);
  await assertPortFree(API_PORT);
  await assertPortFree(WEB_PORT);
  if (!NO_PEER) await assertPortFree(PEER_PORT);
  buildConsole();
  const peer = !NO_PEER && buildPeer();
  seedLarge();
  log(`starting the stand-in on ${API} (log: ${DATA_DIR}/server.log)`);
  await startStandIn();
  const web = await serveConsole({
    dir: DIST,
    port: WEB_PORT,
    config: JSON.parse(readFileSync('public/config.json', 'utf8'), (key, value) =>
      typeof value === 'string' ? value.replace('http://127.0.0.1:8000', API) : value,
    ),
  });
  onCleanup(web.close);
  if (peer) {
    const peerWeb = await serveConsole({ dir: PEER_DIST, port: PEER_PORT });
    onCleanup(peerWeb.close);
  }
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  onCleanup(() => browser.close());

  const result = { at: new Date().toISOString(), runs: RUNS, machine: machine(browser.version()), seed: 'large seed' };
  log('signing in through the stand-in');
  const { state, token } = await signInOnce(browser);

  const probe = await probes(token);
  const { tenant, terms } = probe;
  result.seed = probe.seed;

  // Ours and the peer side by side first, while the machine is as it was when the bench started.
  result.compare = await compare(browser, { state, token, peer, searchTerms: terms });
  if (COMPARE_ONLY) {
    result.compareOnly = true;
    return finish(result, started, 'compare-latest.json');
  }

  const runSafely = async (label, fn) => {
    try {
      return await fn();
    } catch (error) {
      log(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { available: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  log('first visit before sign-in');
  const visits = [];
  for (let i = 0; i < RUNS; i++) visits.push(await runSafely('first visit', () => firstVisit(browser)));
  const okVisits = visits.filter((v) => v.time != null);
  result.firstVisit = okVisits.length
    ? {
        time: median(okVisits.map((v) => v.time)),
        timeRange: [Math.min(...okVisits.map((v) => v.time)), Math.max(...okVisits.map((v) => v.time))],
        bytes: okVisits.at(-1).bytes,
        assets: okVisits.at(-1).assets,
      }
    : { available: false };

  result.screens = [];
  for (const [name, path, ready] of [
    ['role assignments list', 'role-assignments', 'rows'],
    ['tenants list', 'tenants', 'rows'],
    ['tenant page', `tenants/${encodeURIComponent(tenant.id)}`, 'form'],
    ['security overview', 'security', 'counts'],
  ]) {
    log(`${name}`);
    result.screens.push({ name, ...(await runSafely(name, () => measureScreen(browser, state, name, path, ready))) });
  }

  log('command palette');
  result.palette = await runSafely('palette', () => measurePalette(browser, state, probe));
  log('tenants search');
  result.search = await runSafely('search', () => measureSearch(browser, state, terms.slice(0, Math.max(RUNS, 3))));
  log(`tenants: ${PAGES} list pages in a row`);
  result.tenantsPaging = await runSafely('tenants paging', () => measurePaging(browser, state, 'tenants', 'tenants', PAGES, true));
  log('role assignments: next page');
  result.roleAssignmentsPaging = await runSafely('role assignments paging', () =>
    measurePaging(browser, state, 'role-assignments', 'admin-roles', Math.max(RUNS, 5), false),
  );

  log('the stand-in, direct HTTP');
  result.server = await measureServer(token, await serverEndpoints(token, probe));

  finish(result, started, 'latest.json');
}

/** Writes the result as `name` (and a timestamped copy) and prints its tables. */
function finish(result, started, name) {
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  writeFileSync(join(RESULTS, name), json);
  writeFileSync(join(RESULTS, `${result.at.replace(/[:.]/g, '-')}.json`), json);
  console.log(`\n${report(result)}\n\nwritten: ${RESULTS}/${name} (took ${result.durationSeconds} s)`);
}

main()
  .catch((error) => {
    console.error(`✖ bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
