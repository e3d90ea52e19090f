/**
 * The palette's server searches: tenants (`/tenants/?search=`, name, slug and contact email) and
 * users (`/users/?search=`, email and names), through the shared lookups (lib/lookups), so a search
 * the pickers made is not asked again. Admin accounts come from the host (the Admins API has no
 * search: the host reads every account, page by page, and the palette narrows them here).
 *
 * Stale answers: each query is keyed by its term (['lookups', kind, 'search', {search}]) and the
 * palette renders only the query of the current term, so an older answer that arrives last lands
 * in its own cache entry and is never shown for a newer term (command-palette.test.tsx). While the
 * current term's answer is on its way, the previous answer is shown narrowed to what the typed
 * term still matches, so narrowing a search never flickers.
 *
 * Terms under SERVER_SEARCH_MIN_CHARS are not sent: with one or two letters a substring search
 * matches a large part of 100,000 tenants and cannot use the trigram indexes (160 ms at the
 * stand-in for "ab", bench), and its first five hits are no way to jump to anything.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@/components/pickers/use-debounced-value';
import { paths } from '@/config/paths';
import { tenantLookups, userDisplayName, userLookups, type TenantRecord, type UserRecord } from '@/lib/lookups/queries';
import type { PaletteItem } from '../palette-items';
import { matchScore } from '../ranking';

/** Shorter than the pickers' pause: results must show within 150 ms of the last key. */
export const PALETTE_DEBOUNCE_MS = 80;
export const SERVER_SEARCH_MIN_CHARS = 3;

/** An admin account as the palette needs it (the Admins API's fields). */
export interface PaletteAdmin {
  id: string;
  email: string;
  fullName: string;
}

export function tenantItem(tenant: TenantRecord): PaletteItem {
  return {
    key: `tenant:${tenant.id}`,
    kind: 'tenant',
    label: tenant.name,
    detail: tenant.slug,
    keywords: tenant.contact_email ?? undefined,
    run: { to: paths.tenant.to(tenant.id) },
  };
}

/** Users open on their roles page. */
export function userItem(user: UserRecord): PaletteItem {
  const name = userDisplayName(user);
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    key: `user:${user.id}`,
    kind: 'user',
    label: name,
    ...(name !== user.email ? { detail: user.email } : {}),
    keywords: full,
    run: { to: paths.userRoles.to(user.id) },
  };
}

export function adminItem(admin: PaletteAdmin): PaletteItem {
  return { key: `admin:${admin.id}`, kind: 'admin', label: admin.fullName || admin.email, detail: admin.email, run: { to: paths.admin.to(admin.id) } };
}

export interface PaletteSearch {
  tenants: PaletteItem[];
  users: PaletteItem[];
  admins: PaletteItem[];
  /** The typed term's server answers are not all in yet (typing, or requests in flight). */
  pending: boolean;
  /** A search failed: the groups it feeds are empty, and the palette says so. */
  failed: boolean;
}

/** Items of an answer that was for another term, narrowed to what `term` still matches. */
function narrowed(items: PaletteItem[], term: string, exact: boolean): PaletteItem[] {
  return exact ? items : items.filter((item) => matchScore(term, item) > 0);
}

export function usePaletteSearch(term: string, admins: readonly PaletteAdmin[] | undefined): PaletteSearch {
  const typed = term.trim();
  const debounced = useDebouncedValue(typed, PALETTE_DEBOUNCE_MS);
  const serverTerm = debounced.length >= SERVER_SEARCH_MIN_CHARS ? debounced : '';
  const enabled = serverTerm !== '' && typed.length >= SERVER_SEARCH_MIN_CHARS;
  const tenants = useQuery({ ...tenantLookups.search(serverTerm), enabled, placeholderData: keepPreviousData });
  const users = useQuery({ ...userLookups.search(serverTerm), enabled, placeholderData: keepPreviousData });

  const searching = typed.length >= SERVER_SEARCH_MIN_CHARS;
  const upToDate = (q: { isPlaceholderData: boolean }) => !q.isPlaceholderData && serverTerm === typed;
  const tenantItems = searching ? narrowed((tenants.data ?? []).map(tenantItem), typed, upToDate(tenants)) : [];
  const userItems = searching ? narrowed((users.data ?? []).map(userItem), typed, upToDate(users)) : [];
  const adminItems = typed ? (admins ?? []).map(adminItem).filter((item) => matchScore(typed, item) > 0) : [];

  return {
    tenants: tenantItems,
    users: userItems,
    admins: adminItems,
    // The admin accounts still loading (undefined) count too: Enter then waits for them.
    pending: (searching && (serverTerm !== typed || tenants.isFetching || users.isFetching)) || (typed !== '' && admins === undefined),
    failed: searching && (tenants.isError || users.isError),
  };
}
