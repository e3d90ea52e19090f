import type { Hono } from 'hono';
import { createApp } from '../../src/app';
import { loadOrCreateKeys } from '../../src/auth/keys';
import { signAccessToken, type AccessTokenInput } from '../../src/auth/tokens';
import { testConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { openDb } from '../../src/db/db';
import { ACME_TENANT, FIRST_PARTNER_ID, PLATFORM_TENANT, SEED_ACCOUNTS } from '../../src/seed/fixtures';
import { seed } from '../../src/seed/seed';

/** The instant every API test starts at; seed expiries are placed relative to it. */
export const TEST_NOW = new Date('2026-11-01T09:00:00.000Z');

export type Who = 'superAdmin' | 'partnerAdmin' | 'tenantAdmin' | 'expiredAdmin';

/** The claims the OIDC provider would put in each seeded account's access token. */
export const CLAIMS: Record<Who, AccessTokenInput> = {
  superAdmin: { sub: SEED_ACCOUNTS.root.id, scope: 'openid profile email', tenant_id: PLATFORM_TENANT.id, role: 'super_admin' },
  partnerAdmin: {
    sub: SEED_ACCOUNTS.partnerAdmin.id,
    scope: 'openid profile email',
    tenant_id: PLATFORM_TENANT.id,
    role: 'partner_admin',
    partner_id: FIRST_PARTNER_ID,
  },
  tenantAdmin: { sub: SEED_ACCOUNTS.tenantAdmin.id, scope: 'openid profile email', tenant_id: ACME_TENANT.id, role: 'tenant_admin' },
  // Eve's only role has expired, so her token carries no role claim.
  expiredAdmin: { sub: SEED_ACCOUNTS.expiredAdmin.id, scope: 'openid profile email', tenant_id: PLATFORM_TENANT.id },
};

export interface CallOptions {
  /** Whose token to send (default superAdmin); null sends none. */
  as?: Who | null;
  /** A token of your own instead of `as`. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (bad JSON and the like). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  ctx: AppContext;
  app: Hono;
  clock: { set(date: Date): void; advance(ms: number): void; reset(): void };
  token(claims: AccessTokenInput): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A real PostgreSQL database (postgres.ts's createTestDatabase) instead of in-memory PGlite. */
  databaseUrl?: string;
}

/**
 * One in-memory database per test file (opening PGlite and migrating takes seconds), seeded
 * with the standard data at TEST_NOW, a movable clock, and a caller that signs requests as
 * any seeded account.
 */
export async function createApiHarness(options: HarnessOptions = {}): Promise<ApiHarness> {
  const config = testConfig({ databaseUrl: options.databaseUrl ?? null });
  let now = TEST_NOW;
  const ctx: AppContext = {
    db: await openDb(config),
    config,
    keys: await loadOrCreateKeys(null),
    now: () => now,
  };
  await seed(ctx.db, { size: 'standard', now: TEST_NOW });
  const app = createApp(ctx);
  const tokens = new Map<Who, string>();
  for (const who of Object.keys(CLAIMS) as Who[]) {
    // Long-lived, so moving the clock forward in a test does not expire them.
    tokens.set(who, await signAccessToken(ctx, { ...CLAIMS[who], ttl: 10 * 365 * 86400 }));
  }
  return {
    ctx,
    app,
    clock: {
      set: (date) => (now = date),
      advance: (ms) => (now = new Date(now.getTime() + ms)),
      reset: () => (now = TEST_NOW),
    },
    token: (claims) => signAccessToken(ctx, claims),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const who = options.as === undefined ? 'superAdmin' : options.as;
      const token = options.token ?? (who ? tokens.get(who) : undefined);
      if (token) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['Content-Type'] ??= 'application/json';
      return app.request(path, { method, headers, body });
    },
    close: () => ctx.db.close(),
  };
}
