// Serves a built console the way a static host does (files, then index.html for any other path),
// with a config.json of the bench's own, so the build's public/config.json is left untouched.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

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

/** Starts the server on 127.0.0.1:`port`; resolves to `{ url, close() }`. */
export function serveConsole({ dir, port, config }) {
  const configBody = JSON.stringify(config);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(configBody);
      return;
    }
    const file = normalize(join(dir, path));
    const inside = file.startsWith(normalize(dir + '/'));
    try {
      if (!inside || path.endsWith('/')) throw new Error('not a file');
      const body = await readFile(file);
      // Hashed assets may be cached forever, as deploy/ configures real hosts.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(body);
    } catch {
      if (path.startsWith('/assets/')) {
        res.writeHead(404).end();
        return;
      }
      const body = await readFile(join(dir, 'index.html'));
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      res.end(body);
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
