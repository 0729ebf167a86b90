import { Gender } from './enums.js';

/**
 * The 12-digit personal identification number (số định danh cá nhân): PPP G YY RRRRRR (DOMAIN.md §8).
 * PPP = province of birth registration (old 63-province table, 001–096), G = century and gender,
 * YY = last two digits of the birth year, RRRRRR = random.
 */
export type PersonalIdProblem = 'FORMAT' | 'PROVINCE' | 'CENTURY_GENDER' | 'BIRTH_YEAR' | 'GENDER';

/**
 * Provinces of birth registration as the ID number encodes them: the 63 provinces before the 2025 merger
 * (Circular 59/2021/TT-BCA, DOMAIN.md §8). The number keeps the old code for life, so it is checked against this list,
 * not today's 34 provinces; a code between 001 and 096 that no province ever had (003, 005, …) is refused.
 */
export const birthProvinces: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/** Century offsets: G = 0/1 → 1900s male/female, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s. */
function decodeCenturyGender(g: number): { century: number; gender: Gender } {
  return { century: 1900 + Math.floor(g / 2) * 100, gender: g % 2 === 0 ? Gender.MALE : Gender.FEMALE };
}

/**
 * Checks the structure of a personal ID number and, when given, its consistency with the birth year and gender.
 * Returns the list of problems (empty when valid) so an import can report every reason at once.
 */
export function checkPersonalId(
  id: string,
  person?: { birthYear?: number; gender?: Gender | null },
): PersonalIdProblem[] {
  if (!/^\d{12}$/.test(id)) return ['FORMAT'];
  const problems: PersonalIdProblem[] = [];
  if (!(id.slice(0, 3) in birthProvinces)) problems.push('PROVINCE');
  const g = Number(id[3]);
  const { century, gender } = decodeCenturyGender(g);
  if (century > 2100) problems.push('CENTURY_GENDER');
  const year = century + Number(id.slice(4, 6));
  if (person?.birthYear !== undefined && person.birthYear !== year) problems.push('BIRTH_YEAR');
  if (person?.gender && person.gender !== gender) problems.push('GENDER');
  return problems;
}

/** Birth year and gender encoded in a structurally valid ID number. */
export function decodePersonalId(id: string): { birthYear: number; gender: Gender } {
  const { century, gender } = decodeCenturyGender(Number(id[3]));
  return { birthYear: century + Number(id.slice(4, 6)), gender };
}
