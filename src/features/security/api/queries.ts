/**
 * The security overview's reads (issue 18): the summary (`GET /tenants/security-summary`) and the
 * tenants matching security filters (`GET /tenants/?mfa_required=…`), both extensions a ScaiKey
 * server may not offer (scaikey-api.md, "Extensions"). Neither is trusted blindly: a summary that
 * is missing (404/405) or not shaped like one, and a page whose rows do not match the filters
 * asked for, come back as `available: false`, never as counts. Keys sit under ['tenants'], so a
 * tenant saved anywhere refreshes the overview too.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiClient } from '@/lib/api-client';
import { ApiError, unwrap } from '@/lib/api-error';
import { normalizeList } from '@/lib/api/normalize';
import type { components } from '@/lib/api/schema';
import { securityQuery, type SecurityFilters } from '@/lib/api/tenant-security-filters';
import { ignoredSecurityFilters } from '@/lib/api/tenant-security-match';

export type Tenant = components['schemas']['Tenant'];

const count = z.number().check(z.int(), z.gte(0));
const band = z.object({ min: z.nullable(z.number()), max: z.nullable(z.number()), count });

/** What the overview reads of the summary; anything else in the answer is ignored. */
export const summarySchema = z.object({
  total: count,
  mfa: z.object({
    required: count,
    not_required: count,
    methods: z.object({ totp: count, sms: count, email: count, webauthn: count }),
  }),
  password_min_length: z.array(band),
  session_timeout: z.array(band),
  password_expiry: z.object({ on: count, off: count }),
});

export type SecuritySummary = z.output<typeof summarySchema>;
export type CountBand = SecuritySummary['session_timeout'][number];

export type Availability<T> = { available: true; data: T } | { available: false };

/** A page of the tenants matching security filters, and its total. */
export interface MatchingTenants {
  total: number;
  items: Tenant[];
}

const securityKey = ['tenants', 'security'] as const;

export const securityQueries = {
  all: () => securityKey,
  summary: () =>
    queryOptions({
      queryKey: [...securityKey, 'summary'] as const,
      queryFn: async ({ signal }): Promise<Availability<SecuritySummary>> => {
        let body: unknown;
        try {
          body = unwrap(await apiClient().GET('/api/v1/admin/tenants/security-summary', { signal }));
        } catch (error) {
          // A server without the route takes it for a tenant id (404) or refuses the method (405).
          if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return { available: false };
          throw error;
        }
        const parsed = summarySchema.safeParse(body);
        return parsed.success ? { available: true, data: parsed.data } : { available: false };
      },
    }),
  /** The first `perPage` tenants (by name) matching `filters`, and how many match. */
  matching: (filters: SecurityFilters, perPage: number) =>
    queryOptions({
      queryKey: [...securityKey, 'matching', filters, perPage] as const,
      queryFn: async ({ signal }): Promise<Availability<MatchingTenants>> => {
        const body = unwrap(
          await apiClient().GET('/api/v1/admin/tenants/', { params: { query: { page: 1, per_page: perPage, ...securityQuery(filters) } }, signal }),
        );
        const list = normalizeList<Tenant>(body, 'tenants', { page: 1, perPage });
        if (ignoredSecurityFilters(list.items, filters).length > 0 || list.total === null) return { available: false };
        return { available: true, data: { total: list.total, items: list.items } };
      },
    }),
};
