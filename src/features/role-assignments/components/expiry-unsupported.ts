/**
 * What the expiry quick filter and the list say to a server that ignores the expiry filters. Apart
 * from the quick filter, which loads with the filter bar's chunk, so the list can say it without
 * loading the control.
 */
export const EXPIRY_UNSUPPORTED = 'Filtering by expiry is not available on this server.';
