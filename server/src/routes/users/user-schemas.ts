import type { components } from '../../../../src/lib/api/schema';

/** What a user list may be filtered by: the contract's UserStatus (checked at compile time). */
export const USER_STATUSES = ['ACTIVE', 'SUSPENDED', 'PENDING'] as const satisfies readonly components['schemas']['UserStatus'][];
