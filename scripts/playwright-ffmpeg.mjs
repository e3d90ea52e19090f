#!/usr/bin/env node
// Playwright records videos with its own ffmpeg build, which it cannot download on this
// network. Debian's ffmpeg (apt-get install ffmpeg) encodes the same VP8 WebM, so link it
// where Playwright looks: <browsers path>/ffmpeg-<revision>/ffmpeg-linux.
// `node scripts/playwright-ffmpeg.mjs` links it; `--check` only reports whether one is there.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function playwrightFfmpegPath() {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('playwright-core/package.json');
  const browsers = JSON.parse(readFileSync(join(dirname(pkg), 'browsers.json'), 'utf8'));
  const ffmpeg = browsers.browsers.find((b) => b.name === 'ffmpeg');
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  return join(root, `ffmpeg-${ffmpeg.revision}`, process.platform === 'linux' ? 'ffmpeg-linux' : 'ffmpeg');
}

/**
 * Links Debian's /usr/bin/ffmpeg where Playwright looks, if that is not there yet. Answers what it
 * did (null when there was nothing to do or nothing to link). Used by scripts/system-deps.mjs.
 */
export function linkDebianFfmpeg() {
  const target = playwrightFfmpegPath();
  if (existsSync(target) || !existsSync('/usr/bin/ffmpeg')) return null;
  mkdirSync(dirname(target), { recursive: true });
  // A link left from before ffmpeg was removed points at nothing: replace it.
  rmSync(target, { force: true });
  symlinkSync('/usr/bin/ffmpeg', target);
  return `linked /usr/bin/ffmpeg to ${target}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = playwrightFfmpegPath();
  if (existsSync(target)) {
    console.log(`Playwright's ffmpeg: ${target}`);
  } else if (process.argv.includes('--check')) {
    console.log('No ffmpeg for Playwright: videos of failed tests are off.');
    process.exitCode = 1;
  } else if (linkDebianFfmpeg()) {
    console.log(`Linked /usr/bin/ffmpeg to ${target}`);
  } else {
    console.log('No /usr/bin/ffmpeg to link (apt-get install -y ffmpeg): videos of failed tests stay off.');
  }
}
