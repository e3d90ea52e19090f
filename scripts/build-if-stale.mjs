#!/usr/bin/env node
// `vite build`, unless dist/ already holds the build of exactly these sources: the e2e run
// (playwright.config.ts) serves dist/, and rebuilding an unchanged console on every run costs
// seconds of CPU the tests need. Anything else passed on goes to vite build.
//
// dist/ counts as current when both match what the last build here recorded
// (node_modules/.cache/build-if-stale.json, one entry per dist/ folder):
//   - the inputs: the contents of src/, public/, index.html, the Vite/TS configs, package.json,
//     package-lock.json, plus the arguments and SOURCEMAP;
//   - dist/ itself: every file's path, size and mtime, so a build made since by other means
//     (`npm run build -- --sourcemap`, the bench) or a hand-edited file is not mistaken for it.
//
//   node scripts/build-if-stale.mjs --logLevel warn
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');
const stampFile = join(repo, 'node_modules', '.cache', 'build-if-stale.json');
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The sources, the arguments and SOURCEMAP: what decides what a build writes. */
export function inputsHash(args, env = process.env) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ args, sourcemap: env.SOURCEMAP ?? null }));
  for (const file of INPUTS.flatMap((input) => files(join(repo, input)))) {
    hash.update(`\0${relative(repo, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** dist/ as it is now: paths, sizes and mtimes (cheap, and changed by any rewrite). */
export function distFingerprint() {
  const hash = createHash('sha256');
  for (const file of files(dist)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(dist, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamps() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

function main() {
  const args = process.argv.slice(2);
  const inputs = inputsHash(args);
  const stamps = readStamps();
  const last = stamps[dist];
  if (existsSync(join(dist, 'index.html')) && last?.inputs === inputs && last?.dist === distFingerprint()) {
    console.log(`build-if-stale: dist/ is the build of these sources (${new Date(last.builtAt).toISOString()}); not rebuilding.`);
    return;
  }
  const build = spawnSync('npx', ['vite', 'build', ...args], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  stamps[dist] = { inputs, dist: distFingerprint(), builtAt: Date.now() };
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
