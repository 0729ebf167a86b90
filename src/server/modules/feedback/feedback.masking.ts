/**
 * Personal data masked out of a question or answer before an officer publishes it on "Hỏi đáp": the sender's (and any
 * other known) names, e-mail addresses, 12-digit ID numbers (and 9-digit old identity cards), phone numbers however
 * they are spelled, and house numbers. The officer reviews the result (the publication preview) before it goes out:
 * this is a first pass that errs on masking, not a guarantee.
 */

/** What replaces each masked piece. */
export const MASK = '***';

const L = '\\p{L}\\p{N}';
/** Not inside a word or number (JavaScript's \b knows only ASCII letters). */
const START = `(?<![${L}])`;
const END = `(?![${L}])`;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** 12 digits (số định danh / CCCD) in one run or in groups of 3 or 4; the old 9-digit CMND. */
const ID_NUMBER = new RegExp(`${START}(?:\\d{12}|\\d{3}(?:[ .]\\d{3}){3}|\\d{4}(?:[ .]\\d{4}){2}|\\d{9})${END}`, 'gu');
/**
 * A Vietnamese phone number: +84 / 84 / (+84) / 0, then 9–10 digits with spaces, dots, dashes or brackets between
 * them ("0912 345 678", "0912.345.678", "+84 912-345-678", "(+84) 912 345 678", "84912345678", "024 3825 1234").
 */
const NUM_START = `(?<![${L}]|\\p{N}[.,])`;
const PHONE = new RegExp(
  `(?:\\(\\+?84\\)|\\+84|${NUM_START}84|${NUM_START}0)[\\s.()-]*[1-9](?:[\\s.()-]?\\d){7,9}${END}`,
  'gu',
);
const HOUSE_NO = '\\d+[A-Za-z]?(?:[/-]\\d+[A-Za-z]?)*';
/** "số nhà 12", "nhà số 15A", "nhà 7": the number after the words. */
const HOUSE_AFTER_WORDS = new RegExp(`(${START}(?:số nhà|nhà số|nhà)\\s*)(${HOUSE_NO})${END}`, 'giu');
/** "số 12 ngõ 34", "12/3 Lê Lợi", "15A đường Trần Phú": a number before a street, alley or a capitalised name. */
const HOUSE_BEFORE_STREET = new RegExp(
  `${START}(?<!(?:[nN]gõ|[nN]gách|[hH]ẻm|[kK]iệt|[tT]ổ|[tT]hôn|[xX]óm|[kK]hu|[ấẤ]p|[đĐ]ội|[pP]hường|[qQ]uận)\\s+)((?:[sS]ố\\s*)?)(${HOUSE_NO})(?=,?\\s+(?:ngõ|ngách|hẻm|kiệt|đường|phố|khu|thôn|xóm|ấp|tổ|\\p{Lu}))`,
  'gu',
);

const HONORIFICS = ['anh', 'chi', 'ong', 'ba', 'co', 'chu', 'bac', 'em', 'di', 'cau', 'thim', 'mo', 'gia dinh', 'ho'];

/** One character folded (accents, đ, case): NFC text keeps one UTF-16 unit per Vietnamese letter, so positions hold. */
function foldChar(c: string): string {
  const f = c
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return f.length === 1 ? f : c;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a known name occurs, accents and case ignored ("Nguyen van an" finds "Nguyễn Văn An"). */
function nameRanges(text: string, names: string[]): [number, number][] {
  const folded = Array.from(text, foldChar).join('');
  if (folded.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (const name of names) {
    const words = Array.from(name.normalize('NFC').trim(), foldChar)
      .join('')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length === 0) continue;
    const patterns = [words.map(escapeRegExp).join('\\s+')];
    // The given name (last word) or the last two, after a way of addressing someone: "anh An", "bà Thị Hoa".
    const honorific = `(?:${HONORIFICS.map((h) => h.replace(' ', '\\s+')).join('|')})\\s+`;
    if (words.length >= 2) {
      patterns.push(`(?<=${START}${honorific})${words.slice(-2).map(escapeRegExp).join('\\s+')}`);
      patterns.push(`(?<=${START}${honorific})${escapeRegExp(words.at(-1)!)}`);
    }
    for (const p of patterns) {
      for (const m of folded.matchAll(new RegExp(`${START}${p}${END}`, 'giu'))) {
        ranges.push([m.index, m.index + m[0].length]);
      }
    }
  }
  return ranges;
}

/** Replaces ranges (possibly overlapping) of `text` with the mask. */
function maskRanges(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [from, to] of sorted) {
    if (to <= at) continue;
    if (from >= at) out += `${text.slice(at, from)}${MASK}`;
    at = to;
  }
  return out + text.slice(at);
}

/**
 * Masks personal data in a text to be published: the known names (the sender's, accents and case ignored, also the
 * given name after "anh", "chị", "ông", "bà"…), e-mail addresses, ID numbers, phone numbers in any usual spelling, and
 * house numbers ("số nhà 12", "12/3 Lê Lợi"). Alley and group names stay: they say where, not who.
 */
export function maskPersonalData(text: string, known: { names: string[] }): string {
  let out = text.normalize('NFC');
  out = maskRanges(
    out,
    nameRanges(
      out,
      known.names.filter((n) => n.trim().length >= 2),
    ),
  );
  out = out.replace(EMAIL, MASK);
  out = out.replace(ID_NUMBER, MASK);
  out = out.replace(PHONE, MASK);
  out = out.replace(HOUSE_AFTER_WORDS, (_m, words: string) => `${words}${MASK}`);
  out = out.replace(HOUSE_BEFORE_STREET, (_m, words: string) => `${words}${MASK}`);
  return out;
}
