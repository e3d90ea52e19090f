import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { CONFIG_KEYS, DEFAULT_SCOPE, loadConfig, parseConfig } from './config';

const good = {
  apiBaseUrl: 'http://127.0.0.1:8000',
  oidc: {
    authority: 'http://127.0.0.1:8000/api/v1/platform/oauth',
    clientId: 'scaikey-admin-console',
    scope: 'openid profile email offline_access',
  },
};

function problemsOf(input: unknown) {
  const result = parseConfig(input);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.problems;
}

describe('parseConfig', () => {
  it('accepts the local config as it is shipped', () => {
    expect(parseConfig(good)).toEqual({ ok: true, config: good });
  });

  it('defaults the scope and accepts an environment name', () => {
    const result = parseConfig({
      apiBaseUrl: 'https://api.example.com',
      oidc: { authority: 'https://api.example.com/api/v1/platform/oauth', clientId: 'console' },
      environmentName: 'Staging',
    });
    expect(result).toMatchObject({ ok: true, config: { oidc: { scope: DEFAULT_SCOPE }, environmentName: 'Staging' } });
  });

  it('names a missing key and what it should hold', () => {
    const problems = problemsOf({ apiBaseUrl: good.apiBaseUrl, oidc: { authority: good.oidc.authority } });
    expect(problems).toEqual([
      { key: 'oidc.clientId', message: expect.stringMatching(/^missing; expected a non-empty string/) },
    ]);
  });

  it('names a missing section', () => {
    expect(problemsOf({ apiBaseUrl: good.apiBaseUrl })).toEqual([
      { key: 'oidc', message: expect.stringContaining('missing; expected an object with the keys authority, clientId') },
    ]);
  });

  it('names a value of the wrong type and shows what was found', () => {
    const problems = problemsOf({ ...good, apiBaseUrl: 8000 });
    expect(problems).toEqual([
      { key: 'apiBaseUrl', message: expect.stringContaining('expected an absolute http(s) URL') },
    ]);
    expect(problems[0]?.message).toContain('but found number 8000');
  });

  it('rejects a relative URL and a non-http scheme', () => {
    const problems = problemsOf({ ...good, apiBaseUrl: '/api', oidc: { ...good.oidc, authority: 'ftp://x/oauth' } });
    expect(problems.map((p) => p.key)).toEqual(['apiBaseUrl', 'oidc.authority']);
    expect(problems[0]?.message).toContain('but found "/api"');
  });

  it('rejects unknown keys, naming each, at the top level and inside oidc', () => {
    const problems = problemsOf({ ...good, apiBaseURL: 'x', oidc: { ...good.oidc, client_secret: 's' } });
    expect(problems).toEqual(
      expect.arrayContaining([
        { key: 'apiBaseURL', message: expect.stringMatching(/^unknown key; remove it \(allowed keys here: apiBaseUrl, oidc, environmentName\)/) },
        { key: 'oidc.client_secret', message: expect.stringContaining('allowed keys here: authority, clientId, scope') },
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('requires openid in the scope', () => {
    expect(problemsOf({ ...good, oidc: { ...good.oidc, scope: 'profile email' } })).toEqual([
      { key: 'oidc.scope', message: expect.stringContaining('includes "openid"') },
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ oidc: { clientId: '' }, environmentName: 3 });
    expect(problems.map((p) => p.key).sort()).toEqual(['apiBaseUrl', 'environmentName', 'oidc.authority', 'oidc.clientId']);
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf([])).toEqual([{ key: null, message: expect.stringContaining('but found an array') }]);
    expect(problemsOf(null)).toEqual([{ key: null, message: expect.stringContaining('but found null') }]);
  });
});

describe('loadConfig', () => {
  it('fetches config.json relative to the base URL, bypassing caches', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(good), { status: 200 }));
    const result = await loadConfig('http://localhost:5173/console/tenants', fetchMock);
    expect(fetchMock).toHaveBeenCalledWith('http://localhost:5173/console/config.json', expect.objectContaining({ cache: 'no-store' }));
    expect(result).toEqual({ ok: true, config: good, url: 'http://localhost:5173/console/config.json' });
  });

  it('reports a missing file', async () => {
    const result = await loadConfig('http://localhost:5173/', async () => new Response('nope', { status: 404 }));
    expect(result).toEqual({
      ok: false,
      url: 'http://localhost:5173/config.json',
      problems: [{ key: null, message: 'The file could not be loaded: the server answered HTTP 404.' }],
    });
  });

  it('reports a file that is not JSON', async () => {
    const result = await loadConfig('http://localhost:5173/', async () => new Response('<html>', { status: 200 }));
    expect(result).toMatchObject({ ok: false, problems: [{ key: null, message: expect.stringContaining('not valid JSON') }] });
  });

  it('reports a network failure', async () => {
    const result = await loadConfig('http://localhost:5173/', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result).toMatchObject({ ok: false, problems: [{ message: 'The file could not be loaded: Failed to fetch.' }] });
  });
});

describe('config.json as documented and shipped', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration at deploy time'), readme.indexOf('## Deployment'));

  it('knows every key, nested ones dotted', () => {
    expect([...CONFIG_KEYS].sort()).toEqual(['apiBaseUrl', 'environmentName', 'oidc.authority', 'oidc.clientId', 'oidc.scope']);
  });

  it("has every key in the README's table, with an example", () => {
    for (const key of CONFIG_KEYS) {
      expect(section, key).toMatch(new RegExp(`^\\| \`${key.replace('.', '\\.')}\` \\| (yes|no) \\| \`.+\` `, 'm'));
    }
  });

  it("accepts the README's example, which uses every key", () => {
    const example = /```json\n([\s\S]+?)\n```/.exec(section)?.[1];
    const parsed = parseConfig(JSON.parse(example ?? 'null'));
    expect(parsed.ok).toBe(true);
    const used = JSON.stringify(JSON.parse(example ?? 'null'));
    for (const key of CONFIG_KEYS) expect(used, key).toContain(`"${key.split('.').at(-1)}":`);
  });

  it('accepts public/config.json, which the build copies to dist/', () => {
    const shipped: unknown = JSON.parse(readFileSync(resolve(__dirname, '../../public/config.json'), 'utf8'));
    expect(parseConfig(shipped).ok).toBe(true);
  });

  it('keeps zod from compiling parsers with eval, which the Content-Security-Policy forbids', () => {
    expect(z.config().jitless).toBe(true);
  });
});
