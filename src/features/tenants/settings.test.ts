import {
  fromSettings,
  mergeSettings,
  otherSettings,
  passwordPolicySummary,
  settingsFormSchema,
  type SettingsFormInput,
} from './settings';

const loaded = {
  mfa_required: true,
  mfa_methods: ['webauthn', 'totp'],
  password_policy: {
    min_length: 12,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: true,
    max_age_days: 90,
    history_count: 5,
    breached_password_check: true,
  },
  session_timeout: 480,
  ip_allowlist: ['10.0.0.0/8'],
  legacy_sso: { provider: 'okta', enabled: false },
} as const;

function validValues(overrides: Partial<SettingsFormInput> = {}): SettingsFormInput {
  return { ...fromSettings(loaded), ...overrides };
}

describe('fromSettings', () => {
  it('takes the known keys, with the methods in one fixed order', () => {
    expect(fromSettings(loaded)).toEqual({
      mfa_required: true,
      mfa_methods: ['totp', 'webauthn'],
      password_policy: {
        min_length: 12,
        require_uppercase: true,
        require_lowercase: true,
        require_digit: true,
        require_special: true,
        max_age_days: 90,
        history_count: 5,
      },
      session_timeout: 480,
    });
  });

  it("fills missing or malformed keys with the server's defaults", () => {
    expect(fromSettings({ session_timeout: 'soon', password_policy: { min_length: 10 } })).toEqual({
      mfa_required: false,
      mfa_methods: ['totp'],
      password_policy: {
        min_length: 10,
        require_uppercase: true,
        require_lowercase: true,
        require_digit: true,
        require_special: true,
        max_age_days: null,
        history_count: 0,
      },
      session_timeout: 480,
    });
    expect(fromSettings(null).session_timeout).toBe(480);
  });
});

describe('settingsFormSchema', () => {
  it('accepts what the server sent', () => {
    expect(settingsFormSchema.safeParse(validValues()).success).toBe(true);
  });

  it('needs at least one MFA method while MFA is required, and says so at the methods', () => {
    const result = settingsFormSchema.safeParse(validValues({ mfa_methods: [] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['mfa_methods'], message: 'Choose at least one method while MFA is required' }),
    ]);
    expect(settingsFormSchema.safeParse(validValues({ mfa_required: false, mfa_methods: [] })).success).toBe(true);
  });

  it('reports the MFA rule together with the other problems', () => {
    const result = settingsFormSchema.safeParse(validValues({ mfa_methods: [], session_timeout: 1 }));
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['mfa_methods', 'session_timeout']);
  });

  it.each([
    ['min_length', 7, false],
    ['min_length', 8, true],
    ['min_length', 128, true],
    ['min_length', 129, false],
    ['min_length', 12.5, false],
    ['min_length', null, false],
    ['max_age_days', null, true],
    ['max_age_days', 0, false],
    ['max_age_days', 3650, true],
    ['max_age_days', 3651, false],
    ['history_count', 0, true],
    ['history_count', 24, true],
    ['history_count', 25, false],
    ['history_count', -1, false],
  ] as const)('password_policy.%s = %s is valid: %s', (key, value, valid) => {
    const values = validValues();
    const policy = { ...values.password_policy, [key]: value };
    expect(settingsFormSchema.safeParse({ ...values, password_policy: policy }).success).toBe(valid);
  });

  it.each([
    [4, false],
    [5, true],
    [43_200, true],
    [43_201, false],
    [null, false],
  ] as const)('session_timeout = %s is valid: %s', (value, valid) => {
    expect(settingsFormSchema.safeParse(validValues({ session_timeout: value })).success).toBe(valid);
  });

  it('names the range in its message, and asks for a value when empty', () => {
    const tooLong = settingsFormSchema.safeParse(validValues({ session_timeout: 50_000 }));
    expect(tooLong.error?.issues[0]?.message).toBe('Enter a whole number from 5 to 43,200');
    const empty = settingsFormSchema.safeParse(validValues({ session_timeout: null }));
    expect(empty.error?.issues[0]?.message).toBe('Enter a session timeout in minutes');
  });
});

describe('mergeSettings', () => {
  it('keeps every key it does not know, at the top level and inside the password policy', () => {
    const values = settingsFormSchema.parse({
      ...validValues(),
      mfa_required: false,
      mfa_methods: ['sms'],
      password_policy: { ...validValues().password_policy, min_length: 16, max_age_days: null },
      session_timeout: 60,
    });
    expect(mergeSettings(loaded, values)).toEqual({
      mfa_required: false,
      mfa_methods: ['sms'],
      password_policy: {
        min_length: 16,
        require_uppercase: true,
        require_lowercase: true,
        require_digit: true,
        require_special: true,
        max_age_days: null,
        history_count: 5,
        breached_password_check: true,
      },
      session_timeout: 60,
      ip_allowlist: ['10.0.0.0/8'],
      legacy_sso: { provider: 'okta', enabled: false },
    });
  });

  it('does not change what it was given', () => {
    const original = structuredClone(loaded);
    mergeSettings(loaded, settingsFormSchema.parse({ ...validValues(), session_timeout: 5 }));
    expect(loaded).toEqual(original);
  });

  it('keeps MFA methods this console does not know after the ones it edits', () => {
    const merged = mergeSettings(
      { ...loaded, mfa_methods: ['push', 'totp'] },
      settingsFormSchema.parse({ ...validValues(), mfa_methods: ['email', 'totp'] }),
    );
    expect(merged.mfa_methods).toEqual(['totp', 'email', 'push']);
  });

  it('sends the full object even when little was loaded', () => {
    const merged = mergeSettings({}, settingsFormSchema.parse(fromSettings({})));
    expect(Object.keys(merged).sort()).toEqual(['mfa_methods', 'mfa_required', 'password_policy', 'session_timeout']);
  });
});

describe('otherSettings', () => {
  it('lists the keys the form does not edit', () => {
    expect(otherSettings(loaded)).toEqual([
      { key: 'ip_allowlist', value: ['10.0.0.0/8'] },
      { key: 'legacy_sso', value: { provider: 'okta', enabled: false } },
      { key: 'password_policy.breached_password_check', value: true },
    ]);
    expect(otherSettings(fromSettings({}))).toEqual([]);
  });
});

describe('passwordPolicySummary', () => {
  const policy = fromSettings(loaded).password_policy;

  it('says it in one plain line', () => {
    expect(passwordPolicySummary({ ...policy, history_count: 0 })).toBe(
      'At least 12 characters with upper and lower case, a digit and a symbol; expires after 90 days',
    );
  });

  it('covers each requirement, expiry and history', () => {
    expect(
      passwordPolicySummary({
        ...policy,
        min_length: 8,
        require_lowercase: false,
        require_special: false,
        max_age_days: null,
        history_count: 1,
      }),
    ).toBe('At least 8 characters with an uppercase letter and a digit; never expires; the last password cannot be reused');
    expect(
      passwordPolicySummary({
        ...policy,
        require_uppercase: false,
        require_digit: false,
        require_special: false,
        max_age_days: 1,
        history_count: 24,
      }),
    ).toBe('At least 12 characters with a lowercase letter; expires after 1 day; the last 24 passwords cannot be reused');
    expect(
      passwordPolicySummary({
        ...policy,
        require_uppercase: false,
        require_lowercase: false,
        require_digit: false,
        require_special: false,
        max_age_days: null,
        history_count: 0,
      }),
    ).toBe('At least 12 characters; never expires');
  });

  it('copes with a field being typed', () => {
    expect(passwordPolicySummary({ ...policy, min_length: null, history_count: null })).toBe(
      'Any length with upper and lower case, a digit and a symbol; expires after 90 days',
    );
  });
});
