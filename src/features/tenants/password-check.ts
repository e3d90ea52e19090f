/**
 * The live password tester's rules: a sample password held against the policy as it stands in
 * the form (not as saved). Only what a single password can show is checked: its length and each
 * required character class. The classes are the stand-in's (server admin-account-schemas.ts):
 * Unicode upper and lower case letters, decimal digits, and "special" = neither a letter nor a
 * digit (a space counts). Length counts code points, as NIST SP 800-63B asks, so an emoji is one.
 *
 * The sample lives only in the tester's own state: it is never sent, stored, logged, nor put in
 * react-hook-form's values, the URL or a query.
 */
import { plural } from '@/utils/plain-words';
import type { SettingsFormInput } from './settings';

type PolicyValues = SettingsFormInput['password_policy'];

export interface SampleRule {
  id: 'length' | 'uppercase' | 'lowercase' | 'digit' | 'special';
  /** What the policy asks: "At least 12 characters". */
  label: string;
  /** True when the sample meets it; null when the form holds no valid value to check against. */
  pass: boolean | null;
}

export interface SampleCheck {
  rules: SampleRule[];
  /** Rules of the policy a sample cannot be checked against, each saying why. */
  notChecked: string[];
}

const CLASSES = [
  { id: 'uppercase', key: 'require_uppercase', label: 'An uppercase letter', re: /\p{Lu}/u },
  { id: 'lowercase', key: 'require_lowercase', label: 'A lowercase letter', re: /\p{Ll}/u },
  { id: 'digit', key: 'require_digit', label: 'A digit', re: /\p{Nd}/u },
  { id: 'special', key: 'require_special', label: 'A special character (neither a letter nor a digit)', re: /[^\p{L}\p{Nd}]/u },
] as const;

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** The sample's length in characters (code points). */
export function sampleLength(sample: string): number {
  return [...sample].length;
}

export function checkSample(sample: string, policy: PolicyValues): SampleCheck {
  const length = sampleLength(sample);
  const min = policy.min_length;
  const rules: SampleRule[] = [
    isWhole(min)
      ? { id: 'length', label: `At least ${plural(min, 'character')}`, pass: length >= min }
      : { id: 'length', label: 'A minimum length (not set in the form yet)', pass: null },
  ];
  for (const c of CLASSES) if (policy[c.key]) rules.push({ id: c.id, label: c.label, pass: c.re.test(sample) });

  const notChecked: string[] = [];
  if (isWhole(policy.max_age_days)) {
    notChecked.push(`Expiry after ${plural(policy.max_age_days, 'day')}: it counts from when a user sets a password, not for a sample.`);
  }
  if (isWhole(policy.history_count) && policy.history_count > 0) {
    notChecked.push(
      `No reuse of the last ${plural(policy.history_count, 'password')}: it is checked against each user's own history, not a sample.`,
    );
  }
  return { rules, notChecked };
}

/**
 * One sentence for a screen reader, said once typing pauses: "Meets 3 of 4 rules. Not met: at
 * least 12 characters." Empty while there is no sample.
 */
export function checkSummary(sample: string, check: SampleCheck): string {
  if (sample === '') return '';
  const judged = check.rules.filter((rule) => rule.pass !== null);
  const failed = judged.filter((rule) => rule.pass === false);
  if (failed.length === 0) return `Meets all ${plural(judged.length, 'rule')} of the policy.`;
  const names = failed.map((rule) => rule.label.charAt(0).toLowerCase() + rule.label.slice(1)).join('; ');
  return `Meets ${judged.length - failed.length} of ${plural(judged.length, 'rule')}. Not met: ${names}.`;
}
