import { describe, expect, it } from 'vitest';
import { crc16, parseVietQr, purposeText, vietQrPayload } from './vietqr.js';

// NAPAS's worked example (DOMAIN.md §9): 120,000 VND to account 0011001932418 at BIN 970415, "ung ho lu lut".
const example =
  '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

describe('VietQR', () => {
  it('computes CRC-16/CCITT-FALSE as in the worked example and the standard check value', () => {
    expect(crc16(example.slice(0, -4))).toBe('C15C');
    expect(crc16('123456789')).toBe('29B1');
  });

  it('builds exactly the worked example from its parts', () => {
    expect(vietQrPayload({ bin: '970415', account: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(
      example,
    );
  });

  it('makes a static code without an amount, and parses a payload back with its CRC checked', () => {
    const fields = parseVietQr(vietQrPayload({ bin: '970436', account: '1234567890' }));
    expect(fields.get('01')).toBe('11');
    expect(fields.has('54')).toBe(false);
    expect(() => parseVietQr(example.replace('120000', '130000'))).toThrow('CRC');
  });

  it('writes the dossier code into the purpose field without tone marks', () => {
    expect(purposeText('Lệ phí hồ sơ 11824-261124-0001 Đăng ký')).toBe('Le phi ho so 11824-261124-0001 Dang ky');
    const fields = parseVietQr(
      vietQrPayload({ bin: '970415', account: '0011001932418', amount: 20000, purpose: '11824-261124-0001' }),
    );
    expect(fields.get('62')).toBe('081711824-261124-0001');
    expect(fields.get('54')).toBe('20000');
  });

  it('refuses a malformed bank BIN or account', () => {
    expect(() => vietQrPayload({ bin: '97041', account: '1' })).toThrow('BIN');
    expect(() => vietQrPayload({ bin: '970415', account: 'x y' })).toThrow('account');
  });
});
