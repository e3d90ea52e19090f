import type { components } from '../../../src/lib/api/schema';

/** The contract's types (generated from openapi/ by `npm run gen:api`), for typed test bodies. */
type Schemas = components['schemas'];
export type AdminRoleAssignment = Schemas['AdminRoleAssignment'];
export type AdminRoleAssignmentList = Schemas['AdminRoleAssignmentList'];
export type CurrentAdmin = Schemas['CurrentAdmin'];
export type HTTPError = Schemas['HTTPError'];
export type HTTPValidationError = Schemas['HTTPValidationError'];
export type Partner = Schemas['Partner'];
export type PartnerList = Schemas['PartnerList'];
export type Tenant = Schemas['Tenant'];
export type TenantList = Schemas['TenantList'];
export type User = Schemas['User'];
export type UserList = Schemas['UserList'];
