/**
 * The palette's recent picks: what the admin opened from it last, listed first next time.
 *
 * Kept in this tab's sessionStorage, one list per signed-in admin, and never anything but what an
 * option shows (its key, kind, name, second line and in-app path): no token, no record beyond
 * that. Not localStorage: the names and emails of people are personal data, and localStorage would
 * keep them on a shared workstation after the tab is closed and show them in every tab of the
 * origin. A tab's own history of what it opened is what "recent" means here; a new tab starts
 * empty. What is read back is checked (it could have been written by an older console, or edited):
 * an entry whose path is not an in-app path is dropped, so a stored value can never send the admin
 * off-site.
 */
import type { PaletteItem } from './palette-items';

/** How many picks are kept. */
export const MAX_RECENTS = 8;
const KEY_PREFIX = 'scaikey-console.palette-recents.';

export type RecentItem = PaletteItem & { run: { to: string } };

/** In-app paths only: "/tenants/tnt_1", not "//evil.example", "https://…" or "javascript:…". */
export function isInAppPath(to: string): boolean {
  return /^\/(?![/\\])/.test(to) && !/[\\\s]/.test(to);
}

const KINDS: ReadonlySet<string> = new Set(['tenant', 'user', 'admin', 'screen']);
const text = (value: unknown, max: number, min = 1): value is string => typeof value === 'string' && value.length >= min && value.length <= max;

/** One stored entry, checked field by field; null when anything is off. */
function asRecent(entry: unknown): RecentItem | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { key, kind, label, detail, run } = entry as Record<string, unknown>;
  const to = typeof run === 'object' && run !== null ? (run as Record<string, unknown>).to : undefined;
  if (!text(key, 200) || !text(kind, 20) || !KINDS.has(kind) || !text(label, 300)) return null;
  if (detail !== undefined && !text(detail, 300, 0)) return null;
  if (!text(to, 500) || !isInAppPath(to)) return null;
  return { key, kind: kind as RecentItem['kind'], label, ...(detail ? { detail } : {}), run: { to } };
}

/** The stored list, with anything malformed left out. */
export function parseRecents(raw: string | null): RecentItem[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const items: RecentItem[] = [];
  for (const entry of value) {
    const item = asRecent(entry);
    if (item && !items.some((i) => i.key === item.key)) items.push(item);
  }
  return items.slice(0, MAX_RECENTS);
}

/** Whether a pick is worth remembering: places to go, not actions (they depend on the page). */
export function isRememberable(item: PaletteItem): item is RecentItem {
  return item.kind !== 'action' && 'to' in item.run && isInAppPath(item.run.to);
}

/** `list` with `item` first (moved there if it was already in), at most MAX_RECENTS. */
export function addRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  const { key, kind, label, detail, run } = item;
  const entry: RecentItem = { key, kind, label, ...(detail ? { detail } : {}), run: { to: run.to } };
  return [entry, ...list.filter((i) => i.key !== key)].slice(0, MAX_RECENTS);
}

export interface RecentsStore {
  read: () => RecentItem[];
  /** Puts `item` first and saves; returns the new list. */
  remember: (item: RecentItem) => RecentItem[];
}

/**
 * The recents of admin `ownerId` in `storage` (sessionStorage in the app). Storage that throws
 * (disabled, full, private mode) only means nothing is remembered.
 */
export function recentsStore(storage: Storage | undefined, ownerId: string): RecentsStore {
  const key = `${KEY_PREFIX}${ownerId}`;
  const read = () => {
    try {
      return parseRecents(storage?.getItem(key) ?? null);
    } catch {
      return [];
    }
  };
  return {
    read,
    remember: (item) => {
      const next = addRecent(read(), item);
      try {
        storage?.setItem(key, JSON.stringify(next));
      } catch {
        // Nothing remembered; the palette works the same.
      }
      return next;
    },
  };
}
