import { generatePassword, PASSWORD_RULES, passwordMeetsRules } from './password';

const passed = (password: string) => PASSWORD_RULES.filter((r) => r.test(password)).map((r) => r.id);

describe('the password rule', () => {
  it('ticks each of the five rules on its own', () => {
    expect(passed('')).toEqual([]);
    expect(passed('abcdefgh')).toEqual(['length', 'lower']);
    expect(passed('ABC')).toEqual(['upper']);
    expect(passed('7')).toEqual(['digit']);
    expect(passed('!')).toEqual(['special']);
    expect(passed(' ')).toEqual(['special']);
  });

  it('accepts a password only when all five hold', () => {
    expect(passwordMeetsRules('ChangeMe-123!')).toBe(true);
    expect(passwordMeetsRules('Aa1!aaaa')).toBe(true);
    expect(passwordMeetsRules('Aa1!aaa')).toBe(false); // 7 characters
    expect(passwordMeetsRules('aa1!aaaa')).toBe(false); // no uppercase
    expect(passwordMeetsRules('AA1!AAAA')).toBe(false); // no lowercase
    expect(passwordMeetsRules('Aaa!aaaa')).toBe(false); // no digit
    expect(passwordMeetsRules('Aa1aaaaa')).toBe(false); // no special
  });

  it('counts letters as the server does: Unicode letters, code points', () => {
    expect(passwordMeetsRules('Ää1!ääää')).toBe(true);
    // Four emoji are eight UTF-16 units but four characters.
    expect(PASSWORD_RULES[0]!.test('😀😀😀😀')).toBe(false);
  });
});

describe('generatePassword', () => {
  it('makes 20-character passwords that meet every rule, different each time', () => {
    const made = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect([...password]).toHaveLength(20);
      expect(passwordMeetsRules(password)).toBe(true);
      made.add(password);
    }
    expect(made.size).toBe(200);
  });

  it('draws from the cryptographic source, not Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const random = vi.fn((buffer: Uint32Array) => crypto.getRandomValues(buffer));
    generatePassword(16, random);
    expect(random).toHaveBeenCalled();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('rejects biased draws instead of folding them (rejection sampling)', () => {
    // The first draw is above the last whole multiple of the alphabet size: it must be thrown away.
    const draws = [0xffffffff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const random = (buffer: Uint32Array) => {
      buffer[0] = draws.shift() ?? 0;
      return buffer;
    };
    const password = generatePassword(4, random);
    expect(password).toHaveLength(4);
    expect(draws.length).toBeLessThan(11);
  });
});
