/**
 * Numbers, lists and durations as people say them, for every screen that puts values into
 * sentences (a tenant's settings summary, the audit log's "Session timeout: 8 hours → 1 hour").
 */

/** "1 day", "3 days", "1,200 characters". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Minutes as people say them: 480 → "8 hours", 90 → "1 hour and 30 minutes", 43200 → "30 days". */
export function durationText(minutes: number | null | undefined): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return '';
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const parts = [
    days ? plural(days, 'day') : '',
    hours ? plural(hours, 'hour') : '',
    mins ? plural(mins, 'minute') : '',
  ].filter(Boolean);
  return parts.length > 0 ? joinAnd(parts) : '0 minutes';
}
