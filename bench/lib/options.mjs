// The bench's settings: command-line options, ports and paths (relative to the repository root,
// which bench/run.mjs makes the working directory), and its log line.
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: '50' },
    'api-port': { type: 'string', default: '8100' },
    'web-port': { type: 'string', default: '4180' },
    'server-samples': { type: 'string', default: '30' },
    reseed: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'server-only': { type: 'boolean', default: false },
  },
});
export const RUNS = Number(opts.runs);
export const PAGES = Number(opts.pages);
export const SAMPLES = Number(opts['server-samples']);
export const API_PORT = Number(opts['api-port']);
export const WEB_PORT = Number(opts['web-port']);
export const API = `http://127.0.0.1:${API_PORT}`;
export const WEB = `http://127.0.0.1:${WEB_PORT}/`;
export const WEB_ORIGIN = new URL(WEB).origin;
export const DATA_DIR = '.data/bench';
export const DIST = join(DATA_DIR, 'dist');
export const SEEDED_MARK = join(DATA_DIR, 'seeded-large.json');
/** Bumped when the large seed gains data (2: the audit log), so a kept seed without it is redone. */
export const SEED_VERSION = 2;
export const SERVER_ONLY = opts['server-only'];
export const RESULTS = 'bench/results';
export const ACCOUNT = { email: 'root@scaikey.test', password: 'ChangeMe-123!' };
export const READY_TIMEOUT = 30_000;

export function log(message) {
  console.error(`[bench] ${message}`);
}
