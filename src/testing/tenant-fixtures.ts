import type { Tenant } from '@/features/tenants/schemas';

/** A tenant as the API returns it, for unit tests: Acme, active, no partner, no settings; `over` replaces any field. */
export function tenantRecord(over: Partial<Tenant> = {}): Tenant {
  return {
    id: 'tnt_acme',
    name: 'Acme',
    slug: 'acme',
    status: 'ACTIVE',
    contact_email: null,
    partner_id: null,
    settings: {},
    branding: {},
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    ...over,
  } as Tenant;
}
