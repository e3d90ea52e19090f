/**
 * What the command palette lists: one shape for every source (recent picks, tenants, users,
 * admins, screens, actions), so ranking, recents and the listbox deal with one type.
 */

/** Things the palette cannot do by navigating: it hands them to whoever hosts it. */
export type PaletteActionId = 'assign-role' | 'create-admin';

export type PaletteKind = 'tenant' | 'user' | 'admin' | 'screen' | 'action';

export interface PaletteItem {
  /** Unique across sources: `<kind>:<id>` (a recent pick and the same search result share it). */
  key: string;
  kind: PaletteKind;
  /** The option's first line: a name. */
  label: string;
  /** Its second line: a slug, an email, what a screen or action does. */
  detail?: string;
  /** Other words it answers to (a tenant's contact email, "new" for Create tenant). */
  keywords?: string;
  /** An in-app path to open, or an action for the host. */
  run: { to: string } | { action: PaletteActionId };
}

/** The listbox's groups, in their default order. */
export type PaletteGroupId = 'recent' | 'tenants' | 'users' | 'admins' | 'screens' | 'actions';

export const GROUP_TITLES: Record<PaletteGroupId, string> = {
  recent: 'Recent',
  tenants: 'Tenants',
  users: 'Users',
  admins: 'Admins',
  screens: 'Screens',
  actions: 'Actions',
};

export interface PaletteSection {
  group: PaletteGroupId;
  items: PaletteItem[];
}
