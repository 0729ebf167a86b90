import { cleanName, foldText } from '../../../shared/text.js';
import type { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import { fromPartialDate, type DatePrecision } from '../../../shared/partial-date.js';
import { parseVnDate, parseVnPartialDate } from '../../lib/spreadsheet.js';
import { checkPerson } from '../residents/residents.rules.js';
import { columnKeyOf, lookupVocab, registryColumns } from './registry-columns.js';

/** One problem in one cell, as the error report shows it. */
export type RowError = { row: number; column: string; code: string; messageVi: string; messageEn: string };

export type ParsedRow = {
  rowNumber: number;
  unitId: number;
  householdCode: string | null;
  address: string;
  /** Blank kind, relation and residence are null: a new record takes the usual default, a known one keeps its own. */
  householdKind: HouseholdKind | null;
  fullName: string;
  searchText: string;
  /** The first day of what the cell said ("1956" → 1956-01-01) and how much it said. */
  birthDate: string;
  birthPrecision: DatePrecision;
  gender: Gender;
  personalId: string | null;
  phone: string | null;
  relation: Relation | null;
  residenceType: ResidenceType | null;
  /** Null when the cell is blank: nobody said when they came, so the registry does not say either. */
  joinedOn: string | null;
  /** Blank optional cells are null (tags: empty): on re-import they keep what the registry has. */
  vneidLevel: VneidLevel | null;
  hasSmartphone: boolean | null;
  tags: string[];
};

export const headerOf = new Map(registryColumns.map((c) => [c.key, c.header]));

/**
 * The units a file may place people in: local codes under the import unit, the fallback when blank, and the units a
 * section row ("Ngõ 3", "Tổ 3") may name, by folded name or code.
 */
export type UnitResolver = { byCode: Map<string, number>; defaultUnitId: number | null; byName: Map<string, number> };

/** What was mended while reading a row without guessing: the leading 0 Excel drops from numbers. */
export type RowRepair = 'ID_ZERO_RESTORED' | 'PHONE_ZERO_RESTORED';

/**
 * An ID number typed into a number cell loses its leading 0 ("31075000101"). Every province of birth registration
 * starts with 0, so 11 digits have exactly one reading; fewer digits do not, and stay as they are (and are refused).
 */
export function restoreIdZero(text: string): { value: string; repaired: boolean } {
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{11}$/.test(digits)) return { value: `0${digits}`, repaired: true };
  return { value: text, repaired: false };
}

/**
 * A phone typed into a number cell loses its 0: 9 digits starting 3, 5, 7, 8 or 9 can only be a mobile number and
 * 10 digits starting 2 only a landline (02x…); anything else is left for the phone check to refuse.
 */
export function restorePhoneZero(text: string): { value: string; repaired: boolean } {
  const digits = text.replace(/[\s.()-]/g, '');
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return { value: `0${digits}`, repaired: true };
  return { value: text, repaired: false };
}

/** Maps a file's headers to column keys; unknown headers are ignored, missing required ones are reported once. */
export function mapHeaders(cells: Record<string, string>): { keys: Map<string, string>; missing: string[] } {
  const keys = new Map<string, string>();
  for (const header of Object.keys(cells)) {
    const key = columnKeyOf(header);
    if (key) keys.set(header, key);
  }
  const present = new Set(keys.values());
  const missing = ['fullName', 'birthDate', 'gender', 'address']
    .filter((k) => !present.has(k))
    .map((k) => headerOf.get(k)!);
  return { keys, missing };
}

/**
 * Parses and checks one spreadsheet row. Every problem in the row is reported (row, column, reason in Vietnamese
 * and English), not just the first, so a group head can fix the file in one pass.
 */
export function parseRow(
  rowNumber: number,
  raw: Record<string, string>,
  keys: Map<string, string>,
  units: UnitResolver,
  today: string,
  /** The unit a section row above ("Ngõ 3") set for rows that name none. */
  sectionUnitId: number | null = null,
): { row?: ParsedRow; errors: RowError[]; repairs: RowRepair[] } {
  const cell: Record<string, string> = {};
  for (const [header, value] of Object.entries(raw)) {
    const key = keys.get(header);
    if (key) cell[key] = String(value ?? '').trim();
  }
  const errors: RowError[] = [];
  const fail = (key: string, code: string, vi: string, en: string) =>
    errors.push({ row: rowNumber, column: headerOf.get(key) ?? key, code, messageVi: vi, messageEn: en });

  const fullName = cleanName(cell.fullName ?? '');
  if (fullName.length < 2) fail('fullName', 'REQUIRED', 'Thiếu họ và tên', 'Full name is missing');
  else if (fullName.length > 120)
    fail(
      'fullName',
      'TOO_LONG',
      'Họ và tên quá dài (tối đa 120 ký tự)',
      'Full name is too long (120 characters at most)',
    );
  else if (/[<>{}\\]|\d/.test(fullName))
    fail(
      'fullName',
      'CHARACTERS',
      'Họ và tên có ký tự không hợp lệ',
      'Full name contains characters that do not belong in a name',
    );

  // "1956" stays 1956 and "05/1956" stays May 1956: the precision is kept, no day is made up.
  const birthPartial = cell.birthDate ? parseVnPartialDate(cell.birthDate) : null;
  const birth = birthPartial ? fromPartialDate(birthPartial) : null;
  const birthDate = birth?.firstDay ?? null;
  if (!cell.birthDate) fail('birthDate', 'REQUIRED', 'Thiếu ngày sinh', 'Date of birth is missing');
  else if (!birth)
    fail(
      'birthDate',
      'DATE',
      `Ngày sinh "${cell.birthDate}" không đúng dạng ngày/tháng/năm, tháng/năm hoặc năm`,
      `Date of birth "${cell.birthDate}" is not a dd/MM/yyyy, MM/yyyy or yyyy date`,
    );

  const gender = lookupVocab('gender', cell.gender ?? '');
  if (!gender)
    fail(
      'gender',
      cell.gender ? 'VALUE' : 'REQUIRED',
      'Giới tính phải là "Nam" hoặc "Nữ"',
      'Gender must be "Nam" (male) or "Nữ" (female)',
    );

  const address = (cell.address ?? '').replace(/\s+/g, ' ');
  if (address.length < 3) fail('address', 'REQUIRED', 'Thiếu địa chỉ', 'Address is missing');
  else if (address.length > 300) fail('address', 'TOO_LONG', 'Địa chỉ quá dài', 'Address is too long');

  const householdCode = cell.householdCode ? cell.householdCode.slice(0, 31) : null;
  if (householdCode && householdCode.length > 30)
    fail('householdCode', 'TOO_LONG', 'Số hộ quá dài', 'Household number is too long');

  let unitId: number | null = sectionUnitId ?? units.defaultUnitId;
  if (cell.unitCode) {
    unitId = units.byCode.get(cell.unitCode.toUpperCase()) ?? null;
    if (!unitId)
      fail(
        'unitCode',
        'UNIT',
        `Không có thôn/tổ mã "${cell.unitCode}" trong đơn vị đang nhập`,
        `No residential group with code "${cell.unitCode}" in the unit being imported`,
      );
  } else if (!unitId)
    fail(
      'unitCode',
      'REQUIRED',
      'Cần ghi mã thôn/tổ khi nhập cho cả xã/phường',
      'Give the residential group code when importing for a whole commune',
    );

  const enumCell = <K extends 'householdKind' | 'relation' | 'residenceType' | 'vneidLevel'>(
    key: K,
    vi: string,
    en: string,
  ) => {
    const value = lookupVocab(key, cell[key] ?? '');
    if (value === undefined)
      fail(
        key,
        'VALUE',
        `${vi}: "${cell[key]}" không nằm trong danh sách`,
        `${en}: "${cell[key]}" is not one of the allowed values`,
      );
    return value;
  };
  const householdKind = enumCell('householdKind', 'Loại hộ', 'Household kind');
  const relation = enumCell('relation', 'Quan hệ với chủ hộ', 'Relation to head');
  const residenceType = enumCell('residenceType', 'Loại cư trú', 'Residence type');
  const vneidLevel = enumCell('vneidLevel', 'Mức VNeID', 'VNeID level');
  const hasSmartphone = lookupVocab('yesNo', cell.hasSmartphone ?? '');
  if (hasSmartphone === undefined)
    fail(
      'hasSmartphone',
      'VALUE',
      'Cột điện thoại thông minh chỉ ghi "Có" hoặc "Không"',
      'Smartphone must be "Có" (yes) or "Không" (no)',
    );

  let joinedOn: string | null = null;
  if (cell.joinedOn) {
    const parsed = parseVnDate(cell.joinedOn);
    if (!parsed)
      fail(
        'joinedOn',
        'DATE',
        `Ngày đến ở "${cell.joinedOn}" không đúng dạng ngày/tháng/năm`,
        `Date joined "${cell.joinedOn}" is not a dd/MM/yyyy date`,
      );
    else if (parsed > today)
      fail('joinedOn', 'FUTURE', 'Ngày đến ở không được ở tương lai', 'Date joined cannot be in the future');
    else joinedOn = parsed;
  }

  const repairs: RowRepair[] = [];
  const id = restoreIdZero(cell.personalId ?? '');
  if (id.repaired) repairs.push('ID_ZERO_RESTORED');
  const phoneCell = restorePhoneZero(cell.phone ?? '');
  if (phoneCell.repaired) repairs.push('PHONE_ZERO_RESTORED');
  const exponent = /^\d+([.,]\d+)?e\+?\d+$/i.test(id.value);
  if (exponent)
    fail(
      'personalId',
      'PERSONAL_ID_EXPONENT',
      `Số định danh "${id.value}" đã bị Excel đổi sang dạng số mũ và mất chữ số; hãy định dạng cột là Văn bản và nhập lại`,
      `The ID "${id.value}" was turned into an exponent by Excel and lost digits; format the column as Text and type it again`,
    );
  const person = checkPerson({
    birthDate: birthPartial ?? undefined,
    gender,
    // one reason for the cell, not a second "not 12 digits" beside it
    personalId: exponent ? null : id.value || null,
    phone: phoneCell.value || null,
    today,
  });
  for (const e of person.errors) fail(e.field, e.code, e.message.vi, e.message.en);
  if (birthDate && joinedOn && joinedOn < birthDate) {
    fail('joinedOn', 'BEFORE_BIRTH', 'Ngày đến ở trước ngày sinh', 'Date joined is before the date of birth');
  }

  const tags = (cell.tags ?? '')
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((t) => t.slice(0, 40));

  if (errors.length) return { errors, repairs };
  return {
    errors,
    repairs,
    row: {
      rowNumber,
      unitId: unitId!,
      householdCode,
      address,
      householdKind: cell.householdKind ? householdKind! : null,
      fullName,
      searchText: foldText(fullName),
      birthDate: birthDate!,
      birthPrecision: birth!.precision,
      gender: gender!,
      personalId: person.personalId ?? null,
      phone: person.phone ?? null,
      relation: cell.relation ? relation! : null,
      residenceType: cell.residenceType ? residenceType! : null,
      joinedOn,
      vneidLevel: cell.vneidLevel ? vneidLevel! : null,
      hasSmartphone: hasSmartphone ?? null,
      tags,
    },
  };
}

/** The key that groups rows into one household: its number in the group, else its folded address. */
export const householdKey = (r: { unitId: number; householdCode: string | null; address: string }) =>
  `${r.unitId}|${r.householdCode ?? `@${foldText(r.address)}`}`;
