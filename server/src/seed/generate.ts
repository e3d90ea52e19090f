import { generateAdminAccounts, type AdminAccountSeed } from './entities/admin-accounts';
import { generateAuditEvents, type AuditStory } from './entities/audit-events';
import { seedContext, type SeedSize } from './entities/context';
import { generatePartners, partnerDomains, type PartnerSeed } from './entities/partners';
import { generateRoles, type RoleSeed } from './entities/roles';
import { generateTenants, type TenantSeed } from './entities/tenants';
import type { UserSeed } from './entities/user-book';
import { generateUsers } from './entities/users';

export { SEED_EPOCH, type SeedSize } from './entities/context';
export { fold, slugify } from './entities/text';
export type { AdminAccountSeed, AuditStory, PartnerSeed, RoleSeed, TenantSeed, UserSeed };

export interface SeedData {
  partners: PartnerSeed[];
  tenants: TenantSeed[];
  users: UserSeed[];
  roles: RoleSeed[];
  adminAccounts: AdminAccountSeed[];
  /** The audit log's entries but the sign-ins, and who signs in (written by SQL: audit-sign-ins.ts). */
  audit: AuditStory;
}

/**
 * Builds the whole data set in memory: pure and deterministic for a given size and `now`. One
 * module per entity under entities/; they share one random stream, so this order is the data.
 */
export function generateSeed(size: SeedSize, now: Date): SeedData {
  const ctx = seedContext(size, now);
  const partners = generatePartners();
  const tenants = generateTenants(ctx, partners);
  const users = generateUsers(ctx, partners, partnerDomains(), tenants);
  const roles = generateRoles(ctx, partners, tenants, users);
  const audit = generateAuditEvents(ctx, partners, tenants, users, roles);
  return { partners, tenants: tenants.all, users: users.all, roles, adminAccounts: generateAdminAccounts(users), audit };
}
