import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { streamXlsx } from './xlsx-writer.js';

import type { SheetColumn, SheetFormat, SheetRow } from './sheet-types.js';

export type { SheetColumn, SheetFormat, SheetRow } from './sheet-types.js';

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Streams rows — one at a time, or a page at a time from a source that reads ahead — into an .xlsx (xlsx-writer)
 * or a .csv (with a BOM so Excel opens Vietnamese text correctly). Memory stays flat however many rows come.
 */
export function streamSheet(
  format: SheetFormat,
  sheetName: string,
  columns: SheetColumn[],
  rows: AsyncIterable<SheetRow | SheetRow[]>,
): Readable {
  if (format === 'xlsx') return streamXlsx(sheetName, columns, rows);
  const out = new PassThrough();
  const pump = async () => {
    const keys = columns.map((c) => c.key);
    out.write(`\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\n`);
    for await (const item of rows) {
      const page = Array.isArray(item) ? item : [item];
      let text = '';
      for (const row of page) {
        for (let i = 0; i < keys.length; i++) text += (i ? ',' : '') + csvField(row[keys[i]!]);
        text += '\n';
      }
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
    }
    out.end();
  };
  pump().catch((error) => out.destroy(error as Error));
  return out;
}

/**
 * One CSV field as RFC 4180 writes it (and csv-stringify did: quoted when it holds a comma, a quote or a line
 * break; true as 1, false empty). Written here because csv-stringify's per-record machinery cost more than the
 * rest of an export together (decisions.md, "Exports at province scale").
 */
function csvField(value: SheetRow[string]): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A download: the rows of one sheet, with the name the file is saved under (without its extension). */
export type Sheet = {
  format: SheetFormat;
  fileName: string;
  sheetName: string;
  columns: SheetColumn[];
  rows: AsyncIterable<SheetRow | SheetRow[]>;
};

/** Streams a sheet as the response, saved by the browser as `fileName.xlsx` or `.csv`. */
export function sendSheet(reply: FastifyReply, sheet: Sheet) {
  reply.header('content-type', contentTypes[sheet.format]);
  reply.header('content-disposition', `attachment; filename="${sheet.fileName}.${sheet.format}"`);
  return reply.send(streamSheet(sheet.format, sheet.sheetName, sheet.columns, sheet.rows));
}

/**
 * Reads the first sheet of an .xlsx or a .csv as rows of cell texts, numbered as the spreadsheet numbers them, with
 * no idea of a header: the usual commune form has a national motto, a title and a date above its header, so the
 * caller decides which row is the header. Blank rows are skipped.
 */
export async function* readSheetRows(
  format: SheetFormat,
  bytes: Uint8Array,
): AsyncGenerator<{ rowNumber: number; values: string[] }> {
  // Drivers hand bytea back as Uint8Array (PGlite) or Buffer (pg): view both as a Buffer without copying.
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'csv') {
    const text = file.toString('utf8').replace(/^\uFEFF/, '');
    // Group heads save from Excel with ';' in Vietnamese locales: take the delimiter the file's top mostly uses
    // (its first line may be a title with no delimiter at all).
    const head = text.slice(0, 4096);
    const delimiter = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
    // Fed in 64 KB pieces so the first rows come out at once instead of after the whole file is parsed.
    const pieces = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) =>
      text.slice(i * 65536, (i + 1) * 65536),
    );
    const parser = Readable.from(pieces).pipe(
      parse({ delimiter, trim: true, relax_column_count: true, bom: true, info: true }),
    );
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.every((v) => v === '')) continue;
      yield { rowNumber: info.lines, values: record };
    }
    return;
  }
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      // A sparse row leaves holes in the array: fill them so every column index reads as text.
      for (let i = 0; i < values.length; i++) values[i] ??= '';
      if (values.every((v) => v === '')) continue;
      yield { rowNumber: row.number, values };
    }
    return; // first sheet only
  }
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** A cell as the text a person sees: dates as dd/MM/yyyy, numbers without exponent, rich text flattened. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    const v = value as { text?: string; richText?: { text: string }[]; result?: unknown };
    if (v.richText)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
}

/** "dd/MM/yyyy" (also d/M/yyyy, dd-MM-yyyy, yyyy-MM-dd) → ISO date, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  let d: number, m: number, y: number;
  const dmy = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (/^\d{5}$/.test(text)) {
    // An Excel serial day number (a date cell without its date format): days since 1899-12-30.
    const serial = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
    [y, m, d] = [serial.getUTCFullYear(), serial.getUTCMonth() + 1, serial.getUTCDate()];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date cell as much as it says: "15/05/1956" → "1956-05-15", "05/1956" → "1956-05", "1956" → "1956" (a year, never a
 * day guessed for it, nor the Excel day number 1956, which is 09/05/1905). Null when it is none of these.
 */
export function parseVnPartialDate(text: string): string | null {
  const year = text.match(/^(?:năm\s*)?(\d{4})$/i);
  if (year) {
    const y = Number(year[1]);
    return y >= 1800 && y <= 2200 ? String(y) : null;
  }
  const monthYear = text.match(/^(?:tháng\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})$/i);
  if (monthYear) {
    const m = Number(monthYear[1]);
    return m >= 1 && m <= 12 ? `${monthYear[2]}-${pad(m)}` : null;
  }
  const iso = text.match(/^(\d{4})-(\d{2})$/);
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? text : null;
  return parseVnDate(text);
}

/** Partial ISO ("1956", "1956-05", "1956-05-15") → what a Vietnamese list writes: 1956, 05/1956, 15/05/1956. */
export const formatVnPartialDate = (partial: string | null) => (partial ? partial.split('-').reverse().join('/') : '');

/** ISO date → dd/MM/yyyy. */
export const formatVnDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
