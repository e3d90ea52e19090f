import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), the BOM dropped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && body[i + 1] === '\n')) {
      if (c === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

/** A downloaded CSV as its header and its rows, each row keyed by the header's names. */
export async function readCsvDownload(download: Download): Promise<{ text: string; header: string[]; rows: Record<string, string>[] }> {
  const path = await download.path();
  if (!path) throw new Error(`The download ${download.suggestedFilename()} has no file`);
  const text = await readFile(path, 'utf8');
  const [header = [], ...records] = parseCsv(text);
  const rows = records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
  return { text, header, rows };
}
