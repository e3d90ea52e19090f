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
    head: { type: 'boolean', default: false },
    'server-only': { type: 'boolean', default: false },
    'compare-runs': { type: 'string', default: '5' },
    'compare-only': { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
    'peer-port': { type: 'string' },
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
/** The react-admin peer (../shared/peers/react-admin), built into .data/bench/peer and served apart. */
export const PEER_PORT = Number(opts['peer-port'] ?? WEB_PORT + 1);
export const PEER = `http://127.0.0.1:${PEER_PORT}/`;
export const PEER_ORIGIN = new URL(PEER).origin;
export const PEER_SOURCE = '../shared/peers/react-admin';
/** Cold loads per app in the side-by-side comparison, taken in turn (ours, peer, peer, ours, …). */
export const COMPARE_RUNS = Number(opts['compare-runs']);
export const COMPARE_ONLY = opts['compare-only'];
export const NO_PEER = opts['no-peer'];
export const DATA_DIR = '.data/bench';
export const DIST = join(DATA_DIR, 'dist');
export const PEER_DIR = join(DATA_DIR, 'peer');
export const PEER_DIST = join(PEER_DIR, 'dist');
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
