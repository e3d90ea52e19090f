/**
 * Where the suite runs. With no settings: the stand-in on 127.0.0.1:8000 and a fresh build
 * served on localhost:4173, both started by playwright.config.ts.
 */
const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:4173').replace(/\/?$/, '/');
const apiUrl = (process.env.E2E_API_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');

export interface Account {
  email: string;
  password: string;
  /** The display name the stand-in's seed gives this account (unknown elsewhere). */
  name?: string;
}

const seededPassword = 'ChangeMe-123!';

export const E2E = {
  baseUrl,
  apiUrl,
  /** True when nothing was pointed elsewhere: start the stand-in and a build here. */
  startsLocalServers: !process.env.E2E_BASE_URL,
  /** True when the API is the stand-in with its seed: locally, or when E2E_STAND_IN=1 says so. */
  usesStandIn: !process.env.E2E_BASE_URL || process.env.E2E_STAND_IN === '1',
  clientId: process.env.E2E_CLIENT_ID ?? 'scaikey-admin-console',
  accounts: {
    superAdmin: {
      email: process.env.E2E_SUPER_ADMIN_EMAIL ?? 'root@scaikey.test',
      password: process.env.E2E_SUPER_ADMIN_PASSWORD ?? seededPassword,
      name: process.env.E2E_SUPER_ADMIN_EMAIL ? undefined : 'Rhea Root',
    },
    tenantAdmin: {
      email: process.env.E2E_TENANT_ADMIN_EMAIL ?? 'tenant.admin@scaikey.test',
      password: process.env.E2E_TENANT_ADMIN_PASSWORD ?? seededPassword,
    },
    expiredAdmin: { email: 'expired.admin@scaikey.test', password: seededPassword },
  } satisfies Record<string, Account>,
  storageState: (who: 'super-admin' | 'tenant-admin') => `e2e/.auth/${who}.json`,
};
