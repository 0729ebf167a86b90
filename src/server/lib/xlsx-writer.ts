import { PassThrough, type Readable } from 'node:stream';
import archiver from 'archiver';
import type { SheetColumn, SheetRow } from './sheet-types.js';

/**
 * A streaming .xlsx writer: the sheet's XML is written as text, a page of rows at a time, into a zip entry that
 * archiver deflates on libuv's thread pool (zlib), so the main thread only builds strings. exceljs's streaming
 * writer spent ~80 µs a row on cell models, styles and its XML builder (122 s for a province of 1M people);
 * this one writes what a registry list needs — text and numbers, a bold frozen header, column widths — and
 * nothing else (decisions.md, "Exports at province scale").
 *
 * Strings are inline (`t="inlineStr"`): shared strings would need the whole table of distinct values in memory
 * before the sheet could be written. A sheet holds at most 1,048,576 rows (Excel's limit); more rows continue on
 * a second sheet with the same header.
 */
const MAX_ROWS = 1_048_576;

// XML 1.0 forbids most control characters even escaped; a stray one from a pasted cell would make Excel refuse
// the whole file, so it is dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, plus the three characters XML escapes
const SPECIAL = /[<>&\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A cell at `ref` ("B7"): references are optional in the format, but readers (exceljs among them) need them. */
function cell(ref: string, value: SheetRow[string], style = ''): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = escapeXml(String(value));
  // Leading or trailing spaces are kept only when the text says so.
  const space = text !== text.trim() ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** Column letters: A…Z, AA…ZZ (a registry list has 15 columns). */
const letter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26);

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetHead(columns: SheetColumn[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 18}" customWidth="1"/>`);
  const header = columns.map((c, i) => cell(`${letter(i)}1`, c.header, ' s="1"')).join('');
  return (
    `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols.join('')}</cols><sheetData><row r="1">${header}</row>`
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';

const STYLES =
  `${XML}<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
const sheetTitle = (name: string, index: number) => {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 27) || 'Sheet';
  return escapeXml(index === 0 ? base : `${base} (${index + 1})`);
};

function packageParts(sheetName: string, sheets: number) {
  const ids = Array.from({ length: sheets }, (_, i) => i + 1);
  return {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      ids
        .map(
          (i) =>
            `<Override PartName="/xl/worksheets/sheet${i}.xml" ` +
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
        )
        .join('') +
      '</Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
      ids.map((i) => `<sheet name="${sheetTitle(sheetName, i - 1)}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PKG_REL}">` +
      ids
        .map((i) => `<Relationship Id="rId${i}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${sheets + 1}" Type="${DOC_REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
}

/** Writes the rows (one at a time or a page at a time) as an .xlsx into the returned stream. */
export function streamXlsx(
  sheetName: string,
  columns: SheetColumn[],
  rows: AsyncIterable<SheetRow | SheetRow[]>,
  maxRows = MAX_ROWS,
): Readable {
  // Level 3: a third faster than zlib's default for ~10 % more bytes; the file is downloaded once.
  const zip = archiver('zip', { zlib: { level: 3 } });
  const out = new PassThrough();
  zip.on('error', (error) => out.destroy(error));
  zip.pipe(out);
  const keys = columns.map((c) => c.key);
  const letters = columns.map((_, i) => letter(i));

  const pump = async () => {
    let sheets = 0;
    let sheet: PassThrough | undefined;
    let rowsInSheet = 0;
    const open = () => {
      sheets += 1;
      sheet = new PassThrough();
      zip.append(sheet, { name: `xl/worksheets/sheet${sheets}.xml` });
      sheet.write(sheetHead(columns));
      rowsInSheet = 1;
    };
    const write = async (text: string) => {
      if (!sheet!.write(text)) await new Promise((resolve) => sheet!.once('drain', resolve));
    };
    open();
    for await (const item of rows) {
      const page = Array.isArray(item) ? item : [item];
      let text = '';
      for (const row of page) {
        if (rowsInSheet === maxRows) {
          await write(text);
          text = '';
          sheet!.end(SHEET_TAIL);
          open();
        }
        rowsInSheet += 1;
        text += `<row r="${rowsInSheet}">`;
        for (let i = 0; i < keys.length; i++) text += cell(letters[i]! + rowsInSheet, row[keys[i]!]);
        text += '</row>';
      }
      await write(text);
    }
    sheet!.end(SHEET_TAIL);
    for (const [name, content] of Object.entries(packageParts(sheetName, sheets))) zip.append(content, { name });
    await zip.finalize();
  };
  pump().catch((error) => {
    zip.abort();
    out.destroy(error as Error);
  });
  return out;
}
