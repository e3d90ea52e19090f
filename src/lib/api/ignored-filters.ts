/**
 * A server that does not know a query parameter ignores it and answers unfiltered rows
 * (scaikey-api.md, "Extensions"): before a screen trusts a filtered answer, it checks that every
 * row it got matches what it asked for. One check for every list that filters on a field the rows
 * carry.
 */

/** The fields asked for; an undefined value means "not filtered on this field". */
export type FieldFilters<T> = { [K in keyof T]?: T[K] | undefined };

/** The filters (field names) that some row does not match: the server ignored them. */
export function ignoredFilters<T extends object>(rows: readonly T[], wanted: FieldFilters<T>): (keyof T & string)[] {
  const ignored: (keyof T & string)[] = [];
  for (const [field, value] of Object.entries(wanted) as [keyof T & string, unknown][]) {
    if (value === undefined) continue;
    if (rows.some((row) => row[field] !== value)) ignored.push(field);
  }
  return ignored;
}

/**
 * Whether some row's instant lies outside the window asked for, [start, end) as ISO instants
 * (either end may be open): the server ignored a time filter. A value that is not a date is not
 * held against the server.
 */
export function outsideWindow<T>(rows: readonly T[], at: (row: T) => string, window: { start?: string; end?: string }): boolean {
  const start = window.start === undefined ? -Infinity : Date.parse(window.start);
  const end = window.end === undefined ? Infinity : Date.parse(window.end);
  return rows.some((row) => {
    const time = Date.parse(at(row));
    return time < start || time >= end;
  });
}

/**
 * Whether some row's expiry lies outside the window asked for (scaikey-api.md, "Extensions"):
 * `after` keeps what has not expired by then (no expiry included), `before` what expires by then
 * (an expiry at or before it; no expiry never matches). True: the server ignored the filter.
 */
export function outsideExpiryWindow<T>(rows: readonly T[], at: (row: T) => string | null, window: { after?: string | undefined; before?: string | undefined }): boolean {
  const after = window.after === undefined ? -Infinity : Date.parse(window.after);
  const before = window.before === undefined ? undefined : Date.parse(window.before);
  return rows.some((row) => {
    const iso = at(row);
    if (iso === null) return before !== undefined;
    const time = Date.parse(iso);
    return time <= after || (before !== undefined && time > before);
  });
}

/** "This server ignored the filter Resource; the entries shown are not filtered." */
export function ignoredFiltersMessage(names: readonly string[], rows = 'entries'): string {
  const list = names.join(', ');
  return `This server ignored the ${names.length === 1 ? 'filter' : 'filters'} ${list}; the ${rows} shown are not filtered.`;
}
