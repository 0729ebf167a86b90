import { describe, expect, it } from 'vitest';
import { MASK, maskPersonalData } from './feedback.masking.js';

const mask = (text: string, names: string[] = []) => maskPersonalData(text, { names });

describe('maskPersonalData', () => {
  it('masks the names given, with or without accents, and the given name after a way of addressing', () => {
    const names = ['Nguyễn Văn An'];
    expect(mask('Tôi là Nguyễn Văn An, ở thôn Đông.', names)).toBe(`Tôi là ${MASK}, ở thôn Đông.`);
    expect(mask('nguyen van an gửi phản ánh', names)).toBe(`${MASK} gửi phản ánh`);
    expect(mask('Nhờ anh An và bà Văn An xem giúp', names)).toBe(`Nhờ anh ${MASK} và bà ${MASK} xem giúp`);
    // "An" alone, not after "anh/chị/ông/bà", is an ordinary word ("an ninh", "An toàn").
    expect(mask('Vấn đề an ninh thôn An Phú', names)).toBe('Vấn đề an ninh thôn An Phú');
    expect(mask('Không có tên nào', [])).toBe('Không có tên nào');
  });

  it('masks phone numbers in many spellings', () => {
    for (const phone of [
      '0912345678',
      '0912 345 678',
      '0912.345.678',
      '0912-345-678',
      '+84912345678',
      '+84 912 345 678',
      '(+84) 912-345-678',
      '84912345678',
      '024 3825 1234',
      '091 234 5678',
    ]) {
      expect(mask(`Liên hệ ${phone} nhé`), phone).toBe(`Liên hệ ${MASK} nhé`);
    }
  });

  it('masks 12-digit ID numbers, grouped or not, and old 9-digit cards', () => {
    expect(mask('CCCD 001088012345.')).toBe(`CCCD ${MASK}.`);
    expect(mask('Số định danh 001 088 012 345')).toBe(`Số định danh ${MASK}`);
    expect(mask('CMND 123456789 cấp năm 2010')).toBe(`CMND ${MASK} cấp năm 2010`);
  });

  it('masks e-mail addresses', () => {
    expect(mask('Gửi về an.nguyen+pakn@mail.example.vn giúp tôi')).toBe(`Gửi về ${MASK} giúp tôi`);
  });

  it('masks house numbers but keeps alleys, groups, dates and amounts', () => {
    expect(mask('Nhà số 15A ngõ 3 bị ngập')).toBe(`Nhà số ${MASK} ngõ 3 bị ngập`);
    expect(mask('Số 12 ngõ 34 Thôn Đông')).toBe(`Số ${MASK} ngõ 34 Thôn Đông`);
    expect(mask('Trước cửa 12/3 Lê Lợi có hố sâu')).toBe(`Trước cửa ${MASK} Lê Lợi có hố sâu`);
    expect(mask('số nhà 27, tổ 5')).toBe(`số nhà ${MASK}, tổ 5`);
    expect(mask('Ngày 12/03/2024 có 5 hộ nộp 2.050.123.456 đồng')).toBe(
      'Ngày 12/03/2024 có 5 hộ nộp 2.050.123.456 đồng',
    );
  });

  it('leaves text without personal data alone and returns NFC', () => {
    const text = 'Đường vào thôn Đông xuống cấp, mong xã sửa sớm.';
    expect(mask(text.normalize('NFD'))).toBe(text);
  });
});
