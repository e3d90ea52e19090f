import { resolve } from 'node:path';
import { trustsForwardedFor } from './http/client-address';

/** Everything the stand-in reads from its environment, in one place. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Where PGlite's files and the signing key live; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** postgres://... runs the same SQL against a real PostgreSQL server instead of PGlite. */
  databaseUrl: string | null;
  /** The issuer and the base of every URL the OIDC provider hands out. */
  publicUrl: string;
  /** Access token lifetime in seconds. */
  tokenTtl: number;
  /** Refresh token lifetime in seconds. */
  refreshTtl: number;
  /**
   * TRUST_X_FORWARDED_FOR=1: behind a proxy that sets X-Forwarded-For, the client address (sign-in
   * throttle, audit log) is its last entry; otherwise the socket's peer.
   */
  trustForwardedFor: boolean;
  /** The one OAuth client this stand-in knows: the console (a public client, PKCE only). */
  client: {
    clientId: string;
    /** Origins the console may be served from: CORS answers only these. */
    allowedOrigins: string[];
    /** Exact redirect URIs accepted by /authorize. */
    redirectUris: string[];
    /** Exact URIs end-session may send the browser back to. */
    postLogoutRedirectUris: string[];
  };
}

const DEFAULT_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
  'http://localhost:8080',
  'http://127.0.0.1:8080',
];
/** The console may be served from the root or from /console/ (see deploy/). */
const CONSOLE_BASE_PATHS = ['/', '/console/'];

function list(value: string | undefined, fallback: string[]): string[] {
  if (!value) return fallback;
  return value
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 8000);
  const origins = list(env.CONSOLE_ORIGINS, DEFAULT_ORIGINS);
  const bases = list(env.CONSOLE_BASE_PATHS, CONSOLE_BASE_PATHS).map((p) =>
    p.endsWith('/') ? p : `${p}/`,
  );
  const consoleUrls = origins.flatMap((o) => bases.map((b) => `${o}${b.startsWith('/') ? b : `/${b}`}`));
  return {
    host,
    port,
    dataDir: env.DATA_DIR === ':memory:' ? null : resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/+$/, ''),
    tokenTtl: Number(env.TOKEN_TTL ?? 3600),
    refreshTtl: Number(env.REFRESH_TTL ?? 30 * 24 * 3600),
    trustForwardedFor: trustsForwardedFor(env),
    client: {
      clientId: env.OIDC_CLIENT_ID ?? 'scaikey-admin-console',
      allowedOrigins: origins,
      redirectUris: list(env.OIDC_REDIRECT_URIS, consoleUrls.map((u) => `${u}auth/callback`)),
      postLogoutRedirectUris: list(env.OIDC_POST_LOGOUT_REDIRECT_URIS, consoleUrls).map((u) =>
        u.endsWith('/') ? u : `${u}/`,
      ),
    },
  };
}

/** A config for tests: in-memory database, fixed URL. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...loadConfig({ DATA_DIR: ':memory:', PORT: '8000' }), ...overrides };
}
