import type { Tenant, TenantStatus } from '../schemas';

/** What the bulk Suspend/Reactivate buttons and their dialogs share (issue 17). */

/** What a run acts on: the tenant as the list last showed it (status unknown if no list holds it any more). */
export type BulkTenant = Pick<Tenant, 'id' | 'name'> & { status?: string };

export const BULK_ACTIONS = {
  SUSPENDED: { verb: 'Suspend', already: 'already suspended', destructive: true },
  ACTIVE: { verb: 'Reactivate', already: 'already active', destructive: false },
} as const satisfies Record<TenantStatus, unknown>;

export type BulkTarget = keyof typeof BULK_ACTIONS;

/** "1 tenant", "1,000 tenants". */
export const tenantsText = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'tenant' : 'tenants'}`;
