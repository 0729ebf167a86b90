import { createPiiCipher } from '../../lib/pii-cipher.js';
import { readSheetRows, type SheetFormat } from '../../lib/spreadsheet.js';
import { findHeader, HEADER_SEARCH_ROWS, isNumberingRow, kindOfRow, sectionKey } from './imports.layout.js';
import {
  headerOf,
  householdKey,
  mapHeaders,
  parseRow,
  type ParsedRow,
  type RowError,
  type UnitResolver,
} from './imports.rows.js';

/** A checked row with its secrets already sealed, ready to write. */
export type SealedRow = ParsedRow & {
  pidBidx: string | null;
  phoneBidx: string | null;
  pidEnc: string | null;
  phoneEnc: string | null;
  /** The row's cells as read (dry run only): should the database refuse the row, the error report shows it. */
  values?: string[];
};

export type ScanInput = {
  format: SheetFormat;
  file: Uint8Array;
  units: { byCode: [string, number][]; defaultUnitId: number | null; byName: [string, number][] };
  today: string;
  keys: { data: Uint8Array; index: Uint8Array };
  /** Encrypt ID and phone numbers (the import pass); the dry run needs only the blind index. */
  seal: boolean;
  batchSize: number;
  /** Past this many rows the scan stops: the upload was checked against it, this holds if a file lied about it. */
  maxRows: number;
  /** How many bad rows' cells are kept for the error report. */
  keptBadRows: number;
};

/** Thrown when a file has more rows than an import takes (the message names the import failure code). */
export const TOO_MANY_ROWS = 'TOO_MANY_ROWS';

/** Something the reader did or left out without it being an error, said once per kind (with the rows it concerns). */
export type ImportNotice = { code: string; rows: number[]; count: number; messageVi: string; messageEn: string };

/** A bad row as the file had it, for the error report. */
export type BadRow = { row: number; values: string[] };

export type ScanBatch = { rows: SealedRow[]; errors: RowError[]; badRows: BadRow[]; processed: number };
export type ScanEnd = {
  total: number;
  badRows: number;
  households: number;
  errors: RowError[];
  headers: string[];
  notices: ImportNotice[];
};

const NOTICE_ROWS = 20;

const repairNotices = {
  ID_ZERO_RESTORED: {
    vi: 'Số định danh 11 chữ số (Excel đã bỏ số 0 đầu) được ghi lại đủ 12 chữ số',
    en: '11-digit ID numbers (Excel dropped the leading 0) were given their 0 back',
  },
  PHONE_ZERO_RESTORED: {
    vi: 'Số điện thoại thiếu số 0 đầu (ô kiểu số) được ghi lại đủ số 0',
    en: 'Phone numbers that lost their leading 0 (a number cell) were given it back',
  },
  NOT_A_PERSON: {
    vi: 'Dòng không có người (chữ ký, ngày tháng, ghi chú) được bỏ qua',
    en: 'Rows with no person on them (signatures, a date, a note) were left out',
  },
  NUMBERING_ROW: {
    vi: 'Dòng đánh số cột dưới tiêu đề được bỏ qua',
    en: 'The row numbering the columns under the header was left out',
  },
} as const;

/**
 * Reads a registry spreadsheet and checks every row — cell rules, duplicates within the file — sealing ID and phone
 * numbers as it goes. Pure CPU work with no database, so it runs on a worker thread (imports.scan-worker.ts) while
 * the main thread writes the previous batch.
 */
export async function scanSheet(input: ScanInput, emit: (batch: ScanBatch) => Promise<void>): Promise<ScanEnd> {
  const cipher = createPiiCipher({ data: Buffer.from(input.keys.data), index: Buffer.from(input.keys.index) });
  const units: UnitResolver = {
    byCode: new Map(input.units.byCode),
    defaultUnitId: input.units.defaultUnitId,
    byName: new Map(input.units.byName),
  };
  const seenPid = new Map<string, number>();
  const seenPerson = new Set<string>();
  const households = new Set<string>();
  const notices = new Map<string, ImportNotice>();
  const notice = (code: string, row: number, vi: string, en: string) => {
    const n = notices.get(code) ?? { code, rows: [], count: 0, messageVi: vi, messageEn: en };
    n.count += 1;
    if (n.rows.length < NOTICE_ROWS) n.rows.push(row);
    notices.set(code, n);
  };
  let total = 0;
  let badRows = 0;
  let keptBad = 0;
  let batch: SealedRow[] = [];
  let batchErrors: RowError[] = [];
  let batchBad: BadRow[] = [];
  let section: number | null = null;
  const flush = async () => {
    await emit({ rows: batch, errors: batchErrors, badRows: batchBad, processed: total });
    batch = [];
    batchErrors = [];
    batchBad = [];
  };

  // The header is looked for among the first rows; they are held until it is found.
  // (read by hand: leaving a for-await early would close the reader)
  const rows = readSheetRows(input.format, input.file);
  const top: { rowNumber: number; values: string[] }[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  if (top.length === 0)
    return {
      ...emptyEnd([
        { row: 1, column: '', code: 'EMPTY', messageVi: 'Tệp không có dữ liệu', messageEn: 'The file has no rows' },
      ]),
    };
  const found = findHeader(top.map((t) => t.values));
  if ('missing' in found) {
    const list = found.missing.map((k) => headerOf.get(k) ?? k).join(', ');
    return emptyEnd([
      {
        row: 1,
        column: list,
        code: 'MISSING_COLUMNS',
        messageVi: `Không tìm thấy dòng tiêu đề có các cột: ${list}. Hãy dùng tệp mẫu.`,
        messageEn: `No header row with the columns: ${list}. Use the template.`,
      },
    ]);
  }
  const headers = found.headers;
  const dataStart = found.at + found.rowsUsed;
  const keys = mapHeaders(Object.fromEntries(headers.filter(Boolean).map((h) => [h, '']))).keys;
  const keyAt = headers.map((h) => keys.get(h));

  async function* dataRows() {
    yield* top.slice(dataStart);
    yield* rows;
  }
  let first = true;
  for await (const { rowNumber, values } of dataRows()) {
    if (first && isNumberingRow(values)) {
      first = false;
      notice('NUMBERING_ROW', rowNumber, repairNotices.NUMBERING_ROW.vi, repairNotices.NUMBERING_ROW.en);
      continue;
    }
    first = false;
    const cells: Record<string, string> = {};
    const byKey: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (!h) return;
      cells[h] = values[i] ?? '';
      const key = keyAt[i];
      if (key) byKey[key] = (values[i] ?? '').trim();
    });
    const { kind, text } = kindOfRow(byKey, values);
    if (kind === 'section') {
      const unitId = units.byName.get(sectionKey(text)) ?? units.byCode.get(text.toUpperCase()) ?? null;
      // One notice per heading: the rows below take its unit, or the heading is only skipped.
      if (unitId) {
        section = unitId;
        notice(
          `SECTION_UNIT:${rowNumber}`,
          rowNumber,
          `Dòng "${text}" là tên nhóm: các dòng dưới không ghi mã thôn/tổ được đưa vào "${text}"`,
          `Row "${text}" is a heading: the rows under it that give no group code go into "${text}"`,
        );
      } else {
        // the rows under an unknown heading are not the previous heading's: they go back to their own codes
        section = null;
        notice(
          `SECTION_SKIPPED:${rowNumber}`,
          rowNumber,
          `Dòng "${text}" là tên nhóm, không khớp thôn/tổ/ngõ nào trong đơn vị nên được bỏ qua`,
          `Row "${text}" is a heading that names no group or alley in the unit; it was left out`,
        );
      }
      continue;
    }
    if (kind === 'other') {
      notice('NOT_A_PERSON', rowNumber, repairNotices.NOT_A_PERSON.vi, repairNotices.NOT_A_PERSON.en);
      continue;
    }
    total += 1;
    if (total > input.maxRows) throw new Error(TOO_MANY_ROWS);
    const { row, errors, repairs } = parseRow(rowNumber, cells, keys, units, input.today, section);
    for (const r of repairs) notice(r, rowNumber, repairNotices[r].vi, repairNotices[r].en);
    if (row?.personalId) {
      const firstRow = seenPid.get(row.personalId);
      if (firstRow)
        errors.push({
          row: rowNumber,
          column: 'Số định danh cá nhân',
          code: 'DUPLICATE_IN_FILE',
          messageVi: `Số định danh trùng với dòng ${firstRow}`,
          messageEn: `Same personal ID as row ${firstRow}`,
        });
      else seenPid.set(row.personalId, rowNumber);
    }
    if (row) {
      const person = `${householdKey(row)}|${row.searchText}|${row.birthDate}`;
      if (seenPerson.has(person))
        errors.push({
          row: rowNumber,
          column: 'Họ và tên',
          code: 'DUPLICATE_IN_FILE',
          messageVi: 'Người này (cùng họ tên, ngày sinh, hộ) đã có ở dòng trước',
          messageEn: 'The same person (name, birth date, household) appears on an earlier row',
        });
      seenPerson.add(person);
    }
    if (errors.length || !row) {
      badRows += 1;
      batchErrors.push(...errors);
      if (keptBad < input.keptBadRows) {
        keptBad += 1;
        batchBad.push({ row: rowNumber, values: headers.map((_, i) => values[i] ?? '') });
      }
    } else {
      households.add(householdKey(row));
      batch.push({
        ...row,
        pidBidx: row.personalId ? cipher.blindIndex(row.personalId, 'pid') : null,
        phoneBidx: row.phone ? cipher.blindIndex(row.phone, 'phone') : null,
        pidEnc: input.seal && row.personalId ? cipher.encrypt(row.personalId) : null,
        phoneEnc: input.seal && row.phone ? cipher.encrypt(row.phone) : null,
        ...(input.seal ? {} : { values: headers.map((_, i) => values[i] ?? '') }),
      });
    }
    if (batch.length >= input.batchSize) await flush();
  }
  await flush();
  return { total, badRows, households: households.size, errors: [], headers, notices: [...notices.values()] };
}

const emptyEnd = (errors: RowError[]): ScanEnd => ({
  total: 0,
  badRows: 0,
  households: 0,
  errors,
  headers: [],
  notices: [],
});
