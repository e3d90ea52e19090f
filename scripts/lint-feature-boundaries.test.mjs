// Proof that every folder under src/features is held to "a feature must not import another"
// (eslint.config.js reads the folders, so a new feature is covered without editing a list: the
// palette, admins, audit and security features were not, for a while).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const features = readdirSync(join(root, 'src', 'features')).filter((name) => !name.includes('.'));

/** An importable module of a feature, as `@/features/<feature>/<path>` (a real file, so it resolves). */
function aModuleOf(feature) {
  const base = join(root, 'src', 'features', feature);
  const file = readdirSync(base, { recursive: true }).find((f) => /\.tsx?$/.test(f) && !/\.(test|d)\./.test(f));
  return `@/features/${feature}/${file.replace(/\.tsx?$/, '').replaceAll('\\', '/')}`;
}

async function lintAs(feature, text) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
  const [result] = await eslint.lintText(text, { filePath: join(root, 'src', 'features', feature, 'boundary-probe.ts') });
  return result.messages.map((m) => m.ruleId);
}

describe('feature boundaries', () => {
  it.each(features)('%s may not import another feature, but may import shared code', { timeout: 60_000 }, async (feature) => {
    const other = features.find((f) => f !== feature);
    expect(await lintAs(feature, `export * from '${aModuleOf(other)}';\n`)).toContain('import-x/no-restricted-paths');
    expect(await lintAs(feature, `export { plural } from '@/utils/plain-words';\n`)).toEqual([]);
  });
});
