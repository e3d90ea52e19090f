import { describe, expect, it } from 'vitest';
import {
  addDays,
  EXTEND_DAYS,
  extensionBase,
  extensionFor,
  isExpired,
  UNTIL_INVALID,
  UNTIL_NOT_FUTURE,
  UNTIL_NOT_LATER,
} from './extend';

const now = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 3600_000;
const inForce = { expires_at: '2026-06-10T09:30:00.000Z', is_active: true };
const expired = { expires_at: '2026-05-20T09:30:00.000Z', is_active: true };

describe('isExpired', () => {
  it('is expired from the expiry on (expires_at <= now), whatever is_active says', () => {
    expect(isExpired({ expires_at: now.toISOString(), is_active: true }, now)).toBe(true);
    expect(isExpired({ ...expired, is_active: false }, now)).toBe(true);
    expect(isExpired(inForce, now)).toBe(false);
  });

  it('is never expired without an expiry', () => {
    expect(isExpired({ expires_at: null, is_active: true }, now)).toBe(false);
    expect(isExpired({ expires_at: undefined, is_active: false }, now)).toBe(false);
  });
});

describe('addDays', () => {
  it('adds calendar days at the same wall-clock time (in any time zone)', () => {
    const from = new Date(2026, 2, 20, 9, 30); // 20 March, local: most zones change clocks within 30 days
    const to = addDays(from, 30);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours(), to.getMinutes()]).toEqual([2026, 3, 19, 9, 30]);
  });

  it('leaves its argument alone', () => {
    const from = new Date(now);
    addDays(from, 7);
    expect(from).toEqual(now);
  });
});

describe('extensionFor', () => {
  it('offers nothing for an assignment without an expiry', () => {
    expect(extensionFor({ expires_at: null, is_active: true }, { days: 30 }, now)).toBeNull();
    expect(extensionFor({ expires_at: undefined, is_active: true }, { until: new Date(now.getTime() + DAY) }, now)).toBeNull();
  });

  it.each(EXTEND_DAYS)('adds %i days to the current expiry, leaving is_active out', (days) => {
    const result = extensionFor(inForce, { days }, now);
    expect(result).toEqual({ body: { expires_at: addDays(new Date(inForce.expires_at), days).toISOString() }, renew: false });
  });

  it('extends an inactive assignment that has not expired without activating it', () => {
    const result = extensionFor({ ...inForce, is_active: false }, { days: 7 }, now);
    expect(result).toEqual({ body: { expires_at: addDays(new Date(inForce.expires_at), 7).toISOString() }, renew: false });
  });

  it('renews an expired assignment: days counted from now, active again', () => {
    const result = extensionFor({ ...expired, is_active: false }, { days: 30 }, now);
    expect(result).toEqual({ body: { expires_at: addDays(now, 30).toISOString(), is_active: true }, renew: true });
  });

  it('renews one that expires exactly now', () => {
    const result = extensionFor({ expires_at: now.toISOString(), is_active: true }, { days: 7 }, now);
    expect(result).toMatchObject({ renew: true, body: { is_active: true } });
  });

  it('extends to a chosen date after the current expiry', () => {
    const until = new Date('2026-08-01T10:00:00Z');
    expect(extensionFor(inForce, { until }, now)).toEqual({ body: { expires_at: until.toISOString() }, renew: false });
  });

  it('refuses a chosen date at or before the current expiry, when not expired', () => {
    expect(extensionFor(inForce, { until: new Date(inForce.expires_at) }, now)).toEqual({ error: UNTIL_NOT_LATER });
    expect(extensionFor(inForce, { until: new Date('2026-06-05T00:00:00Z') }, now)).toEqual({ error: UNTIL_NOT_LATER });
  });

  it('refuses a chosen date that is not in the future, and an invalid one', () => {
    expect(extensionFor(inForce, { until: now }, now)).toEqual({ error: UNTIL_NOT_FUTURE });
    expect(extensionFor(expired, { until: new Date('2026-05-25T00:00:00Z') }, now)).toEqual({ error: UNTIL_NOT_FUTURE });
    expect(extensionFor(inForce, { until: new Date('not a date') }, now)).toEqual({ error: UNTIL_INVALID });
  });

  it('renews an expired assignment until any future date, even before its old expiry would matter', () => {
    const until = new Date(now.getTime() + DAY);
    expect(extensionFor(expired, { until }, now)).toEqual({ body: { expires_at: until.toISOString(), is_active: true }, renew: true });
  });

  it('counts from the time it is given, and from the clock by default', () => {
    const soon = { expires_at: new Date(Date.now() + 60_000).toISOString(), is_active: true };
    expect(extensionFor(soon, { days: 7 })).toMatchObject({ renew: false });
    expect(extensionFor(soon, { days: 7 }, new Date(Date.now() + 120_000))).toMatchObject({ renew: true });
  });
});

describe('extensionBase', () => {
  it('is the current expiry, now once expired, and null without one', () => {
    expect(extensionBase(inForce, now)).toEqual(new Date(inForce.expires_at));
    expect(extensionBase(expired, now)).toEqual(now);
    expect(extensionBase({ expires_at: null, is_active: true }, now)).toBeNull();
  });
});
