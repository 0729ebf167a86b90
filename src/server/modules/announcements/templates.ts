/**
 * Message templates with `((placeholders))` (the GOV.UK Notify convention): filled per recipient, with every missing
 * value reported rather than sent as a hole; and the length rules of each channel.
 */
const PLACEHOLDER = /\(\(\s*([a-zA-Z][a-zA-Z0-9_]{0,39})\s*\)\)/g;

export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function fillTemplate(
  template: string,
  values: Record<string, string | number | null | undefined>,
): { text: string; missing: string[] } {
  const missing = placeholdersOf(template).filter(
    (name) => values[name] === undefined || values[name] === null || values[name] === '',
  );
  const text = template.replace(PLACEHOLDER, (_, name: string) => String(values[name] ?? ''));
  return { text, missing };
}

// The GSM 03.38 default alphabet and its extension table (each extension character costs two).
const GSM7 = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);
const GSM7_EXTENDED = new Set([...'^{}\\[~]|€']);

/**
 * Vietnamese without tone marks, in the GSM-7 alphabet ("Nhắc hộ gia đình" → "Nhac ho gia dinh"): what most communes
 * send by SMS, 160 characters a segment instead of 70. Anything else outside GSM-7 (a dash, curly quotes) becomes its
 * plain counterpart or a space, so the whole text stays GSM-7.
 */
export function unaccented(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...');
  return [...plain].map((c) => (GSM7.has(c) || GSM7_EXTENDED.has(c) ? c : ' ')).join('');
}

/**
 * SMS segments: GSM-7 fits 160 characters (153 per part when split); anything outside it — Vietnamese with tone marks
 * — goes as UCS-2, 70 characters (67 per part). Senders often strip accents to stay in GSM-7; this tells them the cost.
 */
export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; units: number; segments: number } {
  const chars = [...text];
  const gsm = chars.every((c) => GSM7.has(c) || GSM7_EXTENDED.has(c));
  if (gsm) {
    const units = chars.reduce((n, c) => n + (GSM7_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  // UCS-2 counts UTF-16 code units: a character outside the basic plane (an emoji) takes two.
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
