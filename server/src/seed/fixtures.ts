import { seedGuid, seedId } from './prng';

/**
 * The seed's notable records, with ids that never change: tests, e2e and the README can name
 * them without a database. Every seeded account uses SEED_PASSWORD.
 */
export const SEED_PASSWORD = 'ChangeMe-123!';

export const PLATFORM_TENANT = { id: seedId('tnt', 1), name: 'ScaiKey Platform', slug: 'scaikey-platform' } as const;
export const ACME_TENANT = { id: seedId('tnt', 2), name: 'Acme Corporation', slug: 'acme' } as const;
export const FIRST_PARTNER_ID = seedId('prt', 1);

export interface SeedAccount {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** What the account is for, as the startup banner and README say. */
  purpose: string;
}

export const SEED_ACCOUNTS = {
  root: {
    id: seedId('usr', 1),
    email: 'root@scaikey.test',
    firstName: 'Rhea',
    lastName: 'Root',
    purpose: 'Super Admin',
  },
  partnerAdmin: {
    id: seedId('usr', 2),
    email: 'partner.admin@scaikey.test',
    firstName: 'Paolo',
    lastName: 'Partner',
    purpose: 'Partner Admin of Northwind Partners only',
  },
  tenantAdmin: {
    id: seedId('usr', 3),
    email: 'tenant.admin@scaikey.test',
    firstName: 'Theo',
    lastName: 'Tenant',
    purpose: 'Tenant Admin of Acme Corporation only',
  },
  expiredAdmin: {
    id: seedId('usr', 4),
    email: 'expired.admin@scaikey.test',
    firstName: 'Eve',
    lastName: 'Expired',
    purpose: 'Super Admin whose assignment has expired',
  },
} as const satisfies Record<string, SeedAccount>;

/** Ana Lima: a Tenant Admin of Acme Corporation without a password (a revoke target). */
export const ANA_LIMA = { id: seedId('usr', 5), email: 'ana.lima@acme.example', firstName: 'Ana', lastName: 'Lima' } as const;

/** The assignments of the accounts above, in this order: root, partner, tenant, expired, Ana. */
export const SEED_ROLE_IDS = {
  root: seedId('adr', 1),
  partnerAdmin: seedId('adr', 2),
  tenantAdmin: seedId('adr', 3),
  expiredAdmin: seedId('adr', 4),
  anaLima: seedId('adr', 5),
} as const;

/**
 * The admin accounts (Admins API, /api/admins) of the four accounts above: seeded admins are
 * admin accounts too. Generated accounts follow from seedGuid(5) on.
 */
export const SEED_ADMIN_ACCOUNT_IDS = {
  root: seedGuid(1),
  partnerAdmin: seedGuid(2),
  tenantAdmin: seedGuid(3),
  expiredAdmin: seedGuid(4),
} as const satisfies Record<keyof typeof SEED_ACCOUNTS, string>;
