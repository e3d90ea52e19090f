import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** SOURCEMAP=true (maps linked from the bundles), hidden (maps written, not linked) or unset (none). */
function sourcemapSetting(value: string | undefined): boolean | 'hidden' {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (value === 'hidden') return 'hidden';
  throw new Error(`SOURCEMAP must be true, hidden or false, not "${value}".`);
}

// The build is environment-free: everything that differs per deployment comes from
// config.json at run time, and `base: './'` lets the same dist/ serve from / or any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
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
