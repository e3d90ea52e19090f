import type { RoleAssignment } from './api/queries';

/** Ana Lima's Tenant Admin assignment at Acme, granted by the root admin. */
export const anaTenantAdmin: RoleAssignment = {
  id: 'adr_1',
  user_id: 'usr_ana',
  role: 'TENANT_ADMIN',
  partner_id: null,
  tenant_id: 'tnt_acme',
  is_active: true,
  expires_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  granted_by: 'usr_root',
};
