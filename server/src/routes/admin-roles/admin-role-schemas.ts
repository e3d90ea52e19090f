import type { components } from '../../../../src/lib/api/schema';
import { valueError, type Loc, type ValidationIssue } from '../../http/errors';
import { bool, datetime, nullable, object, oneOf, optional, refine, required, str, type Validator } from '../../http/validate';

export const ADMIN_ROLES = ['SUPER_ADMIN', 'PARTNER_ADMIN', 'TENANT_ADMIN'] as const satisfies readonly components['schemas']['AdminRole'][];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** An expiry must lie in the future (expired means expires_at <= now). */
function futureDatetime(now: Date): Validator<Date> {
  return refine(datetime(), (value, loc, issues) => {
    if (value.getTime() <= now.getTime()) issues.push(valueError(loc, 'expires_at must be in the future', value.toISOString()));
  });
}

/**
 * Which scope each role carries: PARTNER_ADMIN needs partner_id, TENANT_ADMIN needs tenant_id,
 * SUPER_ADMIN neither; a scope field a role does not use is refused at that field.
 */
function scopeRule(
  value: { role: AdminRole; partner_id?: string | null; tenant_id?: string | null },
  loc: Loc,
  issues: ValidationIssue[],
): void {
  const wants = { partner_id: value.role === 'PARTNER_ADMIN', tenant_id: value.role === 'TENANT_ADMIN' };
  for (const field of ['partner_id', 'tenant_id'] as const) {
    const present = value[field] != null;
    if (wants[field] && !present) {
      issues.push({ loc: [...loc, field], msg: 'Field required', type: 'missing', input: value });
    } else if (!wants[field] && present) {
      issues.push(valueError([...loc, field], `${field} is not allowed for the ${value.role} role`, value[field]));
    }
  }
}

export function adminRoleCreate(now: Date) {
  return refine(
    object(
      {
        user_id: required(str()),
        role: required(oneOf(ADMIN_ROLES)),
        partner_id: optional(nullable(str())),
        tenant_id: optional(nullable(str())),
        expires_at: optional(nullable(futureDatetime(now))),
      },
      { extra: 'forbid' },
    ),
    scopeRule,
  );
}

export function adminRoleUpdate(now: Date) {
  return object(
    {
      is_active: optional(bool()),
      expires_at: optional(nullable(futureDatetime(now))),
    },
    { extra: 'forbid' },
  );
}
