/**
 * The tenants list's way to the bulk bar's issue-18 parts (Apply security policy, Select all
 * matching): the list imports only this small module, on first use, and it imports the rest. A
 * direct dynamic import would put the file names of every chunk those parts need (their preload
 * list) into the list's own bundle, which is at its budget.
 */
export const loadApplyPolicyDialogs = () => import('./apply-policy-dialogs').then((m) => m.ApplyPolicyDialogs);
export const loadTenantSelectAll = () => import('./tenant-select-all').then((m) => ({ default: m.TenantSelectAll }));
