import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** SOURCEMAP=true (maps linked from the bundles), hidden (maps written, not linked) or unset (none). */
function sourcemapSetting(value: string | undefined): boolean | 'hidden' {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (value === 'hidden') return 'hidden';
  throw new Error(`SOURCEMAP must be true, hidden or false, not "${value}".`);
}

/**
 * The console's theme uses no CSS variables (lib/theme.ts), but MUI's createTheme and ThemeProvider
 * choose between the plain and the CSS-variables versions at run time, so the bundler keeps both.
 * Inside @mui/material/styles, point them at the plain versions (createThemeNoVars,
 * ThemeProviderNoVars). If MUI renames those files the build fails rather than silently changing.
 */
const muiStyles = dirname(createRequire(import.meta.url).resolve('@mui/material/styles'));
function muiWithoutCssVars(): Plugin {
  return {
    name: 'mui-without-css-vars',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || dirname(importer) !== muiStyles) return null;
      if (source === './createTheme.mjs') return join(muiStyles, 'createThemeNoVars.mjs');
      if (source === './ThemeProvider.mjs') return join(muiStyles, 'ThemeProviderNoVars.mjs');
      return null;
    },
  };
}

/**
 * index.html's `<meta http-equiv="Content-Security-Policy">` (script-src 'self') is for the build.
 * Vite's dev server injects inline scripts (React Refresh's preamble), which it would refuse, so
 * in dev the meta goes, and with it the access token's carry across a reload
 * (src/lib/carried-session.ts): in dev a reload signs in through ScaiKey as a new tab does.
 */
function cspMetaOnlyInBuild(): Plugin {
  return {
    name: 'csp-meta-only-in-build',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\r?\n?/i, ''),
    },
  };
}

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** The module and everything it imports statically, recursively. */
function staticClosure(graph: ModuleGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

const entryModule = fileURLToPath(new URL('./src/main.ts', import.meta.url));
const shellModule = fileURLToPath(new URL('./src/app/app.tsx', import.meta.url));
const firstRequestsModule = fileURLToPath(new URL('./src/app/first-requests.ts', import.meta.url));
// The screens' prefetch modules (src/app/screens.ts), which the first requests start.
const prefetchModules = ['./src/features/role-assignments/api/prefetch.ts', './src/features/tenants/api/prefetch.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);
let chunkOf: Map<string, 'requests' | 'app'> | undefined;

/**
 * Two chunks for what every signed-in load needs, less what the entry already holds:
 * - `requests`: src/app/first-requests.ts, the list screens' prefetch modules, and all they import
 *   (the query client, the API client, /auth/me, the lists' queries and look-ups), which the
 *   bootstrap runs as soon as there is a token: none of it may wait for the shell's download and
 *   evaluation, and one chunk of it compresses better than the dozen small ones left alone;
 * - `app`: the signed-in shell (src/app/app.tsx and all it imports: React DOM, MUI, the router).
 * Every screen loads both anyway; left alone, the bundler spreads them over several chunks shared
 * with the screens, and each chunk is compressed on its own.
 */
function shellChunk(id: string, graph: ModuleGraph): string | null {
  if (!chunkOf) {
    const entry = staticClosure(graph, entryModule);
    const requests = [firstRequestsModule, ...prefetchModules].flatMap((root) => [...staticClosure(graph, root)]).filter((m) => !entry.has(m));
    chunkOf = new Map(requests.map((m) => [m, 'requests' as const]));
    for (const m of staticClosure(graph, shellModule)) if (!entry.has(m) && !chunkOf.has(m)) chunkOf.set(m, 'app');
  }
  return chunkOf.get(id) ?? null;
}

// The build is environment-free: everything that differs per deployment comes from
// config.json at run time, and `base: './'` lets the same dist/ serve from / or any sub-path.
export default defineConfig({
  base: './',
  plugins: [muiWithoutCssVars(), cspMetaOnlyInBuild(), react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    // Hashed file names (assets/<name>-<hash>.js) so hosts can cache them forever (deploy/).
    // No source maps unless asked: `npm run build -- --sourcemap` or SOURCEMAP=true|hidden.
    sourcemap: sourcemapSetting(process.env.SOURCEMAP),
    target: 'es2022',
    // The signed-in shell is one chunk on purpose (~640 KB raw, ~190 KB gzip); the budgets that
    // matter are gzip per screen, checked by scripts/check-size.mjs.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: shellChunk, debugName: 'shell', includeDependenciesRecursively: false }] },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'console',
          environment: 'jsdom',
          globals: true,
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-tests.ts'],
          // Rendering the whole shell in jsdom takes seconds on a busy 2-core CI machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          globals: true,
          include: ['server/test/**/*.test.ts'],
          // One throwaway PostgreSQL cluster for the run (~1 s), for the tests that need a real
          // server's concurrency: see server/test/support/postgres-cluster.ts.
          globalSetup: ['server/test/support/postgres-cluster.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Node-side tooling: the bundle size check and the bench's figure-crunching.
        extends: true,
        test: { name: 'tools', environment: 'node', include: ['scripts/**/*.test.mjs', 'bench/**/*.test.mjs'] },
      },
    ],
  },
});
