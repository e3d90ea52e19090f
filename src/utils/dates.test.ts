import { exactTime, exactTimeWithSeconds, relativeTime, shortDate } from './dates';

const now = new Date('2026-06-01T12:00:00Z');

describe('relativeTime', () => {
  it('says how far away a time is, in the largest whole unit', () => {
    expect(relativeTime('2026-06-04T13:00:00Z', now, 'en')).toBe('in 3 days');
    expect(relativeTime('2026-06-01T10:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeTime('2026-06-01T12:05:00Z', now, 'en')).toBe('in 5 minutes');
    expect(relativeTime('2026-06-01T12:00:20Z', now, 'en')).toBe('in less than a minute');
    expect(relativeTime('2026-06-11T12:00:00Z', now, 'en')).toBe('in 10 days');
    expect(relativeTime('2026-08-01T12:00:00Z', now, 'en')).toBe('in 2 months');
    expect(relativeTime('2027-07-01T12:00:00Z', now, 'en')).toBe('next year');
  });
});

describe('exactTime and shortDate', () => {
  it('give the full time with its zone, and the date alone', () => {
    expect(exactTime('2026-12-01T09:30:00Z', 'en')).toMatch(/Dec 1, 2026.*\d{2}:\d{2}.*(UTC|GMT)/);
    expect(shortDate('2026-12-01T09:30:00Z', 'en')).toMatch(/Dec \d, 2026/);
  });

  it('give the seconds too when asked (an audit entry)', () => {
    expect(exactTimeWithSeconds('2026-12-01T09:30:05Z', 'en')).toMatch(/Dec 1, 2026.*\d{2}:\d{2}:05.*(UTC|GMT)/);
    expect(exactTime('2026-12-01T09:30:05Z', 'en')).not.toMatch(/:05/);
    expect(exactTimeWithSeconds('soon')).toBe('soon');
  });
});

describe('a value that is not a date', () => {
  it('is shown as it came, never "Invalid Date"', () => {
    expect(shortDate('soon')).toBe('soon');
    expect(exactTime('')).toBe('');
    expect(relativeTime('not-a-date', now)).toBe('not-a-date');
  });
});
