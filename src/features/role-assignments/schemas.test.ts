import {
  assignmentStatus,
  isOwnSuperAdmin,
  LAST_PERMANENT_SUPER_ADMIN_REASON,
  LAST_SUPER_ADMIN_REASON,
  OWN_SUPER_ADMIN_REASON,
  superAdminProtection,
  makeAssignRoleCommonSchema,
  makeAssignRoleSchema,
  makeExpirySchema,
  roleLabel,
  toCreateBody,
  type AssignRoleFormState,
} from './schemas';
import { isoToLocalDateTime } from '@/utils/dates';

const now = new Date('2026-06-01T12:00:00Z');
const schema = makeAssignRoleSchema(() => now);
const form = (over: Partial<AssignRoleFormState>): AssignRoleFormState => ({
  user_id: 'usr_1',
  role: 'SUPER_ADMIN',
  partner_id: '',
  tenant_id: '',
  expires_at: '',
  ...over,
});
const messages = (input: AssignRoleFormState) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('assign role schema', () => {
  it('a Super Admin needs only a user and sends no scope, even if scope fields were filled before', () => {
    const r = schema.parse(form({ role: 'SUPER_ADMIN', partner_id: 'prt_1', tenant_id: 'tnt_1' }));
    expect(toCreateBody(r)).toEqual({ user_id: 'usr_1', role: 'SUPER_ADMIN' });
  });

  it('a Partner Admin needs a partner and sends only partner_id', () => {
    expect(messages(form({ role: 'PARTNER_ADMIN' }))).toEqual({ partner_id: 'Choose a partner' });
    const r = schema.parse(form({ role: 'PARTNER_ADMIN', partner_id: 'prt_1', tenant_id: 'tnt_9' }));
    expect(toCreateBody(r)).toEqual({ user_id: 'usr_1', role: 'PARTNER_ADMIN', partner_id: 'prt_1' });
  });

  it('a Tenant Admin needs a tenant and sends only tenant_id', () => {
    expect(messages(form({ role: 'TENANT_ADMIN' }))).toEqual({ tenant_id: 'Choose a tenant' });
    const r = schema.parse(form({ role: 'TENANT_ADMIN', tenant_id: 'tnt_1', partner_id: 'prt_9' }));
    expect(toCreateBody(r)).toEqual({ user_id: 'usr_1', role: 'TENANT_ADMIN', tenant_id: 'tnt_1' });
  });

  it('checks the shared fields on their own, for a form with no role yet', () => {
    const common = makeAssignRoleCommonSchema(() => now).safeParse(form({ role: '', user_id: '', expires_at: '2020-01-01T10:00' }));
    expect(common.success).toBe(false);
    expect(common.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['user_id', 'Choose a user'],
      ['expires_at', 'The expiry must be in the future'],
    ]);
  });

  it('asks for a user and a role', () => {
    expect(messages(form({ user_id: '' }))).toEqual({ user_id: 'Choose a user' });
    expect(messages(form({ role: '' }))).toEqual({ role: 'Choose a role' });
  });

  it('refuses an expiry in the past or now, and accepts one in the future', () => {
    expect(messages(form({ expires_at: '2020-01-01T10:00' }))).toEqual({ expires_at: 'The expiry must be in the future' });
    expect(messages(form({ expires_at: 'not a date' }))).toEqual({ expires_at: 'Enter a valid date and time' });
    const future = isoToLocalDateTime('2026-07-01T09:30:00Z');
    const body = toCreateBody(schema.parse(form({ expires_at: future })));
    expect(body.expires_at).toBe('2026-07-01T09:30:00.000Z');
  });

  it('sends no expires_at when none is given', () => {
    expect(toCreateBody(schema.parse(form({})))).not.toHaveProperty('expires_at');
  });
});

describe('assignment status', () => {
  it('is expired once expires_at has passed, whatever is_active says', () => {
    expect(assignmentStatus({ is_active: true, expires_at: '2026-05-31T00:00:00Z' }, now)).toBe('expired');
    expect(assignmentStatus({ is_active: false, expires_at: '2026-05-31T00:00:00Z' }, now)).toBe('expired');
  });
  it('is active or inactive otherwise', () => {
    expect(assignmentStatus({ is_active: true, expires_at: null }, now)).toBe('active');
    expect(assignmentStatus({ is_active: false, expires_at: '2027-01-01T00:00:00Z' }, now)).toBe('inactive');
  });
});

it('labels roles, and shows unknown ones as they come', () => {
  expect(roleLabel('TENANT_ADMIN')).toBe('Tenant Admin');
  expect(roleLabel('AUDITOR')).toBe('AUDITOR');
});

describe('expiry of an existing assignment', () => {
  const expiry = makeExpirySchema(() => now);
  it('needs a date and time in the future', () => {
    expect(expiry.safeParse({ expires_at: '' }).error?.issues[0]?.message).toBe('Enter a date and time');
    expect(expiry.safeParse({ expires_at: '2026-05-01T10:00' }).error?.issues[0]?.message).toBe('The expiry must be in the future');
    expect(expiry.parse({ expires_at: isoToLocalDateTime('2026-07-01T09:30:00Z') }).expires_at).toBeTruthy();
  });
});

it("recognises the signed-in admin's own Super Admin assignment, and only that", () => {
  expect(isOwnSuperAdmin({ role: 'SUPER_ADMIN', user_id: 'usr_me' }, 'usr_me')).toBe(true);
  expect(isOwnSuperAdmin({ role: 'TENANT_ADMIN', user_id: 'usr_me' }, 'usr_me')).toBe(false);
  expect(isOwnSuperAdmin({ role: 'SUPER_ADMIN', user_id: 'usr_other' }, 'usr_me')).toBe(false);
  expect(isOwnSuperAdmin({ role: 'SUPER_ADMIN', user_id: 'usr_me' }, undefined)).toBe(false);
});

describe('superAdminProtection: the Super Admin rules the API enforces, known in advance', () => {
  const now = new Date('2026-11-01T09:00:00Z');
  const sa = (over: Partial<{ user_id: string; is_active: boolean; expires_at: string | null }> = {}) => ({
    role: 'SUPER_ADMIN' as const,
    user_id: 'usr_other',
    is_active: true,
    expires_at: null,
    ...over,
  });

  it('refuses every protected action on your own Super Admin role, counted or not', () => {
    expect(superAdminProtection(sa({ user_id: 'usr_me' }), 'usr_me', undefined, now)).toEqual({
      revokeOrDeactivate: OWN_SUPER_ADMIN_REASON,
      setExpiry: OWN_SUPER_ADMIN_REASON,
    });
  });

  it('refuses revoking or deactivating the last Super Admin in force', () => {
    expect(superAdminProtection(sa(), 'usr_me', { inForce: 0, withoutExpiry: 0 }, now).revokeOrDeactivate).toBe(LAST_SUPER_ADMIN_REASON);
    expect(superAdminProtection(sa(), 'usr_me', { inForce: 1, withoutExpiry: 0 }, now).revokeOrDeactivate).toBeNull();
  });

  it('refuses an expiry on the last Super Admin without one, but not on one that already has one', () => {
    expect(superAdminProtection(sa(), 'usr_me', { inForce: 3, withoutExpiry: 0 }, now).setExpiry).toBe(LAST_PERMANENT_SUPER_ADMIN_REASON);
    expect(superAdminProtection(sa(), 'usr_me', { inForce: 3, withoutExpiry: 1 }, now).setExpiry).toBeNull();
    expect(superAdminProtection(sa({ expires_at: '2026-12-01T00:00:00Z' }), 'usr_me', { inForce: 0, withoutExpiry: 0 }, now).setExpiry).toBeNull();
  });

  it('protects nothing that is not in force, not a Super Admin, or not yet counted', () => {
    const none = { revokeOrDeactivate: null, setExpiry: null };
    const zero = { inForce: 0, withoutExpiry: 0 };
    expect(superAdminProtection(sa({ is_active: false }), 'usr_me', zero, now)).toEqual(none);
    expect(superAdminProtection(sa({ expires_at: '2026-10-01T00:00:00Z' }), 'usr_me', zero, now)).toEqual(none);
    expect(superAdminProtection({ ...sa(), role: 'TENANT_ADMIN' }, 'usr_me', zero, now)).toEqual(none);
    expect(superAdminProtection(sa(), 'usr_me', undefined, now)).toEqual(none);
  });
});
