/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF after every record, a field quoted when it holds
 * a comma, a double quote, CR or LF, quotes doubled), plus two things spreadsheets need:
 * - a UTF-8 byte order mark first, or Excel reads the file as the machine's legacy code page and
 *   mangles "São Paulo";
 * - no formulas: a text cell beginning with =, +, -, @ (also after leading spaces, and their
 *   fullwidth forms), tab, CR or LF is run as a formula by Excel,
 *   LibreOffice and Sheets ("=HYPERLINK(...)" in an audit entry's user agent, say). OWASP's advice
 *   is to prefix such a cell with a single quote. Only text is touched: a number such as -5 is data,
 *   and "'-5" would turn it into text in the sheet.
 * Records end with CRLF so per-page chunks can be concatenated (or handed to a Blob) as they are.
 */

/** One column of an export: its header and how a row gives its value (any value; see csvField). */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** Excel needs it to read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_RECORD_END = '\r\n';

// A formula sign first, or after leading whitespace (some spreadsheets trim cells on import), in
// ASCII or fullwidth (＝＋－＠, which some locales' spreadsheets read as the same signs); a leading
// tab, CR or LF as OWASP lists them.
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

function jsonOf(value: object): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A value as the text of its cell, before quoting. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  // Its JSON then goes through the string rules like any text (a toJSON may return anything).
  if (typeof value === 'object') return cellText(jsonOf(value));
  return cellText(String(value));
}

/** One field: its text, neutralised if it could run as a formula, quoted when RFC 4180 says so. */
export function csvField(value: unknown): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + CSV_RECORD_END;
}

/** The header record. */
export function csvHeader<T>(columns: readonly CsvColumn<T>[]): string {
  return csvRecord(columns.map((column) => column.header));
}

/** The records of some rows (one page of an export), each with its CRLF. */
export function csvRows<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let text = '';
  for (const row of rows) text += csvRecord(columns.map((column) => column.value(row)));
  return text;
}

/** A whole file in one string: BOM, header, rows. For small exports; large ones go page by page. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return CSV_BOM + csvHeader(columns) + csvRows(columns, rows);
}
