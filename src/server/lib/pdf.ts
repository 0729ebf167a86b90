import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * PDFs (receipts, forms 01–05, QR posters) with pdfkit and an embedded Noto Sans, which covers every Vietnamese
 * letter with its tone marks (pdfkit's built-in Helvetica has none of them). The font ships in an npm package, so
 * nothing depends on the fonts a server happens to have.
 */
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  // Place and date, and "Nơi nhận:", are italic in an administrative document (Decree 30/2020, Appendix I).
  italic: require.resolve('@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
};

export type Pdf = PDFKit.PDFDocument;

/** Renders a document to a Buffer; `draw` writes the pages. */
export async function renderPdf(
  options: {
    size?: 'A4' | 'A5';
    title: string;
    margin?: number;
    margins?: { top: number; bottom: number; left: number; right: number };
  },
  draw: (doc: Pdf) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    ...(options.margins ? { margins: options.margins } : { margin: options.margin ?? 48 }),
    info: { Title: options.title, Producer: 'Ketnoi', Creator: 'Ketnoi' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);
  doc.font('regular');
  keepLettersWhole(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}

/**
 * Noto Sans's `ccmp` feature splits a letter with a dot below (ạ ẹ ị ọ ụ ỵ) into its base letter and a dot, and pdfkit
 * maps each glyph to the text of its first use: after "tại", every plain "a" would copy out as "ạ" ("Gịấy" for
 * "Giấy"). The font has every Vietnamese letter whole, so shaping without `ccmp` draws the same and copies as
 * written. Each call gets its own options object: fontkit writes into the one it is given.
 */
function keepLettersWhole(doc: Pdf) {
  const text = doc.text.bind(doc) as (...args: unknown[]) => Pdf;
  const whole = (options: unknown) => ({ ...(options as object), features: { ccmp: false } });
  doc.text = ((...args: unknown[]) => {
    const last = args.at(-1);
    if (args.length > 1 && last !== null && typeof last === 'object') args[args.length - 1] = whole(last);
    else args.push(whole({}));
    return text(...args);
  }) as Pdf['text'];
}

/** Draws a QR code as vector squares (sharp at any print size) with its top-left corner at (x, y). */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // A quiet zone of 2 modules around the code, inside `size`.
  const cell = size / (count + 4);
  doc.save().fillColor('#000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 2) * cell, y + (row + 2) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** A QR code as SVG or PNG, for screens and downloads. */
export async function qrImage(text: string, format: 'svg' | 'png'): Promise<string | Buffer> {
  if (format === 'svg') return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

/** dd/MM/yyyy in Vietnam's time zone, as every Vietnamese form writes dates. */
export function formatDateVi(at: Date | string | null | undefined): string {
  if (!at) return '';
  const d = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T00:00:00+07:00`) : new Date(at);
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

export function formatDateTimeVi(at: Date | string | null | undefined): string {
  if (!at) return '';
  const local = new Date(new Date(at).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${formatDateVi(at)}`;
}

/** Money in đồng, written the Vietnamese way: 20.000 đồng. */
export const formatVnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;
