// Fails when src/lib/api/schema.d.ts is not what `npm run gen:api` makes of openapi/ today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, OUT as RULES } from './gen-settings-rules.mjs';

const out = join(mkdtempSync(join(tmpdir(), 'gen-api-')), 'schema.d.ts');
execFileSync('npx', ['openapi-typescript', 'openapi/scaikey-admin.yaml', '-o', out], { stdio: 'ignore' });
const fresh = readFileSync(out, 'utf8');
const committed = readFileSync('src/lib/api/schema.d.ts', 'utf8');
if (fresh !== committed) {
  console.error('src/lib/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.');
  process.exit(1);
}
if (generate(readFileSync('openapi/scaikey-admin.yaml', 'utf8')) !== readFileSync(RULES, 'utf8')) {
  console.error(`${RULES} is stale: run \`npm run gen:api\` and commit the result.`);
  process.exit(1);
}
console.log('API types and settings rules are up to date with openapi/scaikey-admin.yaml');
