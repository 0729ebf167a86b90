import { formatDateVi, type Pdf } from './pdf.js';

/**
 * The frame every document Ketnoi prints goes out in, as Decree 30/2020/NĐ-CP (Appendix I) lays out an
 * administrative document: the issuing body top left (the body above it, then the body in bold with a short rule),
 * its number under it; the national name and motto top right (the motto with a rule as long as itself), place and
 * date in italics under them; the kind of document and its summary centred; at the end the recipients left and the
 * signature block right (on whose behalf, the title, room to sign and stamp, the name).
 *
 * Sizes follow the decree on A4 (12–14 pt); an A5 form or letter scales them down so the header keeps its shape.
 * The font is Noto Sans (lib/pdf.ts), not the decree's Times New Roman: it ships with the app and has every
 * Vietnamese letter whole, which keeps the copied text right.
 */

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The issuing body in capitals: the body it answers to (regular, may be none) and itself (bold). */
export type Issuer = { above: string | null; name: string };

/** Who signs: on whose behalf ("TM. ỦY BAN NHÂN DÂN"), the title in one or two lines, the name (none: left blank). */
export type Signer = { authority: string | null; title: string[]; hint?: string; name: string | null };

export type DocumentHead = {
  issuer: Issuer;
  /** The number and symbol ("05/TB-UBND"); null before the document is registered ("Số:      /TB-UBND"). */
  number: string | null;
  symbol: string;
  place: string;
  at: Date | string;
  /** The kind of document, in capitals ("GIẤY MỜI", "THÔNG BÁO"). */
  kind: string;
  /** What it is about, under the kind ("Về việc …"). */
  summary?: string | null;
};

/**
 * The place a commune's document is dated at: the commune's own name without "Xã"/"Phường" (Decree 30: the
 * administrative unit's name), but whole when the name is a number ("Phường 12").
 */
export function placeOf(unitName: string): string {
  const bare = unitName.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, '').trim();
  return !bare || /^\d/.test(bare) ? unitName : bare;
}

/** "An Hòa, ngày 06 tháng 12 năm 2026", in Vietnam's time; days and months below 10 with a leading zero. */
export function placeAndDate(place: string, at: Date | string): string {
  const [dd, mm, yyyy] = formatDateVi(at).split('/');
  return `${place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

/** "05/TB-UBND": numbers below 10 are written with a leading zero. */
export const documentNumber = (n: number, symbol: string) => `${String(n).padStart(2, '0')}/${symbol}`;

/**
 * A summary line "Về việc …" from a title: its first letter lowered unless the first word is a name or an acronym
 * ("Tiêm phòng dại" → "Về việc tiêm phòng dại"; "VNeID mức 2" stays).
 */
export function aboutOf(title: string): string {
  const lower = /^\p{Lu}[\p{Ll}\s]/u.test(title) && !/^\S+\s+\p{Lu}/u.test(title);
  return `Về việc ${lower ? title.charAt(0).toLocaleLowerCase('vi') + title.slice(1) : title}`;
}

/** The Vietnamese upper case of a name ("Xã An Hòa" → "XÃ AN HÒA"). */
export const upper = (s: string) => s.toLocaleUpperCase('vi');

/** 1 on A4, smaller on A5: the decree's sizes are for A4. */
const scaleOf = (doc: Pdf) => Math.min(1, doc.page.width / 595.28);

/** The body text's size under the frame: 13 pt on A4, scaled on A5. */
export const bodySize = (doc: Pdf) => 13 * scaleOf(doc);

const area = (doc: Pdf) => {
  const { left, right, top, bottom } = doc.page.margins;
  return { left, top, bottom, width: doc.page.width - left - right };
};

function rule(doc: Pdf, x1: number, x2: number, y: number, s: number) {
  doc
    .save()
    .lineWidth(0.6 * s)
    .moveTo(x1, y)
    .lineTo(x2, y)
    .stroke('#000')
    .restore();
}

/**
 * A body's name on as many lines as it needs: one when it fits, else broken after "ỦY BAN NHÂN DÂN" as such names
 * are written ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HẢI PHÒNG"), never in the middle of a place name.
 */
function issuerLines(doc: Pdf, text: string, width: number): string[] {
  const committee = 'ỦY BAN NHÂN DÂN ';
  if (doc.widthOfString(text) <= width || !text.startsWith(committee)) return [text];
  return [committee.trim(), text.slice(committee.length)];
}

/** The largest size up to `size` at which `text` fits on one line of `width`. */
function fitted(doc: Pdf, text: string, size: number, width: number): number {
  let fit = size;
  while (fit > 5 && doc.fontSize(fit).widthOfString(text) > width) fit -= 0.25;
  return fit;
}

/** Draws the header and title at the top of the current page; the body continues below, from the left margin. */
export function drawDocumentHead(doc: Pdf, head: DocumentHead): void {
  const s = scaleOf(doc);
  const { left, top, width } = area(doc);
  const leftWidth = width * 0.4;
  const rightX = left + width * 0.4;
  const rightWidth = width * 0.6;
  const centred = (w: number) => ({ width: w, align: 'center' as const });

  // Cells 2 and 3: the issuing body and the number.
  let yLeft = top;
  const body = (text: string) => {
    for (const line of issuerLines(doc, text, leftWidth)) {
      doc.text(line, left, yLeft, centred(leftWidth));
      yLeft = doc.y;
    }
  };
  doc.font('regular').fontSize(12 * s);
  if (head.issuer.above) body(head.issuer.above);
  doc.font('bold').fontSize(12 * s);
  body(head.issuer.name);
  yLeft += 2 * s;
  rule(doc, left + leftWidth / 3, left + (2 * leftWidth) / 3, yLeft, s);
  yLeft += 5 * s;

  // Cell 1: the national name and the motto, the motto ruled as long as itself.
  let yRight = top;
  doc.font('bold').fontSize(fitted(doc, NATIONAL_NAME, 12 * s, rightWidth));
  doc.text(NATIONAL_NAME, rightX, yRight, centred(rightWidth));
  yRight = doc.y;
  doc.font('bold').fontSize(13 * s);
  doc.text(MOTTO, rightX, yRight, centred(rightWidth));
  const mottoWidth = doc.widthOfString(MOTTO);
  yRight = doc.y + 2 * s;
  rule(doc, rightX + (rightWidth - mottoWidth) / 2, rightX + (rightWidth + mottoWidth) / 2, yRight, s);
  yRight += 5 * s;

  // Cell 3 under the body, cell 4 under the motto, on one line.
  const row = Math.max(yLeft, yRight) + 4 * s;
  const number = head.number ?? `      /${head.symbol}`;
  doc.font('regular').fontSize(13 * s);
  doc.text(`Số: ${number}`, left, row, centred(leftWidth));
  const afterNumber = doc.y;
  doc.font('italic').fontSize(13 * s);
  doc.text(placeAndDate(head.place, head.at), rightX, row, centred(rightWidth));

  // Cell 5a: the kind and what it is about.
  doc.font('bold').fontSize(14 * s);
  doc.text(head.kind, left, Math.max(afterNumber, doc.y) + 16 * s, centred(width));
  if (head.summary) {
    doc.font('bold').fontSize(13 * s);
    doc.text(head.summary, left, doc.y + 2 * s, centred(width));
    const y = doc.y + 3 * s;
    rule(doc, left + width * 0.4, left + width * 0.6, y, s);
    doc.y = y;
  }
  doc.x = left;
  doc.y += 14 * s;
  doc.font('regular').fontSize(bodySize(doc));
}

/**
 * Cells 7 and 9: the signature block on the right (on whose behalf, the title, room to sign and stamp, the name)
 * and "Nơi nhận:" on the left, each recipient on a line ending in ";" and the last, the file copy, in ".".
 * Starts a new page when the block would not fit under the body.
 */
export function drawSignature(doc: Pdf, signer: Signer, recipients: string[] | null): void {
  const s = scaleOf(doc);
  const { left, width, bottom } = area(doc);
  const room = 64 * s;
  const needed = (signer.title.length + 3) * 18 * s + room;
  if (doc.y + needed > doc.page.height - bottom) doc.addPage();
  const top = doc.y + 10 * s;
  const rightX = left + width * 0.42;
  const rightWidth = width * 0.58;
  const centred = { width: rightWidth, align: 'center' as const };

  let y = top;
  doc.font('bold').fontSize(13 * s);
  for (const line of [signer.authority, ...signer.title]) {
    if (!line) continue;
    doc.text(line, rightX, y, centred);
    y = doc.y;
  }
  if (signer.hint) {
    doc.font('italic').fontSize(12 * s);
    doc.text(signer.hint, rightX, y, centred);
    y = doc.y;
  }
  y += room;
  if (signer.name) {
    doc.font('bold').fontSize(13 * s);
    doc.text(signer.name, rightX, y, centred);
    y = doc.y;
  }

  let yLeft = top;
  if (recipients) {
    const leftWidth = width * 0.4;
    doc.font('boldItalic').fontSize(12 * s);
    doc.text('Nơi nhận:', left, yLeft, { width: leftWidth });
    doc.font('regular').fontSize(11 * s);
    recipients.forEach((r, i) => {
      doc.text(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, left, doc.y, { width: leftWidth });
    });
    yLeft = doc.y;
  }
  doc.x = left;
  doc.y = Math.max(y, yLeft);
  doc.font('regular').fontSize(bodySize(doc));
}
