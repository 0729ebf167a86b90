import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createPiiCipher } from './pii-cipher.js';
import { readSheetRows, type SheetColumn, type SheetRow, streamSheet } from './spreadsheet.js';
import { streamXlsx } from './xlsx-writer.js';

const columns: SheetColumn[] = [
  { key: 'name', header: 'Họ và tên' },
  { key: 'id', header: 'Số định danh cá nhân' },
  { key: 'count', header: 'Số nhân khẩu' },
];
// What a registry holds and a naive writer breaks: markup, quotes, commas, line breaks, leading zeros, spaces.
const rows: SheetRow[] = [
  { name: 'Nguyễn Thị <Ánh> & "Bé"', id: '001234567890', count: 3 },
  { name: 'Trần Văn A, con', id: '', count: 0 },
  { name: 'Lê\nHai dòng', id: '079203000001', count: 12 },
  { name: ' khoảng trắng ', id: '031099000002', count: null },
];
async function* pages(list: SheetRow[], size: number) {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
/** The file as the import reads it: the first row names the columns. */
const readBack = async (format: 'csv' | 'xlsx', bytes: Buffer) => {
  const out: Record<string, string>[] = [];
  let header: string[] | undefined;
  for await (const { values } of readSheetRows(format, bytes)) {
    if (!header) header = values;
    else out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  }
  return out;
};
const expected = rows.map((r) => ({
  'Họ và tên': format(r.name),
  'Số định danh cá nhân': String(r.id),
  'Số nhân khẩu': r.count === null ? '' : String(r.count),
}));
function format(v: SheetRow[string]) {
  return String(v ?? '').trim(); // the reader trims cells, as a person reads them
}

describe('spreadsheets written a page at a time', () => {
  for (const fmt of ['csv', 'xlsx'] as const)
    it(`${fmt}: reads back as written (markup, quotes, commas, line breaks, leading zeros), rows or pages alike`, async () => {
      const byPage = await buffer(streamSheet(fmt, 'Nhân khẩu', columns, pages(rows, 3)));
      expect(await readBack(fmt, byPage)).toEqual(expected);
      async function* oneByOne() {
        yield* rows;
      }
      // Read back rather than compared byte for byte: a zip entry carries the time it was written.
      const byRow = await buffer(streamSheet(fmt, 'Nhân khẩu', columns, oneByOne()));
      expect(await readBack(fmt, byRow)).toEqual(expected);
    });

  it('xlsx: Excel-readable (exceljs opens it), header bold and frozen, numbers as numbers', async () => {
    const bytes = await buffer(streamSheet('xlsx', 'Nhân khẩu', columns, pages(rows, 2)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Nhân khẩu');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(3).value).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe('001234567890');
  });

  it('xlsx: rows past the sheet limit continue on a second sheet with the same header', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ name: `Người ${i + 1}`, id: String(i), count: i }));
    const bytes = await buffer(streamXlsx('Nhân khẩu', columns, pages(many, 2), 4));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Nhân khẩu', 'Nhân khẩu (2)', 'Nhân khẩu (3)']);
    const names = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((r, i) => (i > 1 && Array.isArray(r) ? [String(r[1])] : [])),
    );
    expect(names).toEqual(many.map((m) => m.name));
    expect(book.worksheets[1]!.getRow(1).getCell(1).value).toBe('Họ và tên');
  });
});

describe('decrypting many values at once', () => {
  const cipher = createPiiCipher({ data: randomBytes(32), index: randomBytes(32) });

  it('gives back every value in order, nulls in place, on the worker threads for a page-sized batch', async () => {
    const plain = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? null : `0${String(i).padStart(11, '0')}`));
    const stored = plain.map((p) => (p === null ? null : cipher.encrypt(p)));
    expect(await cipher.decryptMany(stored)).toEqual(plain);
    expect(await cipher.decryptMany(stored.slice(0, 10))).toEqual(plain.slice(0, 10));
  });

  it('refuses a tampered value instead of returning garbage', async () => {
    const stored = Array.from({ length: 1000 }, (_, i) => cipher.encrypt(`09${i}`));
    const raw = Buffer.from(stored[500]!, 'base64');
    raw[raw.length - 1]! ^= 1;
    stored[500] = raw.toString('base64');
    await expect(cipher.decryptMany(stored)).rejects.toThrow();
  });
});
