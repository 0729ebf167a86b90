import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { Config } from '../../config.js';
import { AppError, validation } from '../../lib/errors.js';
import type { SheetFormat } from '../../lib/spreadsheet.js';

// What a spreadsheet may cost before anything parses it. An .xlsx is a ZIP of XML: a few kilobytes can inflate to
// gigabytes (a "zip bomb"), and a sheet can declare millions of rows or shared strings that a parser would hold in
// memory. These checks read only the ZIP's directory and the first bytes of two entries, so refusing a bomb is cheap;
// the scan itself then runs on a worker thread with a memory ceiling and stops at the row limit (imports.service.ts).

type Limits = Config['imports'];

/** Past this ratio a ZIP entry is not a spreadsheet: real sheets compress 5–30×, bombs hundreds or thousands of times. */
const MAX_RATIO = 200;
const MAX_ENTRIES = 2000;
/** How much of a sheet or of the shared strings is inflated to read its declared size. */
const HEAD_BYTES = 64 * 1024;

const tooLarge = (vi: string, en: string) =>
  new AppError('PAYLOAD_TOO_LARGE', 413, {
    vi: `${vi} Hãy chia danh sách thành nhiều tệp nhỏ hơn.`,
    en: `${en} Split the list into smaller files.`,
  });

const tooManyRows = (rows: number, limits: Limits) =>
  tooLarge(
    `Tệp có khoảng ${rows.toLocaleString('vi-VN')} dòng, vượt giới hạn ${limits.maxRows.toLocaleString('vi-VN')} dòng mỗi lần nhập.`,
    `The file has about ${rows.toLocaleString('en')} rows, over the limit of ${limits.maxRows.toLocaleString('en')} per import.`,
  );

const notASheet = () =>
  validation([
    {
      field: 'file',
      code: 'FORMAT',
      message: {
        vi: 'Tệp Excel bị hỏng hoặc không phải bảng tính; hãy lưu lại bằng Excel (.xlsx) rồi tải lên',
        en: 'The Excel file is damaged or not a spreadsheet; save it again from Excel (.xlsx) and upload it',
      },
    },
  ]);

/** Refuses an upload that would cost too much to read, with a message that says what to do. */
export function checkSheetLimits(format: SheetFormat, file: Buffer, limits: Limits): void {
  if (format === 'csv') {
    let rows = 0;
    for (let i = file.indexOf(10); i !== -1; i = file.indexOf(10, i + 1)) rows += 1;
    if (rows > limits.maxRows + 1) throw tooManyRows(rows, limits);
    return;
  }
  const entries: { name: string; size: number; originalSize: number }[] = [];
  try {
    // With the filter refusing every entry, fflate reads the central directory and inflates nothing.
    unzipSync(file, {
      filter: (entry) => {
        entries.push({ name: entry.name, size: entry.size, originalSize: entry.originalSize });
        return false;
      },
    });
  } catch {
    throw notASheet();
  }
  if (entries.length > MAX_ENTRIES) throw notASheet();
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  const bomb = entries.find((e) => e.originalSize > 1024 * 1024 && e.originalSize / Math.max(e.size, 1) > MAX_RATIO);
  if (total > limits.maxUncompressedBytes || bomb) {
    const mb = Math.round(total / 1024 / 1024);
    throw tooLarge(
      `Tệp Excel giải nén ra ${mb} MB, quá lớn để đọc an toàn.`,
      `The Excel file expands to ${mb} MB, too large to read safely.`,
    );
  }
  const heads = entryHeads(
    file,
    (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
  );
  for (const [name, head] of heads) {
    if (name === 'xl/sharedStrings.xml') {
      const unique = Number(/uniqueCount="(\d+)"/.exec(head)?.[1] ?? 0);
      // Each row of a registry list holds a handful of distinct texts; far more is not a list of households.
      if (unique > limits.maxRows * 20) throw tooManyRows(Math.round(unique / 20), limits);
    } else {
      const last = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head)?.[1];
      if (last && Number(last) > limits.maxRows + 1) throw tooManyRows(Number(last) - 1, limits);
    }
  }
}

/** The first bytes of the named entries, inflated as a stream and stopped early: their XML headers. */
function entryHeads(file: Buffer, wanted: (name: string) => boolean): Map<string, string> {
  const heads = new Map<string, string>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    if (!wanted(entry.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (error) return;
      if (size < HEAD_BYTES) {
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size >= HEAD_BYTES || final) {
        heads.set(entry.name, Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'));
        if (!final) entry.terminate();
      }
    };
    entry.start();
  };
  try {
    unzip.push(file, true);
  } catch {
    throw notASheet();
  }
  return heads;
}
