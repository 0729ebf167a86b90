/**
 * VietQR payloads (NAPAS, on EMVCo merchant-presented QR; DOMAIN.md §9): TLV fields, each `id` (2 digits) + length
 * (2 digits) + value, closed by a CRC-16/CCITT-FALSE over everything before it including "6304". Written here rather
 * than taken from a package: it is forty lines of a published format, checked against NAPAS's worked example in
 * vietqr.test.ts, and the QR image itself comes from the `qrcode` library.
 */
const tlv = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
export function crc16(input: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(input, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The purpose text banks accept: ASCII letters, digits, spaces and a few marks (no tone marks). */
export function purposeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9 .-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 50);
}

export type VietQrInput = { bin: string; account: string; amount?: number; purpose?: string };

/** A VietQR payload: dynamic (point of initiation 12) when it carries an amount, static (11) otherwise. */
export function vietQrPayload({ bin, account, amount, purpose }: VietQrInput): string {
  if (!/^\d{6}$/.test(bin)) throw new Error('A bank BIN has 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(account)) throw new Error('An account number has 1–19 letters or digits');
  const merchant = tlv('00', 'A000000727') + tlv('01', tlv('00', bin) + tlv('01', account)) + tlv('02', 'QRIBFTTA');
  let body = tlv('00', '01') + tlv('01', amount ? '12' : '11') + tlv('38', merchant) + tlv('53', '704');
  if (amount) body += tlv('54', String(Math.round(amount)));
  body += tlv('58', 'VN');
  if (purpose) body += tlv('62', tlv('08', purposeText(purpose)));
  body += '6304';
  return body + crc16(body);
}

/** Reads a payload back into its top-level fields, checking the CRC (used by tests and by the callback check). */
export function parseVietQr(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i < payload.length; ) {
    const id = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    fields.set(id, payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  const crc = fields.get('63');
  if (!crc || crc16(payload.slice(0, -4)) !== crc) throw new Error('VietQR CRC does not match');
  return fields;
}
