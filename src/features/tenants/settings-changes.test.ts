import { changeText } from '@/utils/change-words';
import { fieldChanges, formFields, settingsFields, valuesFromFields } from './settings-changes';
import { fromSettings, settingsFormSchema, type SettingsFormValues } from './settings';

const loaded = {
  mfa_required: false,
  mfa_methods: ['totp'],
  password_policy: {
    min_length: 8,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: false,
    max_age_days: null,
    history_count: 0,
    breached_password_check: true,
  },
  session_timeout: 480,
  ip_allowlist: ['10.0.0.0/8'],
};

const values = (overrides: (v: SettingsFormValues) => void): SettingsFormValues => {
  const v = settingsFormSchema.parse(fromSettings(loaded));
  overrides(v);
  return v;
};

describe('fieldChanges (the review before a save)', () => {
  it('says each changed field before → after in the audit log’s words', () => {
    const after = values((v) => {
      v.password_policy.min_length = 12;
      v.mfa_methods = ['totp', 'webauthn'];
      v.mfa_required = true;
      v.password_policy.max_age_days = 90;
      v.session_timeout = 60;
    });
    expect(fieldChanges(settingsFields(loaded), formFields(after)).map(changeText)).toEqual([
      'MFA required: No → Yes',
      'MFA methods: TOTP → TOTP, WebAuthn',
      'Minimum password length: 8 → 12',
      'Password expires after: — → 90 days',
      'Session timeout: 8 hours → 1 hour',
    ]);
  });

  it('is empty when nothing changed, and ignores keys the form does not edit', () => {
    expect(fieldChanges(settingsFields(loaded), formFields(values(() => undefined)))).toEqual([]);
    expect(fieldChanges(settingsFields({ ...loaded, ip_allowlist: [] }), formFields(values(() => undefined)))).toEqual([]);
  });

  it('reads no methods as None', () => {
    const after = values((v) => {
      v.mfa_methods = [];
    });
    expect(fieldChanges(settingsFields(loaded), formFields(after)).map(changeText)).toEqual(['MFA methods: TOTP → None']);
  });
});

describe('valuesFromFields', () => {
  it('gives back the form values the fields came from', () => {
    const v = values((x) => {
      x.password_policy.history_count = 5;
    });
    expect(valuesFromFields(formFields(v))).toEqual(v);
  });
});
