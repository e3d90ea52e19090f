import type { components } from '@/lib/api/schema';

type CurrentAdmin = components['schemas']['CurrentAdmin'];

/** The seeded super admin of the stand-in. */
export const superAdmin: CurrentAdmin = {
  id: 'usr_root',
  email: 'root@scaikey.test',
  display_name: 'Rhea Root',
  role: 'SUPER_ADMIN',
  tenant_id: null,
  partner_id: null,
};

export const tenantAdmin: CurrentAdmin = {
  id: 'usr_tenant',
  email: 'ana.lima@acme.test',
  display_name: 'Ana Lima',
  role: 'TENANT_ADMIN',
  tenant_id: 'tnt_acme',
  partner_id: null,
};

export const ME_PATH = 'GET /api/v1/admin/auth/me';
