import { applyPreset, presetById, presetValues, SECURITY_PRESETS, shortfalls } from './security-presets';
import { DEFAULT_SETTINGS, fromSettings, LIMITS, settingsFormSchema } from './settings';

const pci = presetById('pci-dss-4')!;
const nist = presetById('nist-800-63b')!;
const scaikey = presetById('scaikey-default')!;

describe('security presets', () => {
  it.each(SECURITY_PRESETS.map((p) => [p.name, p] as const))('%s is a valid, complete form value with its rules and source', (_name, preset) => {
    expect(settingsFormSchema.safeParse(presetValues(preset)).success).toBe(true);
    expect(preset.rules.length).toBeGreaterThan(2);
    expect(preset.source.title).not.toBe('');
    expect(preset.settings.session_timeout).toBeGreaterThanOrEqual(LIMITS.sessionTimeout.min);
  });

  it('PCI DSS v4.0: MFA, 12 characters with letters and digits, 90 days, 4 remembered, 15 minutes', () => {
    expect(pci.settings).toEqual({
      mfa_required: true,
      mfa_methods: ['totp', 'webauthn'],
      password_policy: { min_length: 12, require_uppercase: false, require_lowercase: true, require_digit: true, require_special: false, max_age_days: 90, history_count: 4 },
      session_timeout: 15,
    });
  });

  it('NIST SP 800-63B: MFA without SMS, 15 characters, no composition rules, no expiry, 30 minutes', () => {
    expect(nist.settings.mfa_required).toBe(true);
    expect(nist.settings.mfa_methods).not.toContain('sms');
    expect(nist.settings.password_policy).toEqual({
      min_length: 15, require_uppercase: false, require_lowercase: false, require_digit: false, require_special: false, max_age_days: null, history_count: 0,
    });
    expect(nist.settings.session_timeout).toBe(30);
  });

  it('ScaiKey default is the contract defaults', () => {
    expect(scaikey.settings).toEqual(DEFAULT_SETTINGS);
    expect(presetById('nope')).toBeUndefined();
  });

  it('applying a preset keeps unknown keys, unknown policy keys and unknown MFA methods', () => {
    const loaded = {
      ...DEFAULT_SETTINGS,
      mfa_methods: ['sms', 'push'],
      password_policy: { ...DEFAULT_SETTINGS.password_policy, breached_password_check: true },
      ip_allowlist: ['10.0.0.0/8'],
    };
    const applied = applyPreset(loaded, pci) as Record<string, unknown>;
    expect(applied.ip_allowlist).toEqual(['10.0.0.0/8']);
    expect(applied.password_policy).toMatchObject({ min_length: 12, history_count: 4, breached_password_check: true });
    expect(applied.mfa_methods).toEqual(['totp', 'webauthn', 'push']);
    expect(fromSettings(applied)).toEqual(presetValues(pci));
  });

  it('a preset never shares its arrays with a form that edits them', () => {
    const values = presetValues(pci);
    values.mfa_methods.push('sms');
    values.password_policy.min_length = 99;
    expect(pci.settings.mfa_methods).toEqual(['totp', 'webauthn']);
    expect(pci.settings.password_policy.min_length).toBe(12);
  });
});

describe('shortfalls', () => {
  it('names every rule a default tenant misses against PCI DSS, in plain words', () => {
    expect(shortfalls(DEFAULT_SETTINGS, pci)).toEqual([
      'MFA not required',
      'minimum password length 8 (needs 12)',
      'passwords never expire (needs 90 days at most)',
      '0 passwords remembered (needs 4)',
      'session timeout 480 minutes (needs 15 at most)',
    ]);
  });

  it('is empty for the preset itself and for anything stricter', () => {
    for (const preset of SECURITY_PRESETS) expect(shortfalls(preset.settings, preset)).toEqual([]);
    const stricter = {
      ...pci.settings,
      mfa_methods: ['webauthn'],
      password_policy: { ...pci.settings.password_policy, min_length: 20, require_special: true, max_age_days: 30, history_count: 10 },
      session_timeout: 5,
    };
    expect(shortfalls(stricter, pci)).toEqual([]);
  });

  it('counts missing keys as the contract defaults, and flags composition rules the baseline needs', () => {
    expect(shortfalls({}, scaikey)).toEqual([]);
    expect(shortfalls(nist.settings, scaikey)).toEqual(['passwords need not contain an uppercase letter, a lowercase letter, a digit and a symbol']);
  });

  it('flags MFA methods that allow none of the baseline ones, and expiry that is too long', () => {
    const smsOnly = { ...pci.settings, mfa_methods: ['sms'], password_policy: { ...pci.settings.password_policy, max_age_days: 365 } };
    expect(shortfalls(smsOnly, pci)).toEqual(['MFA methods allow none of TOTP and WebAuthn', 'passwords expire after 365 days (needs 90 at most)']);
  });
});
