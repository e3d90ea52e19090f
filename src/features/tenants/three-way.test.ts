import { differences, flatten, initialChoices, resolve, sameValue, unflatten } from './three-way';

const base = { 'settings.min_length': 8, 'settings.mfa_methods': ['totp'], 'settings.session_timeout': 480, name: 'Acme' };

describe('sameValue', () => {
  it('compares arrays in order, objects whatever their key order, and null with undefined', () => {
    expect(sameValue(['totp', 'sms'], ['totp', 'sms'])).toBe(true);
    expect(sameValue(['totp', 'sms'], ['sms', 'totp'])).toBe(false);
    expect(sameValue({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});

describe('differences', () => {
  it('lists nothing when theirs is yours, whoever changed what', () => {
    expect(differences(base, base, base)).toEqual([]);
    const same = { ...base, 'settings.min_length': 12 };
    expect(differences(base, same, same)).toEqual([]);
  });

  it('suggests the side that changed a field, and nothing where both changed it differently', () => {
    const theirs = { ...base, 'settings.min_length': 12, 'settings.session_timeout': 60 };
    const yours = { ...base, 'settings.min_length': 16, 'settings.mfa_methods': ['totp', 'webauthn'] };
    expect(differences(base, theirs, yours)).toEqual([
      { path: 'settings.min_length', base: 8, theirs: 12, yours: 16, both: true, suggested: null },
      { path: 'settings.mfa_methods', base: ['totp'], theirs: ['totp'], yours: ['totp', 'webauthn'], both: false, suggested: 'yours' },
      { path: 'settings.session_timeout', base: 480, theirs: 60, yours: 480, both: false, suggested: 'theirs' },
    ]);
  });

  it('covers only the form’s fields: theirs elsewhere is not a difference', () => {
    const theirs = { ...base, slug: 'renamed' };
    expect(differences(base, theirs, base)).toEqual([]);
  });
});

describe('resolve', () => {
  const theirs = { ...base, 'settings.min_length': 12, 'settings.session_timeout': 60 };
  const yours = { ...base, 'settings.min_length': 16, name: 'Acme Ltd' };
  const rows = differences(base, theirs, yours);

  it('refuses while a field both changed has no choice, naming it', () => {
    expect(initialChoices(rows)).toEqual({ 'settings.session_timeout': 'theirs', name: 'yours' });
    expect(resolve(yours, rows, initialChoices(rows))).toEqual({ ok: false, unchosen: ['settings.min_length'] });
  });

  it('takes each field from the side chosen, and the rest from the form', () => {
    expect(resolve(yours, rows, { ...initialChoices(rows), 'settings.min_length': 'yours' })).toEqual({
      ok: true,
      values: { ...base, 'settings.min_length': 16, 'settings.session_timeout': 60, name: 'Acme Ltd' },
    });
    expect(resolve(yours, rows, { 'settings.min_length': 'theirs', 'settings.session_timeout': 'yours', name: 'theirs' })).toEqual({
      ok: true,
      values: { ...base, 'settings.min_length': 12, 'settings.session_timeout': 480, name: 'Acme' },
    });
  });
});

describe('flatten and unflatten', () => {
  it('go to dotted paths and back, keeping arrays and nulls as values', () => {
    const settings = { mfa_methods: ['totp'], password_policy: { min_length: 12, max_age_days: null }, session_timeout: 60 };
    const flat = flatten(settings, 'settings');
    expect(flat).toEqual({
      'settings.mfa_methods': ['totp'],
      'settings.password_policy.min_length': 12,
      'settings.password_policy.max_age_days': null,
      'settings.session_timeout': 60,
    });
    expect(unflatten(flat, 'settings')).toEqual(settings);
    expect(unflatten({ ...flat, name: 'x' }, 'settings')).toEqual(settings);
  });
});
