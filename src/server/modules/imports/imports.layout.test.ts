import { describe, expect, it } from 'vitest';
import { ageRange, formatPartialDateVn, fromPartialDate, lastPossibleDay } from '../../../shared/partial-date.js';
import { parseVnPartialDate } from '../../lib/spreadsheet.js';
import { findHeader, isNumberingRow, kindOfRow, sectionKey } from './imports.layout.js';
import { restoreIdZero, restorePhoneZero } from './imports.rows.js';

describe('finding the header of a real list', () => {
  const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ'];
  it('reads past the motto, the title and the date', () => {
    const rows = [['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['DANH SÁCH'], ['', '', 'ngày 05 tháng 12'], header];
    expect(findHeader(rows)).toEqual({ at: 3, headers: header, rowsUsed: 1 });
  });

  it('joins a header merged over two rows, the lower row winning where it names a column', () => {
    const upper = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ', 'Giấy tờ', ''];
    const lower = ['', '', '', '', 'Số định danh cá nhân', 'Số điện thoại'];
    expect(findHeader([upper, lower, ['Ngô Văn A', '1956', 'Nam', 'Số 1', '', '']])).toEqual({
      at: 0,
      headers: ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ', 'Số định danh cá nhân', 'Số điện thoại'],
      rowsUsed: 2,
    });
  });

  it('does not take a data row for the lower half of a header', () => {
    expect(findHeader([header, ['1', 'Ngô Văn A', '1956', 'Nam', 'Số 1']])).toMatchObject({ at: 0, rowsUsed: 1 });
  });

  it('names the missing columns of the best candidate', () => {
    expect(findHeader([['Tiêu đề'], ['Họ và tên', 'Ngày sinh']])).toEqual({ missing: ['gender', 'address'] });
  });

  it('knows a numbering row, a heading, a signature row and a person', () => {
    expect(isNumberingRow(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
    expect(isNumberingRow(['1', 'Ngô Văn A', '1956'])).toBe(false);
    expect(kindOfRow({}, ['Ngõ 3'])).toEqual({ kind: 'section', text: 'Ngõ 3' });
    expect(kindOfRow({}, ['', '(Ký, ghi rõ họ tên)', '', '(Ký, ghi rõ họ tên)']).kind).toBe('other');
    expect(kindOfRow({ fullName: 'Ngô Văn A' }, ['Ngô Văn A']).kind).toBe('person');
    // the signature block in the name column, alone or beside the head's title
    expect(kindOfRow({ fullName: 'Người lập biểu' }, ['', 'Người lập biểu', 'Trưởng thôn']).kind).toBe('other');
    expect(kindOfRow({}, ['Trưởng thôn']).kind).toBe('other');
    expect(kindOfRow({}, ['Vĩnh Bảo, ngày 05 tháng 12 năm 2026']).kind).toBe('other');
    expect(sectionKey('Tổ dân phố số 3')).toBe(sectionKey('Tổ 3'));
  });
});

describe('dates as much as they say', () => {
  it.each([
    ['1956', '1956'],
    ['năm 1956', '1956'],
    ['05/1956', '1956-05'],
    ['5/1956', '1956-05'],
    ['15/05/1956', '1956-05-15'],
    ['1956-05-15', '1956-05-15'],
    ['20590', '1956-05-15'], // an Excel day number that lost its date format
  ])('%s → %s', (cell, partial) => expect(parseVnPartialDate(cell)).toBe(partial));

  it.each(['0000', '13/1956', '31/02/1990', '1956-13', 'khoảng 1956'])('%s is refused', (cell) =>
    expect(parseVnPartialDate(cell)).toBeNull(),
  );

  it('stores the first day with its precision, and gives back the span and the age range', () => {
    expect(fromPartialDate('1956')).toEqual({ firstDay: '1956-01-01', precision: 'YEAR' });
    expect(fromPartialDate('2024-02')).toEqual({ firstDay: '2024-02-01', precision: 'MONTH' });
    expect(lastPossibleDay('2024-02')).toBe('2024-02-29');
    expect(lastPossibleDay('1956')).toBe('1956-12-31');
    expect(formatPartialDateVn('1956-05')).toBe('05/1956');
    expect(ageRange('1956', '2026-12-06')).toEqual([69, 70]);
    expect(ageRange('1956-05-15', '2026-12-06')).toEqual([70, 70]);
    expect(ageRange('1956-12', '2026-12-06')).toEqual([69, 70]);
  });
});

describe('zeros Excel dropped', () => {
  it('gives them back only where there is one reading', () => {
    expect(restoreIdZero('31156000123')).toEqual({ value: '031156000123', repaired: true });
    expect(restoreIdZero('3115600012')).toEqual({ value: '3115600012', repaired: false });
    expect(restoreIdZero('031156000123')).toEqual({ value: '031156000123', repaired: false });
    expect(restorePhoneZero('912345678')).toEqual({ value: '0912345678', repaired: true });
    expect(restorePhoneZero('2253123456')).toEqual({ value: '02253123456', repaired: true });
    expect(restorePhoneZero('12345678').repaired).toBe(false);
    expect(restorePhoneZero('0912345678').repaired).toBe(false);
  });
});
