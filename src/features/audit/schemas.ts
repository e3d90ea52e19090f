import * as z from 'zod/mini';
import { pageField, pageSizeField } from '@/components/data-list/page-params';

/**
 * The audit log's view in the URL, so a link reproduces it:
 * `/audit?range=24h&actor=usr_…&action=tenant.updated&type=tenant&result=failure&tenant=tnt_…&resource=tnt_…&page=2`,
 * or a custom range `?range=custom&from=2026-11-01T00:00:00.000Z&to=…` (ISO instants). Each key
 * falls back to its default on a bad value, so a mangled link still opens.
 */
export const TIME_RANGES = ['1h', '24h', '7d', '30d', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

const HOUR_MS = 3_600_000;
/** How far back each relative range reaches. */
export const RANGE_MS: Record<Exclude<TimeRange, 'custom'>, number> = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

export const RESULTS = ['success', 'failure'] as const;
export type AuditResult = (typeof RESULTS)[number];

/** An id or a name the API gives (action, resource type): no spaces, no separators. */
const token = () => z.catch(z.optional(z.string().check(z.regex(/^[\w.:-]{1,200}$/))), undefined);
const instant = () => z.catch(z.optional(z.iso.datetime({ offset: true })), undefined);

export const auditFiltersSchema = z.object({
  page: pageField(),
  per_page: pageSizeField(),
  range: z.catch(z.optional(z.enum(TIME_RANGES)), undefined),
  from: instant(),
  to: instant(),
  actor: token(),
  action: token(),
  type: token(),
  result: z.catch(z.optional(z.enum(RESULTS)), undefined),
  tenant: token(),
  resource: token(),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** Every filter unset (page and page size kept by the caller). */
export const NO_FILTERS = {
  range: undefined,
  from: undefined,
  to: undefined,
  actor: undefined,
  action: undefined,
  type: undefined,
  result: undefined,
  tenant: undefined,
  resource: undefined,
} satisfies Partial<AuditFilters>;

export function hasActiveFilters(filters: AuditFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof typeof NO_FILTERS)[]).some((key) => filters[key] !== undefined);
}

/**
 * The time window a range stands for, as ISO instants, at `now` (a relative range ends now).
 * `until` (epoch ms, exclusive like the server's end_time): the window ends there at the latest,
 * whatever the range says; an export fixes it so that entries written meanwhile stay out.
 */
export function timeWindow(
  filters: Pick<AuditFilters, 'range' | 'from' | 'to'>,
  now: number,
  until?: number,
): { start_time?: string; end_time?: string } {
  const { range } = filters;
  const start = range === 'custom' ? filters.from : range ? new Date(now - RANGE_MS[range]).toISOString() : undefined;
  const to = range === 'custom' ? filters.to : undefined;
  const end = until === undefined || (to !== undefined && Date.parse(to) <= until) ? to : new Date(until).toISOString();
  return { ...(start ? { start_time: start } : {}), ...(end ? { end_time: end } : {}) };
}
