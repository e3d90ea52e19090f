// Recording what a page loads: its JS and CSS (with their sizes raw, gzip and brotli), its Admin
// API and sign-in requests, and the timeline of every request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, DIST, WEB_ORIGIN } from './options.mjs';
import { compressedSizes, longestChain, sumByKind } from './stats.mjs';

const sizeCache = new Map();
/** Sizes of an asset body; hashed URLs never change, so each is compressed once per bench. */
function sizesOf(url, body) {
  if (!sizeCache.has(url)) sizeCache.set(url, compressedSizes(body));
  return sizeCache.get(url);
}

/** Records `page`'s loads; JS and CSS count when they come from `origin` (files also in `dist`). */
export function record(page, { origin = WEB_ORIGIN, dist = DIST } = {}) {
  const assets = new Map();
  const pending = [];
  const api = [];
  const signIn = [];
  const timeline = [];
  page.on('response', (response) => {
    const request = response.request();
    const type = request.resourceType();
    const url = response.url();
    if ((type === 'script' || type === 'stylesheet') && url.startsWith(origin) && !assets.has(url)) {
      // Only the body now: compressing (brotli 11 is slow) would block this process, which also
      // serves the console, and delay the very downloads being timed. Sizes come in summary().
      assets.set(url, null);
      pending.push(
        response
          .body()
          // The page may navigate away (the first visit goes on to the sign-in page) before its
          // bodies can be read; the same files are in the build.
          .catch(() => readFileSync(join(dist, new URL(url).pathname)))
          .then((body) => assets.set(url, { kind: type === 'script' ? 'js' : 'css', url, body }))
          .catch(() => assets.delete(url)),
      );
    }
  });
  const done = (request, failed) => {
    const url = request.url();
    const t = request.timing();
    timeline.push({ type: request.resourceType(), url, start: t.startTime, end: t.startTime + Math.max(t.responseEnd, 0) });
    if (!url.startsWith(API)) return;
    const entry = {
      method: request.method(),
      path: new URL(url).pathname + new URL(url).search,
      start: t.startTime,
      end: t.startTime + Math.max(t.responseEnd, 0),
      failed,
    };
    if (url.startsWith(`${API}/api/v1/admin/`)) api.push(entry);
    else signIn.push(entry);
  };
  page.on('requestfinished', (r) => done(r, false));
  page.on('requestfailed', (r) => done(r, true));
  return {
    async summary() {
      await Promise.all(pending);
      const list = [...assets.values()].filter(Boolean).map(({ body, ...a }) => ({ ...a, ...sizesOf(a.url, body) }));
      return {
        bytes: sumByKind(list),
        assets: list.map((a) => ({ ...a, url: a.url.slice(origin.length) })),
        api: { count: api.length, chain: longestChain(api), requests: api },
        signInRequests: signIn.length,
        timeline,
      };
    },
  };
}
