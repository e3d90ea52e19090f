/**
 * How the palette orders what it found. Pure, so every rule has a unit test (ranking.test.ts).
 *
 * - A match scores by where the words are found: the whole name (100), the start of it (80), the
 *   start of a word in it (60), anywhere in it (40); in the second line or the keywords a little
 *   less. Screens and actions (a handful, all local) also match letters in order ("rlas" →
 *   "Role assignments", 10), so a few keys reach them.
 * - Server results were matched by the server on fields the palette may not show: they stay even
 *   when no visible text matches (lowest score), in the server's order among equals.
 * - Recent picks that match come first, and the same record is not listed twice.
 * - The other groups are ordered by their best match, ties in a fixed order (tenants, users,
 *   admins, screens, actions): typing "tenants" puts the Tenants screen first, typing a tenant's
 *   name puts that tenant first.
 */
import type { PaletteGroupId, PaletteItem, PaletteSection } from './palette-items';

/** Lowercase, accents dropped ("José" matches "jose"), spaces collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const WORD_START = /[\s\-_.@/(]/;

/** How well `term` (normalized) matches `text`: 0 when it does not occur. */
function textScore(term: string, text: string, fuzzy: boolean): number {
  const t = normalize(text);
  if (!t) return 0;
  if (t === term) return 100;
  if (t.startsWith(term)) return 80;
  let at = t.indexOf(term);
  let best = at >= 0 ? 40 : 0;
  while (at > 0) {
    if (WORD_START.test(t[at - 1]!)) return 60;
    at = t.indexOf(term, at + 1);
  }
  if (!best && term.includes(' ')) {
    // "acme corp" finds "Acme Holdings Corporation": every word somewhere.
    const words = term.split(' ');
    if (words.every((w) => t.includes(w))) best = 30;
  }
  if (!best && fuzzy && isSubsequence(term.replace(/ /g, ''), t)) best = 10;
  return best;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i === needle.length;
}

/**
 * The item's score for `term` (any case); 0 = no match. Matches in the second line and keywords
 * count slightly less than in the name. `fuzzy` allows letters in order (screens, actions).
 */
export function matchScore(term: string, item: Pick<PaletteItem, 'label' | 'detail' | 'keywords'>, fuzzy = false): number {
  const q = normalize(term);
  if (!q) return 1;
  return Math.max(
    textScore(q, item.label, fuzzy),
    textScore(q, item.detail ?? '', false) * 0.9,
    textScore(q, item.keywords ?? '', false) * 0.8,
  );
}

/** Items that match `term`, best first, the given order kept among equals. */
export function rankItems(term: string, items: readonly PaletteItem[], { fuzzy = false, keepUnmatched = false } = {}): PaletteItem[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(term, item, fuzzy) || (keepUnmatched ? 0.5 : 0) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.item);
}

/** What the palette has to rank, per group. Server groups are already narrowed to `term`. */
export interface PaletteSources {
  recents: readonly PaletteItem[];
  tenants: readonly PaletteItem[];
  users: readonly PaletteItem[];
  admins: readonly PaletteItem[];
  screens: readonly PaletteItem[];
  actions: readonly PaletteItem[];
}

/** At most this many options per group, so every group stays in view. */
export const GROUP_LIMIT = 5;
/** With nothing typed, this many recent picks. */
export const RECENT_LIMIT = 5;

const SEARCHED: readonly Exclude<PaletteGroupId, 'recent'>[] = ['tenants', 'users', 'admins', 'screens', 'actions'];

/**
 * The listbox's sections for `term`. With nothing typed: recent picks, the screens and the
 * actions. With a term: matching recent picks first, then the groups that matched, the group with
 * the best match first. Empty groups are left out.
 */
export function buildSections(term: string, sources: PaletteSources): PaletteSection[] {
  const q = normalize(term);
  if (!q) {
    return [
      { group: 'recent' as const, items: sources.recents.slice(0, RECENT_LIMIT) },
      { group: 'screens' as const, items: [...sources.screens] },
      { group: 'actions' as const, items: [...sources.actions] },
    ].filter((s) => s.items.length > 0);
  }
  const recents = rankItems(q, sources.recents, { fuzzy: true }).slice(0, RECENT_LIMIT);
  const shown = new Set(recents.map((i) => i.key));
  const ranked = SEARCHED.map((group, order) => {
    const local = group === 'screens' || group === 'actions';
    const items = rankItems(q, sources[group], { fuzzy: local, keepUnmatched: group === 'tenants' || group === 'users' })
      .filter((i) => !shown.has(i.key))
      .slice(0, GROUP_LIMIT);
    const best = items.reduce((max, i) => Math.max(max, matchScore(q, i, local)), 0);
    return { group, items, best, order };
  })
    .filter((s) => s.items.length > 0)
    .sort((a, b) => b.best - a.best || a.order - b.order)
    .map(({ group, items }) => ({ group, items }));
  return recents.length ? [{ group: 'recent', items: recents }, ...ranked] : ranked;
}

/** The sections' options in listbox order (what the arrow keys walk through). */
export function flatten(sections: readonly PaletteSection[]): PaletteItem[] {
  return sections.flatMap((s) => s.items);
}
