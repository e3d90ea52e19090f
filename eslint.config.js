// Flat config. Beyond the usual TypeScript and React checks it enforces the layout in
// shared/style.md: shared code -> features -> app, no feature importing another, no cycles,
// kebab-case file names, and jsx-a11y on every component.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = readdirSync(new URL('./src/features', import.meta.url)).filter((name) => !name.includes('.'));

/** File and folder names are kebab-case (schema.d.ts, *.test.tsx and *.spec.ts included). */
const kebabCase = {
  meta: { type: 'suggestion', schema: [], messages: { name: "File name '{{name}}' is not kebab-case." } },
  create(context) {
    return {
      Program(node) {
        const file = context.filename.split(/[\\/]/).pop() ?? '';
        const stem = file.split('.')[0] ?? '';
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem)) context.report({ node, messageId: 'name', data: { name: file } });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'src/lib/api/schema.d.ts',
      'playwright-report/**',
      'test-results/**',
      '.data/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX, local: { rules: { 'kebab-case': kebabCase } } },
    settings: {
      // import-x reads an imported module only if its extension is listed here (the default is
      // .js/.mjs/.cjs), and parses it with this file's parser (typescript-eslint's, set for every
      // file above). Without the TypeScript ones, no-cycle never saw a .ts import and passed any
      // cycle; scripts/lint-no-cycle.test.mjs plants one and checks that it fails.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      // Absolute tsconfig paths: relative ones are read from the working directory, so `eslint`
      // run from a sub-folder (or by an editor) silently stopped resolving `@/`.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'server/tsconfig.json', 'e2e/tsconfig.json'].map((p) => join(import.meta.dirname, p)),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'local/kebab-case': 'error',
      // ignoreExternal: nothing in node_modules imports our code back, and not parsing it keeps the
      // rule to ~+15% of lint CPU time (without it, ~2x) on 2 cores, so it runs everywhere, not only in CI.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'import-x/no-restricted-paths': [
        'error',
        {
          // Zones are read from this file's folder, not from wherever eslint runs (it used to be cwd,
          // so from a sub-folder every zone silently matched nothing).
          basePath: import.meta.dirname,
          zones: [
            // A feature never imports another feature; screens that need two are assembled in app/.
            ...FEATURES.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'A feature must not import another feature: compose them in src/app/routes.',
            })),
            { target: './src/features', from: './src/app', message: 'Features must not import the app layer.' },
            {
              target: ['./src/components', './src/hooks', './src/lib', './src/utils', './src/config'],
              from: ['./src/features', './src/app'],
              message: 'Shared code must not depend on features or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server, e2e suite and scripts run in Node and never import the console's code
    // (except the generated API types, which are type-only).
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,js}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './server',
              from: './src',
              except: ['./lib/api/schema.d.ts', './lib/api/settings-rules.ts'],
              message: 'The stand-in must not import console code (only what is generated from the contract).',
            },
            { target: './e2e', from: './src', except: ['./lib/api/schema.d.ts'], message: 'e2e drives the console from outside.' },
          ],
        },
      ],
    },
  },
);
