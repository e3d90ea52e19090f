// Proof that `import-x/no-cycle` in eslint.config.js really runs on TypeScript. For a long time it
// did not: import-x skipped every .ts import (no `import-x/extensions` for them), so any cycle
// passed lint. Here a cycle is planted under src/ (so the project's own config and its `@/` alias
// apply) and linted through ESLint's Node API; a chain without a cycle must stay clean.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// A unique, short-lived folder: other checks (lint, typecheck) never run at the same time in
// `npm test`, and it is removed even when a test fails.
const dirName = `no-cycle-fixture-${process.pid}-${Date.now()}`;
const dir = join(root, 'src', dirName);

const files = {
  // a → b by a relative path, b → a through the alias: the cycle spans both ways of importing.
  'cycle-a.ts': `import { b } from './cycle-b';\n\nexport const a = (): number => b() + 1;\n`,
  'cycle-b.ts': `import { a } from '@/${dirName}/cycle-a';\n\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n`,
  // c → d → e, no way back.
  'chain-c.ts': `import { d } from './chain-d';\n\nexport const c = (): number => d() + 1;\n`,
  'chain-d.ts': `import { e } from '@/${dirName}/chain-e';\n\nexport const d = (): number => e + 1;\n`,
  'chain-e.ts': `export const e = 1;\n`,
};

/** @param {string[]} names */
async function lint(names) {
  // cwd without a trailing slash: the TypeScript resolver (4.4) loses the tsconfig, and so `@/`,
  // whenever ESLint's cwd differs from process.cwd() even by that slash.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
  const results = await eslint.lintFiles(names.map((n) => join(dir, n)));
  return Object.fromEntries(
    results.map((r) => [relative(dir, r.filePath), r.messages.map((m) => `${m.ruleId}: ${m.message}`)]),
  );
}

describe('import-x/no-cycle', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails a two-file cycle between TypeScript modules, through the @/ alias too', { timeout: 60_000 }, async () => {
    expect(await lint(['cycle-a.ts', 'cycle-b.ts'])).toEqual({
      'cycle-a.ts': ['import-x/no-cycle: Dependency cycle detected'],
      'cycle-b.ts': ['import-x/no-cycle: Dependency cycle detected'],
    });
  });

  it('still resolves @/ and finds the cycle when the CLI runs from a sub-folder', { timeout: 60_000 }, () => {
    const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', join(dirName, 'cycle-b.ts')], {
      cwd: join(root, 'src'),
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });

  it('passes a chain of imports that never comes back', { timeout: 60_000 }, async () => {
    expect(await lint(['chain-c.ts', 'chain-d.ts', 'chain-e.ts'])).toEqual({
      'chain-c.ts': [],
      'chain-d.ts': [],
      'chain-e.ts': [],
    });
  });
});
