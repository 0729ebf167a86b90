import { createPiiCipher } from '../../lib/pii-cipher.js';
import { readSheet, type SheetFormat } from '../../lib/spreadsheet.js';
import {
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
};

export type ScanInput = {
  format: SheetFormat;
  file: Uint8Array;
  units: { byCode: [string, number][]; defaultUnitId: number | null };
  today: string;
  keys: { data: Uint8Array; index: Uint8Array };
  /** Encrypt ID and phone numbers (the import pass); the dry run needs only the blind index. */
  seal: boolean;
  batchSize: number;
  /** Past this many rows the scan stops: the upload was checked against it, this holds if a file lied about it. */
  maxRows: number;
};

/** Thrown when a file has more rows than an import takes (the message names the import failure code). */
export const TOO_MANY_ROWS = 'TOO_MANY_ROWS';

export type ScanBatch = { rows: SealedRow[]; errors: RowError[]; processed: number };
export type ScanEnd = { total: number; badRows: number; households: number; errors: RowError[] };

/**
 * Reads a registry spreadsheet and checks every row — cell rules, duplicates within the file — sealing ID and phone
 * numbers as it goes. Pure CPU work with no database, so it runs on a worker thread (imports.scan-worker.ts) while
 * the main thread writes the previous batch.
 */
export async function scanSheet(input: ScanInput, emit: (batch: ScanBatch) => Promise<void>): Promise<ScanEnd> {
  const cipher = createPiiCipher({ data: Buffer.from(input.keys.data), index: Buffer.from(input.keys.index) });
  const units: UnitResolver = { byCode: new Map(input.units.byCode), defaultUnitId: input.units.defaultUnitId };
  const seenPid = new Map<string, number>();
  const seenPerson = new Set<string>();
  const households = new Set<string>();
  let keys: Map<string, string> | undefined;
  let total = 0;
  let badRows = 0;
  let batch: SealedRow[] = [];
  let batchErrors: RowError[] = [];
  const flush = async () => {
    await emit({ rows: batch, errors: batchErrors, processed: total });
    batch = [];
    batchErrors = [];
  };

  for await (const { rowNumber, cells } of readSheet(input.format, input.file)) {
    if (!keys) {
      const mapped = mapHeaders(cells);
      if (mapped.missing.length) {
        const list = mapped.missing.join(', ');
        return {
          total: 0,
          badRows: 0,
          households: 0,
          errors: [
            {
              row: 1,
              column: list,
              code: 'MISSING_COLUMNS',
              messageVi: `Tệp thiếu cột: ${list}. Hãy dùng tệp mẫu.`,
              messageEn: `The file lacks columns: ${list}. Use the template.`,
            },
          ],
        };
      }
      keys = mapped.keys;
    }
    total += 1;
    if (total > input.maxRows) throw new Error(TOO_MANY_ROWS);
    const { row, errors } = parseRow(rowNumber, cells, keys, units, input.today);
    if (row?.personalId) {
      const first = seenPid.get(row.personalId);
      if (first)
        errors.push({
          row: rowNumber,
          column: 'Số định danh cá nhân',
          code: 'DUPLICATE_IN_FILE',
          messageVi: `Số định danh trùng với dòng ${first}`,
          messageEn: `Same personal ID as row ${first}`,
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
    } else {
      households.add(householdKey(row));
      batch.push({
        ...row,
        pidBidx: row.personalId ? cipher.blindIndex(row.personalId, 'pid') : null,
        phoneBidx: row.phone ? cipher.blindIndex(row.phone, 'phone') : null,
        pidEnc: input.seal && row.personalId ? cipher.encrypt(row.personalId) : null,
        phoneEnc: input.seal && row.phone ? cipher.encrypt(row.phone) : null,
      });
    }
    if (batch.length >= input.batchSize) await flush();
  }
  await flush();
  if (!keys)
    return {
      total: 0,
      badRows: 0,
      households: 0,
      errors: [
        { row: 1, column: '', code: 'EMPTY', messageVi: 'Tệp không có dữ liệu', messageEn: 'The file has no rows' },
      ],
    };
  return { total, badRows, households: households.size, errors: [] };
}
