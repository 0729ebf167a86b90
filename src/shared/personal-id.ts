import { Gender } from './enums.js';

/**
 * The 12-digit personal identification number (số định danh cá nhân): PPP G YY RRRRRR (DOMAIN.md §8).
 * PPP = province of birth registration (old 63-province table, 001–096), G = century and gender,
 * YY = last two digits of the birth year, RRRRRR = random.
 */
export type PersonalIdProblem = 'FORMAT' | 'PROVINCE' | 'CENTURY_GENDER' | 'BIRTH_YEAR' | 'GENDER';

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
  const province = Number(id.slice(0, 3));
  if (province < 1 || province > 96) problems.push('PROVINCE');
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
