/**
 * Runtime configuration. Everything that differs per deployment (API base, OIDC issuer and
 * client) comes from `config.json` next to index.html, fetched and validated before the first
 * render (never from import.meta.env), so one build serves every environment.
 *
 * Uses `zod/mini` on purpose: this module is part of the bootstrap chunk, which must stay small.
 */
import * as z from 'zod/mini';

// Zod compiles fast parsers with `new Function` unless told not to; the console's
// Content-Security-Policy (deploy/nginx.conf) allows no eval, so it must never try. This module
// is the first to use zod (it is part of the bootstrap), and the setting is global.
z.config({ jitless: true });
// The English messages full zod installs on import, for any issue without a message of its own.
z.config(z.locales.en());

export const DEFAULT_SCOPE = 'openid profile email offline_access';

const httpUrl = () => z.url({ protocol: /^https?$/ });

const configSchema = z.strictObject({
  apiBaseUrl: httpUrl(),
  oidc: z.strictObject({
    authority: httpUrl(),
    clientId: z.string().check(z.minLength(1)),
    scope: z._default(
      z.string().check(z.refine((scope) => scope.split(/\s+/).includes('openid'))),
      DEFAULT_SCOPE,
    ),
  }),
  environmentName: z.optional(z.string().check(z.minLength(1))),
});

export type AppConfig = z.output<typeof configSchema>;

/** Every key config.json may hold, dotted ("oidc.clientId"); the README documents each. */
export const CONFIG_KEYS: readonly string[] = Object.entries(configSchema.def.shape).flatMap(([key, schema]) =>
  schema instanceof z.ZodMiniObject ? Object.keys(schema.def.shape).map((inner) => `${key}.${inner}`) : [key],
);

/** What each key must hold, in words a person deploying the console understands. */
const EXPECTED: Record<string, string> = {
  '': 'a JSON object with the keys apiBaseUrl, oidc and (optionally) environmentName',
  apiBaseUrl: 'an absolute http(s) URL of the ScaiKey API, e.g. "https://scaikey.example.com"',
  oidc: 'an object with the keys authority, clientId and scope',
  'oidc.authority':
    'the absolute http(s) URL of the OIDC issuer, e.g. "https://scaikey.example.com/api/v1/platform/oauth"',
  'oidc.clientId': 'a non-empty string, e.g. "scaikey-admin-console"',
  'oidc.scope': `a space-separated list of scopes that includes "openid", e.g. "${DEFAULT_SCOPE}"`,
  environmentName: 'a non-empty string shown as a badge in the app bar, e.g. "STAGING"',
};

const ALLOWED_KEYS: Record<string, string> = {
  '': 'apiBaseUrl, oidc, environmentName',
  oidc: 'authority, clientId, scope',
};

export interface ConfigProblem {
  /** The dotted key the problem is about; null when it is about the file as a whole. */
  key: string | null;
  message: string;
}

export type ConfigParseResult =
  | { ok: true; config: AppConfig }
  | { ok: false; problems: ConfigProblem[] };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Validates parsed JSON. Every problem is reported, each naming its key and what was expected. */
export function parseConfig(input: unknown): ConfigParseResult {
  const result = configSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };

  const problems: ConfigProblem[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) {
        problems.push({
          key: key ? `${key}.${unknownKey}` : unknownKey,
          message: `unknown key; remove it (allowed keys here: ${ALLOWED_KEYS[key] ?? 'none'})`,
        });
      }
      continue;
    }
    const expected = EXPECTED[key] ?? 'a valid value';
    const value = valueAt(input, issue.path);
    problems.push({
      key: key || null,
      message:
        value === undefined ? `missing; expected ${expected}` : `expected ${expected}, but found ${describe(value)}`,
    });
  }
  return { ok: false, problems };
}

export type ConfigLoadResult =
  | { ok: true; config: AppConfig; url: string }
  | { ok: false; problems: ConfigProblem[]; url: string };

/** Fetches and validates config.json relative to the document's base URL, bypassing caches. */
export async function loadConfig(
  baseURI: string = document.baseURI,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<ConfigLoadResult> {
  const url = new URL('config.json', baseURI).href;
  let text: string;
  try {
    const response = await fetchImpl(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) {
      return {
        ok: false,
        url,
        problems: [{ key: null, message: `The file could not be loaded: the server answered HTTP ${response.status}.` }],
      };
    }
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      url,
      problems: [
        { key: null, message: `The file could not be loaded: ${error instanceof Error ? error.message : String(error)}.` },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      url,
      problems: [
        { key: null, message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` },
      ],
    };
  }
  const parsed = parseConfig(json);
  return parsed.ok ? { ok: true, config: parsed.config, url } : { ok: false, problems: parsed.problems, url };
}

let current: AppConfig | null = null;

/** Called once by the bootstrap (and by the test setup) before the app is imported. */
export function setConfig(config: AppConfig): void {
  current = config;
}

export function getConfig(): AppConfig {
  if (!current) throw new Error('The console configuration has not been loaded yet.');
  return current;
}
