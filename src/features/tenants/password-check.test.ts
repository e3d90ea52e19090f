import { checkSample, checkSummary, sampleLength } from './password-check';
import { fromSettings } from './settings';

const policy = (overrides: Partial<ReturnType<typeof fromSettings>['password_policy']> = {}) => ({
  ...fromSettings({}).password_policy,
  ...overrides,
});

const verdicts = (sample: string, p = policy()) => Object.fromEntries(checkSample(sample, p).rules.map((r) => [r.id, r.pass]));

describe('checkSample', () => {
  it('checks the length and each required class of the default policy', () => {
    expect(verdicts('password')).toEqual({ length: true, uppercase: false, lowercase: true, digit: false, special: false });
    expect(verdicts('Passw0rd!')).toEqual({ length: true, uppercase: true, lowercase: true, digit: true, special: true });
    expect(verdicts('Pw0!')).toMatchObject({ length: false });
  });

  it('lists only the classes the policy requires, and follows its minimum length', () => {
    const p = policy({ min_length: 12, require_uppercase: false, require_special: false });
    const check = checkSample('lowercase123', p);
    expect(check.rules.map((r) => [r.label, r.pass])).toEqual([
      ['At least 12 characters', true],
      ['A lowercase letter', true],
      ['A digit', true],
    ]);
    expect(checkSample('lowercase12', p).rules[0]).toEqual({ id: 'length', label: 'At least 12 characters', pass: false });
  });

  it('uses Unicode classes: accented capitals, other scripts’ digits, a space as special', () => {
    expect(verdicts('Élan ٣x')).toMatchObject({ uppercase: true, lowercase: true, digit: true, special: true });
    expect(verdicts('ÉLAN')).toMatchObject({ lowercase: false, special: false });
  });

  it('counts characters, not UTF-16 units: an emoji is one', () => {
    expect(sampleLength('ab😀')).toBe(3);
    expect(verdicts('Aa1!😀😀😀', policy({ min_length: 8 }))).toMatchObject({ length: false });
  });

  it('judges no length while the form holds none', () => {
    expect(checkSample('anything', policy({ min_length: null as unknown as number })).rules[0]).toEqual({
      id: 'length',
      label: 'A minimum length (not set in the form yet)',
      pass: null,
    });
  });

  it('says why expiry and history do not apply to a sample, only when the policy sets them', () => {
    expect(checkSample('x', policy()).notChecked).toEqual([]);
    expect(checkSample('x', policy({ max_age_days: 90, history_count: 5 })).notChecked).toEqual([
      'Expiry after 90 days: it counts from when a user sets a password, not for a sample.',
      "No reuse of the last 5 passwords: it is checked against each user's own history, not a sample.",
    ]);
  });
});

describe('checkSummary', () => {
  it('says nothing without a sample, and names what is not met', () => {
    const p = policy({ min_length: 12 });
    expect(checkSummary('', checkSample('', p))).toBe('');
    expect(checkSummary('password', checkSample('password', p))).toBe(
      'Meets 1 of 5 rules. Not met: at least 12 characters; an uppercase letter; a digit; a special character (neither a letter nor a digit).',
    );
    expect(checkSummary('Correct-Horse-42', checkSample('Correct-Horse-42', p))).toBe('Meets all 5 rules of the policy.');
  });
});
