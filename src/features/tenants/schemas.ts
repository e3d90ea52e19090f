/**
 * The tenant's own fields (create form and the General section share one schema), the list's URL
 * state, and small display helpers. The security settings live in settings.ts.
 */
import * as z from 'zod/mini';
import type { components } from '@/lib/api/schema';
import { pageField, pageSizeField } from '@/components/data-list/page-params';
import { securityFilterFields } from '@/lib/api/tenant-security-filters';

export type Tenant = components['schemas']['Tenant'];
export type TenantStatus = components['schemas']['TenantStatus'];
type CreateBody = components['schemas']['TenantCreate'];
type UpdateBody = components['schemas']['TenantUpdate'];

export const TENANT_STATUSES = ['ACTIVE', 'SUSPENDED'] as const satisfies readonly TenantStatus[];

export const STATUS_LABELS: Record<TenantStatus, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
};

/** Statuses come from the server; an unknown value is shown as it comes. */
export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export const SLUG_MIN = 3;
export const SLUG_MAX = 63;

/** "Acme Corp. (EU)" → "acme-corp-eu": what the slug field suggests while the admin types a name. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

export const tenantFormSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(200, 'Use at most 200 characters')),
  slug: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter a slug'),
      z.regex(/^[a-z0-9-]*$/, 'Use only lowercase letters, digits and hyphens'),
      z.minLength(SLUG_MIN, `Use at least ${SLUG_MIN} characters`),
      z.maxLength(SLUG_MAX, `Use at most ${SLUG_MAX} characters`),
    ),
  contact_email: z.union([z.null(), z.email('Enter a valid email address, or leave it empty')]),
  partner_id: z.nullable(z.string().check(z.minLength(1))),
  status: z.enum(TENANT_STATUSES, { error: 'Choose a status' }),
});

export type TenantFormInput = z.input<typeof tenantFormSchema>;
export type TenantFormValues = z.output<typeof tenantFormSchema>;

/** The fields of this form, for mapping 422 items onto them. */
export const TENANT_FORM_FIELDS = Object.keys(tenantFormSchema.shape);

export const emptyTenantForm: TenantFormInput = {
  name: '',
  slug: '',
  contact_email: null,
  partner_id: null,
  status: 'ACTIVE',
};

/**
 * The General section's values. A status this console does not know is kept out of the form
 * (the select cannot show it), and is not sent back unless the admin picks one.
 */
export function fromTenant(tenant: Tenant): TenantFormInput {
  return {
    name: tenant.name,
    slug: tenant.slug,
    contact_email: tenant.contact_email,
    partner_id: tenant.partner_id,
    status: (TENANT_STATUSES as readonly string[]).includes(tenant.status) ? (tenant.status as TenantStatus) : ('' as TenantStatus),
  };
}

export function toCreateBody(values: TenantFormValues): CreateBody {
  return {
    name: values.name,
    slug: values.slug,
    status: values.status,
    contact_email: values.contact_email,
    partner_id: values.partner_id,
  };
}

/** Only what changed, so a PATCH never rewrites a field the admin did not touch. */
export function toUpdateBody(tenant: Tenant, values: TenantFormValues): UpdateBody {
  const body: UpdateBody = {};
  if (values.name !== tenant.name) body.name = values.name;
  if (values.slug !== tenant.slug) body.slug = values.slug;
  if (values.status !== tenant.status) body.status = values.status;
  if (values.contact_email !== tenant.contact_email) body.contact_email = values.contact_email;
  if (values.partner_id !== tenant.partner_id) body.partner_id = values.partner_id;
  return body;
}

/**
 * The list's state in the URL: `?search=acme&status=SUSPENDED&partner_id=prt_…&page=2&per_page=50`,
 * and the security filters (`?mfa_required=false&password_min_length_lt=12&session_timeout_gt=60`…,
 * lib/api/tenant-security-filters.ts).
 */
export const tenantListSearchSchema = z.object({
  search: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  status: z.optional(z.enum(TENANT_STATUSES)),
  partner_id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  ...securityFilterFields,
  page: pageField(),
  per_page: pageSizeField(),
});

export type TenantListSearch = z.output<typeof tenantListSearchSchema>;

/** A taken slug (409) is reported at the slug field of the tenant forms. */
export const SLUG_CONFLICT = { conflictField: 'slug', conflictHint: 'Choose another slug.' } as const;
