import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { foldText } from '../src/shared/text.js';

// What tests read in documents the app makes: the text of a PDF as a reader would copy it, a spreadsheet's rows.

/** One ToUnicode map: a glyph code (4 hex digits) → its text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const text = (hex: string) =>
    String.fromCharCode(
      ...hex
        .split(' ')
        .filter(Boolean)
        .map((h) => Number.parseInt(h, 16)),
    );
  for (const [, start, list] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    const entries = [...list!.matchAll(/<([0-9a-f ]*)>/gi)].map((m) => text(m[1]!));
    entries.forEach((t, i) => {
      map.set((Number.parseInt(start!, 16) + i).toString(16).padStart(4, '0'), t);
    });
  }
  for (const [, code, dest] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f ]+)>\s*$/gim))
    map.set(code!.toLowerCase(), text(dest!));
  return map;
}

/**
 * The text a PDF made by pdfkit shows, in drawing order (lines joined by spaces). Its content streams are
 * compressed and its fonts are subsets whose glyphs are numbered per font, so the bytes cannot be searched: each
 * stream is inflated, each font's ToUnicode map read, and each text operator decoded with the font it was set in.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + body.slice(at).indexOf('\n') + 1;
    const bytes = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const data = dict.includes('/FlateDecode') ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    objects.set(Number(m[1]), { dict, stream: data });
  }
  const fonts = new Map<string, Map<string, string>>();
  for (const [, name, ref] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const unicodeRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
    const cmap = unicodeRef ? objects.get(Number(unicodeRef))?.stream : undefined;
    if (cmap) fonts.set(name!, toUnicode(cmap));
  }
  const decode = (hex: string, font: Map<string, string> | undefined) =>
    (hex.toLowerCase().match(/.{4}/g) ?? []).map((code) => font?.get(code) ?? '').join('');
  const shown: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream?.includes('BT')) continue;
    let font: Map<string, string> | undefined;
    let line = '';
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj|ET/g)) {
      if (op[1]) font = fonts.get(op[1]);
      else if (op[2] !== undefined)
        line += [...op[2].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)]
          .map((p) => (p[1] !== undefined ? decode(p[1], font) : Number(p[2]) < -200 ? ' ' : ''))
          .join('');
      else if (op[3] !== undefined) line += decode(op[3], font);
      else {
        shown.push(line);
        line = '';
      }
    }
  }
  return shown.join(' ').replace(/\s+/g, ' ');
}

/**
 * The PDF's text folded (no tone marks, lower case), to search: pdfkit's ToUnicode maps give a glyph shared by two
 * letters ("o" in "ọ") one of them, so only the folded text is faithful.
 */
export const pdfWords = (pdf: Buffer) => foldText(pdfText(pdf));

/** A spreadsheet's rows as text cells, the header first. */
export async function sheetRows(xlsx: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  return book.worksheets[0]!.getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
}
