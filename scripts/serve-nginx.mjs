#!/usr/bin/env node
// Serves dist/ with the system's nginx and the shipped deploy/nginx.conf, the way a host would:
// the template's ${CONSOLE_*} variables are filled in (as the nginx Docker image's envsubst does)
// and wrapped in a minimal main config with absolute paths in a temporary prefix directory.
// Used by Playwright's `nginx` project (playwright.config.ts); also handy by hand:
//
//   npm run build && node scripts/serve-nginx.mjs    # http://localhost:8080/console/
//
// Settings (environment): CONSOLE_BASE_PATH (default /console/), CONSOLE_CONNECT_SRC (default
// the local stand-in, http://127.0.0.1:8000), CONSOLE_ROOT (default ./dist), NGINX (default
// /usr/sbin/nginx, else `nginx` on PATH). Stops nginx on SIGINT/SIGTERM and exits with it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nginxBinary as findNginx } from './system-deps.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const settings = {
  CONSOLE_ROOT: resolve(process.env.CONSOLE_ROOT ?? join(repo, 'dist')),
  CONSOLE_BASE_PATH: process.env.CONSOLE_BASE_PATH ?? '/console/',
  CONSOLE_CONNECT_SRC: process.env.CONSOLE_CONNECT_SRC ?? 'http://127.0.0.1:8000',
};

function fail(message) {
  console.error(`serve-nginx: ${message}`);
  process.exit(1);
}

if (!/^\/(?:[^/\s]+\/)*$/.test(settings.CONSOLE_BASE_PATH)) {
  fail(`CONSOLE_BASE_PATH must start and end with "/" (e.g. /console/), not "${settings.CONSOLE_BASE_PATH}".`);
}
if (!existsSync(join(settings.CONSOLE_ROOT, 'index.html'))) {
  fail(`no build in ${settings.CONSOLE_ROOT} (index.html is missing); run \`npm run build\` first.`);
}

const nginxBinary = findNginx();
if (spawnSync(nginxBinary, ['-v'], { stdio: 'ignore' }).error) {
  fail(`nginx not found (${nginxBinary}); install it (Debian: apt-get install nginx) or set NGINX=/path/to/nginx.`);
}

/** envsubst with an explicit variable list: only ${CONSOLE_*} is replaced, nginx's $uri is kept. */
function fillTemplate(template, values) {
  return template.replace(/\$\{(CONSOLE_[A-Z_]+)\}/g, (match, name) => {
    if (!(name in values)) fail(`deploy/nginx.conf uses \${${name}}, which this script does not set.`);
    return values[name];
  });
}

const prefix = mkdtempSync(join(tmpdir(), 'console-nginx-'));
// Started as root, nginx's workers run as an unprivileged user: they must be able to enter it.
chmodSync(prefix, 0o755);
for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
const site = fillTemplate(readFileSync(join(repo, 'deploy/nginx.conf'), 'utf8'), settings);
writeFileSync(join(prefix, 'console.conf'), site);

const mimeTypes = ['/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types'].find(existsSync);
if (!mimeTypes) fail('no mime.types found next to nginx (looked in /etc/nginx and /usr/local/etc/nginx).');

// Started as root, nginx's workers would switch to an unprivileged user (www-data) that cannot
// read a checkout under a private directory (mktemp -d is 0700): keep them as the user who runs
// the tests. (Not root: nginx cannot switch users, so the directive is left out.)
const runAsSelf = process.getuid?.() === 0 ? 'user root;\n' : '';
const temp = (name) => join(prefix, 'temp', name);
writeFileSync(
  join(prefix, 'nginx.conf'),
  `# Written by scripts/serve-nginx.mjs; the site itself is deploy/nginx.conf.
${runAsSelf}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    include ${join(prefix, 'console.conf')};
}
`,
);

const args = ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off; master_process on;'];
const test = spawnSync(nginxBinary, ['-t', '-q', ...args.slice(0, -2)], { encoding: 'utf8' });
if (test.status !== 0) {
  rmSync(prefix, { recursive: true, force: true });
  fail(`nginx rejected the configuration:\n${test.stderr}`);
}

console.log(
  `serve-nginx: ${settings.CONSOLE_ROOT} at http://localhost:8080${settings.CONSOLE_BASE_PATH} (connect-src ${settings.CONSOLE_CONNECT_SRC})`,
);
const child = spawn(nginxBinary, args, { stdio: 'inherit' });

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // nginx: SIGTERM/SIGINT = fast shutdown, SIGQUIT = graceful.
  if (child.exitCode === null) child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

child.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true });
  if (!stopping) console.error(`serve-nginx: nginx stopped on its own (${signal ?? `exit ${code}`}).`);
  process.exit(stopping ? 0 : (code ?? 1));
});
