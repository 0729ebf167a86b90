/** Seeded random numbers (mulberry32): the same --seed builds the same demo. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    /** Picks from [value, weight] pairs. */
    weighted: <T>(pairs: readonly (readonly [T, number])[]) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of pairs) {
        x -= w;
        if (x < 0) return v;
      }
      return pairs[pairs.length - 1]![0];
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/** Surnames with their approximate share of the population. */
export const surnames = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 1.5],
  ['Phan', 4.5],
  ['Vũ', 3],
  ['Võ', 1],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Trịnh', 0.5],
  ['Mai', 0.4],
  ['Đào', 0.4],
] as const;
export const middleMale = [
  'Văn',
  'Văn',
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Thanh',
  'Công',
  'Xuân',
  'Ngọc',
  'Mạnh',
] as const;
export const middleFemale = [
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Minh',
  'Hồng',
  'Kim',
  'Phương',
  'Thùy',
  'Bích',
] as const;
export const givenMale = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Hải',
  'Hiếu',
  'Hoàng',
  'Huy',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Trung',
  'Việt',
  'Đức',
  'Đạt',
  'Thành',
  'Tùng',
  'Vinh',
  'Lộc',
  'Phúc',
  'Kiên',
  'Toàn',
  'Hưng',
] as const;
export const givenFemale = [
  'Anh',
  'Chi',
  'Dung',
  'Hà',
  'Hằng',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
  'Hạnh',
  'Huyền',
  'Loan',
  'Nga',
  'Oanh',
  'Quỳnh',
  'Thủy',
  'Uyên',
  'Xuân',
  'Giang',
  'My',
  'Ly',
] as const;
export const communeNames = [
  'Vĩnh Bảo',
  'Nguyễn Bỉnh Khiêm',
  'Vĩnh Am',
  'Vĩnh Hải',
  'Vĩnh Hòa',
  'Vĩnh Thịnh',
  'Vĩnh Thuận',
  'Tân Minh',
  'Tiên Lãng',
  'Quyết Thắng',
  'Tân Hưng',
  'Hùng Thắng',
  'Kiến Thụy',
  'Kiến Hải',
  'Kiến Hưng',
  'Nghi Dương',
  'An Lão',
  'An Khánh',
  'An Hưng',
  'An Trường',
  'Thủy Nguyên',
  'Thiên Hương',
  'Hòa Bình',
  'Nam Triệu',
  'Bạch Đằng',
  'Lưu Kiếm',
  'Lê Ích Mộc',
  'Việt Khê',
  'Cát Hải',
  'Bạch Long Vĩ',
] as const;
export const streetNames = [
  'Trần Phú',
  'Lê Lợi',
  'Nguyễn Trãi',
  'Hùng Vương',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Hai Bà Trưng',
  'Tô Hiệu',
  'Bạch Đằng',
  'Ngô Quyền',
] as const;

/** Personal ID province codes (old 63-province table) to rotate through so generated IDs never collide. */
export const pidProvinces = [
  '031',
  '030',
  '034',
  '036',
  '022',
  '001',
  '035',
  '033',
  '037',
  '038',
  '040',
  '042',
] as const;
