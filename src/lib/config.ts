/**
 * Runtime configuration. Everything that differs per deployment (API base, OIDC issuer and
 * client) comes from `config.json` next to index.html, fetched and validated before the first
 * render (never from import.meta.env), so one build serves every environment.
 *
 * Checked by hand rather than with a zod schema: this module is part of the bootstrap chunk, the
 * JS of a visit before sign-in (at most 30 KB gzip, scripts/check-size.mjs), and zod's parser
 * core was a third of it. Five keys and their rules are below, each with the words shown when it
 * is wrong; the forms, which load with the app, keep using zod.
 */
import { config as zodConfig } from 'zod/v4/core';

// Zod compiles fast parsers with `new Function` unless told not to; the console's
// Content-Security-Policy (deploy/nginx.conf) allows no eval, so it must never try. The setting
// is global, and read when a schema is made: it is set here, in the bootstrap, before any module
// that makes one has loaded. (Its messages are set with the app: lib/zod-messages.ts.)
zodConfig({ jitless: true });

export const DEFAULT_SCOPE = 'openid profile email offline_access';

export interface AppConfig {
  apiBaseUrl: string;
  oidc: { authority: string; clientId: string; scope: string };
  environmentName?: string | undefined;
}

/** A rule for one value: true when it holds. */
type Check = (value: unknown) => boolean;

const httpUrl: Check = (value) => {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
};
const nonEmptyString: Check = (value) => typeof value === 'string' && value.length > 0;
const scopeWithOpenid: Check = (value) => typeof value === 'string' && value.split(/\s+/).includes('openid');

/** Each section's keys, with their rules; `optional` keys may be missing, `fallback` fills one in. */
interface KeyRule {
  check: Check;
  optional?: boolean;
  fallback?: string;
}
const SECTIONS: Record<string, Record<string, KeyRule>> = {
  '': { apiBaseUrl: { check: httpUrl }, environmentName: { check: nonEmptyString, optional: true } },
  oidc: {
    authority: { check: httpUrl },
    clientId: { check: nonEmptyString },
    scope: { check: scopeWithOpenid, fallback: DEFAULT_SCOPE },
  },
};
/** The top level's keys in config.json's order: a section's place is its key's. */
const TOP_KEYS = ['apiBaseUrl', 'oidc', 'environmentName'];

/** Every key config.json may hold, dotted ("oidc.clientId"); the README documents each. */
export const CONFIG_KEYS: readonly string[] = TOP_KEYS.flatMap((key) =>
  SECTIONS[key] ? Object.keys(SECTIONS[key]).map((inner) => `${key}.${inner}`) : [key],
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value that is not what `key` must hold: missing, or what was found instead. */
function wrong(key: string, value: unknown): ConfigProblem {
  const expected = EXPECTED[key] ?? 'a valid value';
  return {
    key: key || null,
    message: value === undefined ? `missing; expected ${expected}` : `expected ${expected}, but found ${describe(value)}`,
  };
}

/** One object's keys (the top level, or a section under `path`): its values, or its problems. */
function parseSection(path: string, input: Record<string, unknown>, problems: ConfigProblem[]): Record<string, unknown> {
  const rules = SECTIONS[path] ?? {};
  const keys = path ? Object.keys(rules) : TOP_KEYS;
  const output: Record<string, unknown> = {};
  const dotted = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of keys) {
    const value = input[key];
    if (SECTIONS[key]) {
      if (isObject(value)) output[key] = parseSection(key, value, problems);
      else problems.push(wrong(key, value));
      continue;
    }
    const rule = rules[key] as KeyRule;
    if (value === undefined && (rule.optional || rule.fallback !== undefined)) {
      if (rule.fallback !== undefined) output[key] = rule.fallback;
    } else if (rule.check(value)) output[key] = value;
    else problems.push(wrong(dotted(key), value));
  }
  for (const key of Object.keys(input)) {
    if (!keys.includes(key)) {
      problems.push({ key: dotted(key), message: `unknown key; remove it (allowed keys here: ${ALLOWED_KEYS[path] ?? 'none'})` });
    }
  }
  return output;
}

/** Validates parsed JSON. Every problem is reported, each naming its key and what was expected. */
export function parseConfig(input: unknown): ConfigParseResult {
  if (!isObject(input)) return { ok: false, problems: [wrong('', input)] };
  const problems: ConfigProblem[] = [];
  const config = parseSection('', input, problems) as unknown as AppConfig;
  return problems.length ? { ok: false, problems } : { ok: true, config };
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
