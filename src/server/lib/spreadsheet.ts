import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

export type SheetFormat = 'xlsx' | 'csv';
export type SheetColumn = { key: string; header: string; width?: number };
export type SheetRow = Record<string, string | number | boolean | null | undefined>;

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Streams rows into an .xlsx (exceljs streaming writer, rows committed as they come) or a .csv (with a BOM so
 * Excel opens Vietnamese text correctly). Memory stays flat however many rows the source yields.
 */
export function streamSheet(
  format: SheetFormat,
  sheetName: string,
  columns: SheetColumn[],
  rows: AsyncIterable<SheetRow>,
): Readable {
  const out = new PassThrough();
  const pump = async () => {
    if (format === 'csv') {
      const csv = stringify({
        header: true,
        columns: columns.map((c) => ({ key: c.key, header: c.header })),
        bom: true,
      });
      csv.pipe(out);
      for await (const row of rows) {
        if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
      return;
    }
    // loaded on first use: CSV-only work (an import's worker) skips it
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  };
  pump().catch((error) => out.destroy(error as Error));
  return out;
}

/** A download: the rows of one sheet, with the name the file is saved under (without its extension). */
export type Sheet = {
  format: SheetFormat;
  fileName: string;
  sheetName: string;
  columns: SheetColumn[];
  rows: AsyncIterable<SheetRow>;
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
