// The react-admin peer (../shared/peers/react-admin, read-only): copied into .data/bench/peer,
// installed with `npm ci` and built against the bench's stand-in. Both steps are skipped when
// their inputs have not changed (the lock file for the install; every source file and the API
// address for the build), so a rerun costs nothing. Any failure (no network for npm, no source)
// is reported and the bench carries on without the peer.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { API, PEER_DIR, PEER_DIST, PEER_SOURCE, log } from './options.mjs';

const SKIP = new Set(['node_modules', 'dist']);

function walk(dir) {
  return readdirSync(dir)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    })
    .sort();
}

/** A hash of `files` (relative path and content each) and `extra`. */
function hashOf(root, files, extra) {
  const hash = createHash('sha256').update(extra);
  for (const file of files) hash.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

const readStamp = (path) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : null);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: PEER_DIR, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${PEER_DIR} (exit ${r.status ?? r.signal})`);
}

/**
 * Builds the peer into PEER_DIST (API calls to the bench's stand-in). Resolves to true when a
 * build is there to serve, false (with the reason logged) when the bench must go on without it.
 */
export function buildPeer() {
  try {
    if (!existsSync(join(PEER_SOURCE, 'package.json'))) throw new Error(`no peer at ${PEER_SOURCE}`);
    const apiUrl = `${API}/api/v1/admin`;
    const sources = walk(PEER_SOURCE);
    const buildHash = hashOf(PEER_SOURCE, sources, apiUrl);
    const buildStamp = join(PEER_DIST, '.bench-build');
    if (readStamp(buildStamp) === buildHash && existsSync(join(PEER_DIST, 'index.html'))) {
      log(`reusing the peer's build in ${PEER_DIST} (its sources and API address are unchanged)`);
      return true;
    }
    // A fresh copy of the sources (the shared folder is read-only; node_modules is kept).
    mkdirSync(PEER_DIR, { recursive: true });
    for (const name of readdirSync(PEER_DIR)) if (!SKIP.has(name)) rmSync(join(PEER_DIR, name), { recursive: true, force: true });
    for (const file of sources) {
      const target = join(PEER_DIR, relative(PEER_SOURCE, file));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(file));
    }
    const lockHash = hashOf(PEER_DIR, [join(PEER_DIR, 'package-lock.json')], process.version);
    const installStamp = join(PEER_DIR, 'node_modules', '.bench-install');
    if (readStamp(installStamp) !== lockHash) {
      log(`installing the peer's packages in ${PEER_DIR} (npm ci, about 30 s)`);
      run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error']);
      writeFileSync(installStamp, lockHash);
    }
    log(`building the peer into ${PEER_DIST} (VITE_API_URL=${apiUrl})`);
    run('node', ['node_modules/vite/bin/vite.js', 'build', '--emptyOutDir', '--logLevel', 'error'], { VITE_API_URL: apiUrl });
    writeFileSync(buildStamp, buildHash);
    return true;
  } catch (error) {
    log(`✖ no peer this time: ${error instanceof Error ? error.message : String(error)}`);
    log('  (npm ci needs the npm registry; --no-peer skips the peer quietly). Carrying on with ours alone.');
    return false;
  }
}
