import { describe, expect, it } from 'vitest';
import { checkPersonalId, decodePersonalId } from './personal-id.js';
import { normalizePhone } from './phone.js';
import { foldText } from './text.js';

describe('checkPersonalId', () => {
  it.each([
    ['031078001234', 1978, 'MALE'],
    ['001185000001', 1985, 'FEMALE'],
    ['079200123456', 2000, 'MALE'], // born 1 Jan 2000: century digit 2
    ['079399123456', 1999 + 100, 'FEMALE'], // 2099
    ['096301000000', 2001, 'FEMALE'],
    ['001099999999', 1999, 'MALE'], // born 1999: still 1900s
  ] as const)('%s is valid for someone born in %i, %s', (id, year, gender) => {
    expect(checkPersonalId(id, { birthYear: year, gender })).toEqual([]);
    expect(decodePersonalId(id)).toEqual({ birthYear: year, gender });
  });

  it.each([
    ['03107800123', 'FORMAT'], // 11 digits
    ['0310780012345', 'FORMAT'], // 13 digits
    ['03107800123a', 'FORMAT'],
    ['03107800123４', 'FORMAT'], // full-width digit
    ['', 'FORMAT'],
    ['000078001234', 'PROVINCE'],
    ['097078001234', 'PROVINCE'],
    // within 001–096 but never a province of birth registration (the old list skips 003, 005, 028, …)
    ['003078001234', 'PROVINCE'],
    ['028078001234', 'PROVINCE'],
    ['090078001234', 'PROVINCE'],
    ['031678001234', 'CENTURY_GENDER'], // 2200s
    ['031978001234', 'CENTURY_GENDER'],
  ])('%s is refused: %s', (id, problem) => {
    expect(checkPersonalId(id)).toContain(problem);
  });

  it('reports birth year and gender mismatches together', () => {
    expect(checkPersonalId('031078001234', { birthYear: 1979, gender: 'FEMALE' })).toEqual(['BIRTH_YEAR', 'GENDER']);
    // 1900 vs 2000: same YY, different century digit
    expect(checkPersonalId('031000001234', { birthYear: 2000, gender: 'MALE' })).toEqual(['BIRTH_YEAR']);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['+84 912-345-678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+840912345678', '+84912345678'],
    ['02253123456', '+842253123456'], // Hải Phòng landline
  ])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(['12345', '0012345678', '+1 415 555 0100', 'abc', '09123456789012', ''])('%j is refused', (input) =>
    expect(normalizePhone(input)).toBeNull(),
  );
});

describe('foldText', () => {
  it('folds accents, đ and case, NFC and NFD alike', () => {
    const expected = 'nguyen van duc';
    expect(foldText('Nguyễn Văn Đức')).toBe(expected);
    expect(foldText('Nguyễn Văn Đức'.normalize('NFD'))).toBe(expected);
    expect(foldText('  NGUYỄN   văn đức ')).toBe(expected);
    expect(foldText('Ngõ 3/15, Tổ 4')).toBe('ngo 3/15 to 4');
  });
});
