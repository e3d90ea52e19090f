/**
 * The tenants list's Download CSV (issue 17): the columns of a tenant row and the pages of the
 * filter on screen, for the list kit's CsvExportButton (which brings the writer, the paging, the
 * progress and the cap). The list imports this module through the button's `load`, on the click:
 * none of it is in the list's bundle.
 *
 * A row holds the tenant's own fields, its partner's NAME (through the shared batch look-ups, so a
 * page of 100 rows costs one partner request, and names the screen already showed cost none) and
 * its security settings flattened into one column each. The settings columns are made from the
 * contract's generated rules (src/lib/api/settings-rules.ts: x-label, x-unit, x-labels), so a
 * setting added to the contract becomes a column with `npm run gen:api` and no code change.
 *
 * A setting a tenant does not store is an empty cell: the server's default would apply, but
 * writing it would pass a default off as a stored value (the tenant page's form shows defaults;
 * an export is a record of what is there). A stored null (no password expiry) is empty too, and
 * so is an empty list of MFA methods. Booleans and numbers are written as values (true, 480), not
 * words, so a spreadsheet can filter and sum them; the unit is in the header.
 */
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import type { SecurityFilters } from '@/lib/api/tenant-security-filters';
import type { CsvColumn } from '@/lib/csv';
import { partnerLookups, type PartnerRecord } from '@/lib/lookups/queries';
import { resolvedName } from '@/lib/lookups/resolve';
import { fetchTenantPage } from './api/queries';
import { statusLabel, type Tenant, type TenantListSearch } from './schemas';

/** One record of the file: the tenant and its partner's name (null: no partner). */
export interface TenantCsvRow {
  tenant: Tenant;
  partner: string | null;
}

/** The words of one setting, as the generator writes them. */
interface SettingRule {
  label?: string;
  unit?: string;
  labels?: Record<string, string>;
}

/** The keys a generated rule may hold; an object with none of them groups further settings (password_policy). */
const RULE_KEYS = new Set(['label', 'unit', 'default', 'minimum', 'maximum', 'values', 'labels']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isGroup(node: Record<string, unknown>): boolean {
  const entries = Object.entries(node);
  return entries.length > 0 && entries.every(([key, value]) => !RULE_KEYS.has(key) && isRecord(value));
}

/** "password_policy.min_length" → "Password policy min length": the header of a setting with no x-label. */
function pathWords(path: readonly string[]): string {
  const text = path.join(' ').replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A stored value as its cell: lists joined, with each allowed value's label; absent and null empty. */
function settingCell(rule: SettingRule, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'string' ? (rule.labels?.[item] ?? item) : item)).join(', ');
  }
  return value;
}

/**
 * One column per known setting, in the contract's order, reading a tenant's `settings` object:
 * "MFA required", "MFA methods", "Minimum password length", …, "Session timeout (minutes)".
 */
export function settingsColumns(rules: object = SETTINGS_RULES): CsvColumn<unknown>[] {
  const columns: CsvColumn<unknown>[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      if (!isRecord(child)) continue;
      const at = [...path, key];
      if (isGroup(child)) {
        walk(child, at);
        continue;
      }
      const rule = child as SettingRule;
      const label = typeof rule.label === 'string' ? rule.label : pathWords(at);
      columns.push({
        header: typeof rule.unit === 'string' ? `${label} (${rule.unit})` : label,
        value: (settings) => {
          let value: unknown = settings;
          for (const step of at) value = isRecord(value) ? value[step] : undefined;
          return settingCell(rule, value);
        },
      });
    }
  };
  walk(rules as Record<string, unknown>, []);
  return columns;
}

/** The file's columns: the tenant, its partner, then its settings, and the id last. */
export const TENANT_CSV_COLUMNS: readonly CsvColumn<TenantCsvRow>[] = [
  { header: 'Name', value: (row) => row.tenant.name },
  { header: 'Slug', value: (row) => row.tenant.slug },
  { header: 'Status', value: (row) => statusLabel(row.tenant.status) },
  { header: 'Partner', value: (row) => row.partner },
  { header: 'Contact email', value: (row) => row.tenant.contact_email },
  { header: 'Created', value: (row) => row.tenant.created_at },
  { header: 'Updated', value: (row) => row.tenant.updated_at },
  ...settingsColumns().map(({ header, value }) => ({ header, value: (row: TenantCsvRow) => value(row.tenant.settings) })),
  { header: 'Tenant ID', value: (row) => row.tenant.id },
];

/** The list's filters, without its page. */
export type TenantExportFilters = Pick<TenantListSearch, 'search' | 'status' | 'partner_id'> & SecurityFilters;

/**
 * The names of these partners, from the shared look-up cache: those not cached yet are asked for
 * in the same tick, so the batcher sends one `?ids=` request. A deleted partner reads as the
 * screen says it; any other failure fails the page (the dialog offers Retry) rather than writing
 * "name unavailable" into a file.
 */
async function partnerNames(client: QueryClient, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = await Promise.all(
    unique.map(async (id) => {
      try {
        return (await client.fetchQuery(partnerLookups.detail(id))).name;
      } catch (error) {
        if (error instanceof ApiError && error.isNotFound) {
          return resolvedName<PartnerRecord>({ state: 'missing' }, (partner) => partner.name, id, 'partner');
        }
        throw error;
      }
    }),
  );
  return new Map(unique.map((id, i) => [id, names[i]!]));
}

/** The export's fetchPage: one page of the filter on screen (the server's order, by name), with partner names. */
export function tenantExportPages(filters: TenantExportFilters, client: QueryClient) {
  return async (page: number, perPage: number, signal: AbortSignal): Promise<{ items: TenantCsvRow[]; total: number | null }> => {
    const list = await fetchTenantPage({ ...filters, page, per_page: perPage }, signal);
    const tenants = list.items;
    const names = await partnerNames(client, tenants.flatMap((tenant) => (tenant.partner_id ? [tenant.partner_id] : [])));
    return {
      items: tenants.map((tenant) => ({ tenant, partner: tenant.partner_id ? (names.get(tenant.partner_id) ?? null) : null })),
      total: list.total,
    };
  };
}
