/** What the palette's live region says once the results for a term are in. */
import type { PaletteGroupId, PaletteSection } from './palette-items';

const NOUNS: Record<PaletteGroupId, [string, string]> = {
  recent: ['recent item', 'recent items'],
  tenants: ['tenant', 'tenants'],
  users: ['user', 'users'],
  admins: ['admin', 'admins'],
  screens: ['screen', 'screens'],
  actions: ['action', 'actions'],
};

/** "5 results: 2 tenants, 1 user, 2 actions." / "No results." */
export function resultsAnnouncement(sections: readonly PaletteSection[], failed = false): string {
  const total = sections.reduce((sum, s) => sum + s.items.length, 0);
  const suffix = failed ? ' The search of tenants and users failed.' : '';
  if (!total) return `No results.${suffix}`;
  const parts = sections.map((s) => `${s.items.length} ${NOUNS[s.group][s.items.length === 1 ? 0 : 1]}`);
  return `${total} ${total === 1 ? 'result' : 'results'}: ${parts.join(', ')}.${suffix}`;
}
