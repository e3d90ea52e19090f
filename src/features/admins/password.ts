/**
 * The Admins API's password rule (scaikey-api.md): at least 8 characters, with an uppercase
 * letter, a lowercase letter, a digit and a special character. The server enforces it whatever
 * the console sends; the console shows it as a checklist that ticks while the admin types, and
 * makes strong passwords with the browser's cryptographic random source (never Math.random).
 */

export interface PasswordRule {
  id: string;
  label: string;
  test: (password: string) => boolean;
}

/** Letters and digits are Unicode's, as the server counts them; lengths count code points. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  { id: 'length', label: 'At least 8 characters', test: (p) => [...p].length >= 8 },
  { id: 'upper', label: 'An uppercase letter', test: (p) => /\p{Lu}/u.test(p) },
  { id: 'lower', label: 'A lowercase letter', test: (p) => /\p{Ll}/u.test(p) },
  { id: 'digit', label: 'A digit', test: (p) => /\p{Nd}/u.test(p) },
  { id: 'special', label: 'A special character (not a letter or digit)', test: (p) => /[^\p{L}\p{Nd}]/u.test(p) },
];

export function passwordMeetsRules(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.test(password));
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SPECIAL = '!#$%&*+-=?@^_~';
const ALL = UPPER + LOWER + DIGITS + SPECIAL;

/** A uniformly random index below `n` from the cryptographic source (rejection sampling, no bias). */
function randomIndex(n: number, random: (buffer: Uint32Array) => Uint32Array): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    const value = random(buffer)[0] as number;
    if (value < limit) return value % n;
  }
}

/**
 * A strong password: `length` characters (default 20) with at least one of each class, shuffled,
 * from look-alike-free alphabets. `random` is injectable for tests; it defaults to Web Crypto.
 */
export function generatePassword(
  length = 20,
  random: (buffer: Uint32Array) => Uint32Array = (buffer) => crypto.getRandomValues(buffer),
): string {
  const pick = (alphabet: string) => alphabet[randomIndex(alphabet.length, random)] as string;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SPECIAL)];
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
