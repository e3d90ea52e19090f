import type { components } from '../../../../src/lib/api/schema';

/** What a partner list may be filtered by: the contract's PartnerStatus (checked at compile time). */
export const PARTNER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const satisfies readonly components['schemas']['PartnerStatus'][];
