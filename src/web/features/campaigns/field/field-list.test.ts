import { describe, expect, it } from 'vitest';
import { byAlley } from './field-list.js';

const h = (householdId: number, address: string, unitName: string, names: string[] = []) => ({
  householdId,
  address,
  unitName,
  people: names.map((fullName) => ({ fullName })),
});

describe('the field list', () => {
  const list = [
    h(1, 'Số 103 ngõ 1', 'Ngõ 1'),
    h(2, 'Số 17 ngõ 1', 'Ngõ 1', ['Nguyễn Văn Đức']),
    h(3, 'Số 2 ngõ 5', 'Ngõ 5', ['Trần Thị Hoa']),
    h(4, 'Số 9 ngõ 1', 'Ngõ 1'),
  ];

  it('groups by alley in the order given and puts house numbers in numeric order', () => {
    expect(byAlley(list, '').map((g) => [g.unitName, g.households.map((x) => x.address)])).toEqual([
      ['Ngõ 1', ['Số 9 ngõ 1', 'Số 17 ngõ 1', 'Số 103 ngõ 1']],
      ['Ngõ 5', ['Số 2 ngõ 5']],
    ]);
  });

  it('finds a household by a name or its address, accents and case ignored', () => {
    expect(byAlley(list, 'duc').flatMap((g) => g.households.map((x) => x.householdId))).toEqual([2]);
    expect(byAlley(list, 'HOA').flatMap((g) => g.households.map((x) => x.householdId))).toEqual([3]);
    expect(byAlley(list, 'số 103').flatMap((g) => g.households.map((x) => x.householdId))).toEqual([1]);
    expect(byAlley(list, 'không có')).toEqual([]);
  });
});
