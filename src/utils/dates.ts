/**
 * The console's one date format module. Every date a screen shows goes through it, in the
 * browser's locale (the README says so) and time zone: a list shows a short date or a relative
 * time, and the exact time (with its zone) is on hover and in detail fields. Intl formatters are
 * made once per locale and kind. A value that is not a date is shown as it came.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** [unit, its length, the distance from which it is used]: days up to about six weeks read best. */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['year', 365 * DAY, 365 * DAY],
  ['month', 30 * DAY, 45 * DAY],
  ['day', DAY, DAY],
  ['hour', HOUR, HOUR],
  ['minute', MINUTE, MINUTE],
];

/**
 * Intl formatters, made once per locale and options: creating one costs far more than using it
 * (a table of 20 rows made 40 of them on every render).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "in 3 days", "2 hours ago", "in 5 minutes" (the largest fitting unit, rounded). */
export function relativeTime(iso: string, now: Date = new Date(), locale?: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const diff = date.getTime() - now.getTime();
  const format = cached(`relative ${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, length, from] of UNITS) {
    if (Math.abs(diff) >= from) return format.format(Math.round(diff / length), unit);
  }
  return diff >= 0 ? 'in less than a minute' : 'less than a minute ago';
}

function formatExact(iso: string, locale: string | undefined, seconds: boolean): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the parts.
  const format = cached(
    `exact ${seconds ? 's' : 'm'} ${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        timeZoneName: 'short',
      }),
  );
  const date = parse(iso);
  return date ? format.format(date) : iso;
}

/** The exact time in the admin's time zone, with the zone named: "1 Dec 2026, 09:30 GMT+1". */
export function exactTime(iso: string, locale?: string): string {
  return formatExact(iso, locale, false);
}

/** The exact time to the second, for records where seconds matter (an audit entry): "1 Dec 2026, 09:30:05 GMT+1". */
export function exactTimeWithSeconds(iso: string, locale?: string): string {
  return formatExact(iso, locale, true);
}

/** A date without the time: "1 Dec 2026". */
export function shortDate(iso: string, locale?: string): string {
  const date = parse(iso);
  return date ? cached(`date ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(date) : iso;
}

/** A datetime-local string (local wall-clock time) as an ISO 8601 instant. */
export function localDateTimeToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An ISO instant as a datetime-local value in the admin's time zone. */
export function isoToLocalDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The admin's time zone, named: "Europe/Lisbon (UTC+00:00)". */
export function timeZoneLabel(at: Date = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${zone} (UTC${sign}${hh}:${mm})`;
}
