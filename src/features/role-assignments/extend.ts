/**
 * Extending and renewing a time-bound assignment (issue 17), as pure functions: the row menu, the
 * assignment's page and the bulk Extend all send what `extensionFor` computes, so one PATCH means
 * the same wherever it was chosen.
 *
 * - Not expired: the days are added to the current expiry, in calendar days of the admin's time
 *   zone (+30 days from 1 March 09:30 is 31 March 09:30, across a change of summer time too);
 *   is_active is left as it is (an inactive assignment stays inactive, only longer).
 * - Expired (expires_at <= now, whatever is_active says): renewed — the days counted from now and
 *   is_active: true, in the same request, so it is in force again at once.
 * - No expiry: nothing to extend (null).
 */

export type ExtendChoice = { days: 7 | 30 | 90 } | { until: Date };

export const EXTEND_DAYS = [7, 30, 90] as const;

type Extendable = { expires_at: string | null | undefined; is_active: boolean };

export type Extension = { body: { expires_at: string; is_active?: true }; renew: boolean };

function expiryOf(a: Extendable): Date | null {
  if (!a.expires_at) return null;
  const at = new Date(a.expires_at);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The expiry has passed (expires_at <= now). False without an expiry. */
export function isExpired(a: Extendable, now: Date = new Date()): boolean {
  const at = expiryOf(a);
  return at !== null && at.getTime() <= now.getTime();
}

/** `days` calendar days after `from`, at the same wall-clock time in the admin's time zone. */
export function addDays(from: Date, days: number): Date {
  const at = new Date(from.getTime());
  at.setDate(at.getDate() + days);
  return at;
}

/** What `days` counts from: the current expiry, or now for an expired assignment. Null without an expiry. */
export function extensionBase(a: Extendable, now: Date = new Date()): Date | null {
  const at = expiryOf(a);
  if (!at) return null;
  return at.getTime() <= now.getTime() ? now : at;
}

export const UNTIL_INVALID = 'Enter a valid date and time';
export const UNTIL_NOT_FUTURE = 'The new expiry must be in the future';
export const UNTIL_NOT_LATER = 'The new expiry must be after the current one';

/**
 * null when the assignment has no expiry (nothing to extend). Expired (expires_at <= now): renew —
 * days counted from now and is_active: true. Otherwise days are added to the current expiry and
 * is_active is left out. `until` must be after now (and after the current expiry when not
 * expired) or it returns an error string.
 */
export function extensionFor(
  a: Extendable,
  choice: ExtendChoice,
  now: Date = new Date(),
): Extension | { error: string } | null {
  const current = expiryOf(a);
  if (!current) return null;
  const renew = current.getTime() <= now.getTime();
  let next: Date;
  if ('days' in choice) {
    next = addDays(renew ? now : current, choice.days);
  } else {
    next = choice.until;
    if (Number.isNaN(next.getTime())) return { error: UNTIL_INVALID };
    if (next.getTime() <= now.getTime()) return { error: UNTIL_NOT_FUTURE };
    if (!renew && next.getTime() <= current.getTime()) return { error: UNTIL_NOT_LATER };
  }
  const body: Extension['body'] = renew ? { expires_at: next.toISOString(), is_active: true } : { expires_at: next.toISOString() };
  return { body, renew };
}
