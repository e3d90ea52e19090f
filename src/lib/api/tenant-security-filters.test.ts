import { parseSearchParams } from '@/lib/search-params';
import * as z from 'zod/mini';
import { SETTINGS_RULES } from './settings-rules';
import { MFA_METHOD_VALUES, securityFilterFields, securityQuery } from './tenant-security-filters';
import { effectiveSecurity, ignoredSecurityFilters } from './tenant-security-match';

describe('tenant security filters', () => {
  const schema = z.object(securityFilterFields);

  it("knows the contract's MFA methods", () => {
    expect(MFA_METHOD_VALUES).toEqual(SETTINGS_RULES.mfa_methods.values);
  });

  it('reads the URL, a bad value being no filter', () => {
    expect(parseSearchParams(schema, new URLSearchParams('mfa_required=false&password_min_length_lt=12&session_timeout_gt=60&mfa_method=sms'))).toEqual({
      mfa_required: 'false',
      password_min_length_lt: 12,
      session_timeout_gt: 60,
      mfa_method: 'sms',
    });
    expect(parseSearchParams(schema, new URLSearchParams('mfa_required=maybe&password_min_length_lt=1.5&session_timeout_gt=-1&mfa_method=fax'))).toEqual({});
  });

  it('asks the API only for the filters set, with booleans as booleans', () => {
    expect(securityQuery({ mfa_required: 'false', password_min_length_lt: 12, password_expires: 'true' })).toEqual({
      mfa_required: false,
      password_min_length_lt: 12,
      password_expires: true,
    });
    expect(securityQuery({})).toEqual({});
  });

  it('reads a missing or mistyped setting as the contract default', () => {
    expect(effectiveSecurity({})).toEqual({ mfaRequired: false, mfaMethods: ['totp'], minLength: 8, passwordExpires: false, sessionTimeout: 480 });
    expect(effectiveSecurity({ mfa_required: 'yes', password_policy: 'strict', session_timeout: '15' })).toEqual(effectiveSecurity(null));
    expect(effectiveSecurity({ mfa_required: true, mfa_methods: ['sms'], password_policy: { min_length: 12, max_age_days: 90 }, session_timeout: 15 })).toEqual({
      mfaRequired: true,
      mfaMethods: ['sms'],
      minLength: 12,
      passwordExpires: true,
      sessionTimeout: 15,
    });
  });

  it('names the filters some row does not match (the server ignored them)', () => {
    const rows = [{ settings: {} }, { settings: { mfa_required: true, password_policy: { min_length: 14 }, session_timeout: 15 } }];
    expect(ignoredSecurityFilters(rows, { mfa_required: 'false', password_min_length_lt: 15, session_timeout_gt: 10 })).toEqual(['mfa_required']);
    expect(ignoredSecurityFilters(rows, { password_min_length_lt: 10, session_timeout_lt: 481 })).toEqual(['password_min_length_lt']);
    expect(ignoredSecurityFilters(rows, { mfa_method: 'totp', password_expires: 'false' })).toEqual([]);
    expect(ignoredSecurityFilters([], { mfa_required: 'true' })).toEqual([]);
  });
});
