import { describe, expect, it } from 'vitest';
import { formatValue, fromShown, partsOf, toShown } from './catalog-api.js';

describe('the words and numbers of an entered value', () => {
  it('takes the two numbers’ labels from the formula, without the bracketed source, first letter capitalised', () => {
    const broadband = {
      measure: 'PERCENT' as const,
      formulaVi: 'Số hộ có Internet băng rộng cố định / tổng số hộ (theo số liệu nhà mạng)',
      formulaEn: "Households with fixed broadband / households (from the operators' figures)",
    };
    expect(partsOf(broadband, 'vi')).toEqual({
      numerator: 'Số hộ có Internet băng rộng cố định',
      denominator: 'Tổng số hộ',
    });
    expect(partsOf(broadband, 'en')).toEqual({
      numerator: 'Households with fixed broadband',
      denominator: 'Households',
    });
  });

  it('gives a count one number, and a formula without a slash no denominator label (the form falls back)', () => {
    const computers = {
      measure: 'COUNT' as const,
      formulaVi: 'Số máy tính đang dùng được tại trụ sở (theo danh mục thiết bị)',
      formulaEn: '',
    };
    expect(partsOf(computers, 'vi')).toEqual({
      numerator: 'Số máy tính đang dùng được tại trụ sở',
      denominator: undefined,
    });
    // No English formula: the Vietnamese words rather than nothing.
    expect(partsOf(computers, 'en').numerator).toBe('Số máy tính đang dùng được tại trụ sở');
    expect(
      partsOf({ measure: 'AVERAGE', formulaVi: 'Tuổi bình quân', formulaEn: '' }, 'vi').denominator,
    ).toBeUndefined();
  });

  it('writes values the way each language does', () => {
    const percent = { measure: 'PERCENT' as const, unitVi: '', unitEn: '' };
    const age = { measure: 'AVERAGE' as const, unitVi: 'năm', unitEn: 'years' };
    expect(formatValue(percent, 0.835, 'vi')).toBe('83,5%');
    expect(formatValue(percent, 0.835, 'en')).toBe('83.5%');
    expect(formatValue(age, 3.256, 'vi')).toBe('3,26 năm');
    expect(formatValue(age, 3.256, 'en')).toBe('3.26 years');
    expect(formatValue(percent, null, 'vi')).toBe('—');
  });

  it('types percentage targets as percentages and sends them as shares', () => {
    expect(toShown('PERCENT', 0.835)).toBe(83.5);
    expect(fromShown('PERCENT', 83.5)).toBeCloseTo(0.835, 10);
    expect(toShown('COUNT', 12)).toBe(12);
    expect(fromShown('AVERAGE', 4)).toBe(4);
  });
});
