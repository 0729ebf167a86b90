import { foldText } from '../../../shared/text.js';
import { columnKeyOf } from './registry-columns.js';

/**
 * Where the list starts in a real commune file. The usual form carries the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM"), a title and a date above its header, a header whose cells may be merged over two rows ("Giấy tờ" over
 * "Số định danh" and "Số điện thoại"), sometimes a row numbering the columns (1), (2)…, section rows ("Ngõ 3") between
 * the people and signatures below them. Only the header and the people are data; the rest is read, not refused.
 */

/** How many rows from the top are searched for the header (titles and dates take a handful). */
export const HEADER_SEARCH_ROWS = 30;

const REQUIRED = ['fullName', 'birthDate', 'gender', 'address'];

const keysOf = (values: string[]) => new Set(values.map((v) => columnKeyOf(v)).filter(Boolean) as string[]);

/**
 * A two-row header read as one: where the lower row names a known column it wins, elsewhere the upper row's text
 * (merged vertically, it stands over both rows) is kept.
 */
function combine(upper: string[], lower: string[]): string[] {
  const n = Math.max(upper.length, lower.length);
  return Array.from({ length: n }, (_, i) =>
    lower[i] && columnKeyOf(lower[i]) ? lower[i] : upper[i] || lower[i] || '',
  );
}

export type HeaderFound = { at: number; headers: string[]; rowsUsed: 1 | 2 };

/**
 * The header among the first rows: the first row (alone or with the row under it) that names every required column.
 * When none does, the best candidate's missing columns are reported once.
 */
export function findHeader(rows: string[][]): HeaderFound | { missing: string[] } {
  let best: { missing: string[]; score: number } = { missing: REQUIRED, score: -1 };
  for (let i = 0; i < rows.length; i++) {
    const single = rows[i]!;
    let found: HeaderFound = { at: i, headers: single, rowsUsed: 1 };
    // The row under it is the header's lower half when it names columns the upper row does not (a data row never
    // holds a column's name); the upper row must name some itself, or a title above would pass for a header.
    const lower = rows[i + 1];
    if (lower && keysOf(single).size >= 2 && keysOf(lower).size > 0) {
      const combined = combine(single, lower);
      if (keysOf(combined).size > keysOf(single).size) found = { at: i, headers: combined, rowsUsed: 2 };
    }
    const keys = keysOf(found.headers);
    const missing = REQUIRED.filter((k) => !keys.has(k));
    if (missing.length === 0) return found;
    if (keys.size > best.score) best = { missing, score: keys.size };
  }
  return { missing: best.missing };
}

/** A row numbering the columns under the header: "1, 2, 3…" or "(1), (2), (3)…" and nothing else. */
export function isNumberingRow(values: string[]): boolean {
  const filled = values.filter((v) => v !== '');
  if (filled.length < 3) return false;
  return filled.every((v, i) => v.replace(/[()[\]\s]/g, '') === String(i + 1));
}

export type RowKind = 'person' | 'section' | 'other';

/** Words of the signature block and the place-and-date line under a list (folded). */
const signatureWords =
  /\b(nguoi lap( bieu)?|truong thon|to truong|truong to|truong ban|chu tich|xac nhan|ky,? ghi ro|ghi ro ho ten|ngay .* thang .* nam|tm\.? ubnd)\b/;

/**
 * A row with no name, birth date, gender, ID or phone is not a person: one cell alone (a merged cell across the row
 * keeps its text in its first cell) is a section heading, anything else (signatures side by side, "Người lập biểu",
 * a place and date) is left out with a notice.
 */
export function kindOfRow(cell: Record<string, string>, values: string[]): { kind: RowKind; text: string } {
  const facts = ['birthDate', 'gender', 'personalId', 'phone'].some((k) => (cell[k] ?? '') !== '');
  // A signature block often sits in the name column ("Người lập biểu"): with no other fact beside it, the words say
  // it is not a person. A name alone without such words is a person with missing cells, and is reported.
  const signature = !facts && values.some((v) => signatureWords.test(foldText(v)));
  if (facts || (!signature && (cell.fullName ?? '') !== '')) return { kind: 'person', text: '' };
  const texts = values.filter((v) => v !== '');
  return { kind: texts.length === 1 && !signature ? 'section' : 'other', text: texts.join(' · ').slice(0, 120) };
}

/**
 * A section heading's text as a unit name is compared: folded, "tổ dân phố" read as "tổ", "số" dropped, so "Tổ 3"
 * finds "Tổ dân phố số 3".
 */
export const sectionKey = (text: string) =>
  foldText(text)
    .replace(/\bto dan pho\b/g, 'to')
    .replace(/\bso\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
