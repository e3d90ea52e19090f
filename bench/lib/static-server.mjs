// Serves a built console the way a static host does (files, then index.html for any other path),
// gzipped for a browser that accepts it, with a config.json of the bench's own (when given), so
// the build's public/config.json is left untouched. The same server serves ours and the peer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/**
 * Every file of the build, read and (text) gzipped once up front, as a host with precompressed
 * assets serves them: compressing in the request would put the bench's own work in the timings.
 */
function loadFiles(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = `${sub}/${name}`;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else {
        const body = readFileSync(join(dir, rel));
        files.set(rel, { body, gzip: COMPRESSIBLE.has(extname(name)) ? gzipSync(body, { level: 9 }) : null });
      }
    }
  };
  walk('');
  return files;
}

function send(req, res, file, headers) {
  const gzip = file.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, { ...headers, vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(gzip ? file.gzip : file.body);
}

/** Starts the server on 127.0.0.1:`port`; resolves to `{ url, close() }`. */
export function serveConsole({ dir, port, config }) {
  const configBody = config ? JSON.stringify(config) : null;
  const files = loadFiles(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/config.json' && configBody) {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(configBody);
      return;
    }
    const file = path.endsWith('/') ? null : files.get(normalize(path));
    if (file) {
      // Hashed assets may be cached forever, as deploy/ configures real hosts.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(req, res, file, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache });
    } else if (path.startsWith('/assets/')) {
      res.writeHead(404).end();
    } else {
      send(req, res, files.get('/index.html'), { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
