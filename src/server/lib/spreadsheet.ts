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

/** Reads the first sheet of an .xlsx or a .csv into header-keyed rows (cells as trimmed strings). */
export async function* readSheet(
  format: SheetFormat,
  bytes: Uint8Array,
): AsyncGenerator<{ rowNumber: number; cells: Record<string, string> }> {
  // Drivers hand bytea back as Uint8Array (PGlite) or Buffer (pg): view both as a Buffer without copying.
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'csv') {
    const text = file.toString('utf8').replace(/^\uFEFF/, '');
    // Group heads save from Excel with ';' in Vietnamese locales: take the delimiter the header line uses.
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    // Fed in 64 KB pieces so the first rows come out at once instead of after the whole file is parsed.
    const pieces = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) =>
      text.slice(i * 65536, (i + 1) * 65536),
    );
    const parser = Readable.from(pieces).pipe(
      parse({ columns: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }),
    );
    let rowNumber = 1;
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      rowNumber += 1;
      yield { rowNumber, cells: record };
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
    let headers: string[] | undefined;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!headers) {
        headers = values;
        continue;
      }
      if (values.every((v) => v === '')) continue;
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) cells[h] = values[i] ?? '';
      });
      yield { rowNumber: row.number, cells };
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
  else if (/^\d{4,5}$/.test(text)) {
    // An Excel serial day number (a date cell without its date format): days since 1899-12-30.
    const serial = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
    [y, m, d] = [serial.getUTCFullYear(), serial.getUTCMonth() + 1, serial.getUTCDate()];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** ISO date → dd/MM/yyyy. */
export const formatVnDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
