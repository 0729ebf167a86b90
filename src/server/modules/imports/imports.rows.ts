import { cleanName, foldText } from '../../../shared/text.js';
import type { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import { parseVnDate } from '../../lib/spreadsheet.js';
import { checkPerson } from '../residents/residents.rules.js';
import { columnKeyOf, lookupVocab, registryColumns } from './registry-columns.js';

/** One problem in one cell, as the error report shows it. */
export type RowError = { row: number; column: string; code: string; messageVi: string; messageEn: string };

export type ParsedRow = {
  rowNumber: number;
  unitId: number;
  householdCode: string | null;
  address: string;
  householdKind: HouseholdKind;
  fullName: string;
  searchText: string;
  birthDate: string;
  gender: Gender;
  personalId: string | null;
  phone: string | null;
  relation: Relation;
  residenceType: ResidenceType;
  joinedOn: string;
  /** Blank optional cells are null (tags: empty): on re-import they keep what the registry has. */
  vneidLevel: VneidLevel | null;
  hasSmartphone: boolean | null;
  tags: string[];
};

const headerOf = new Map(registryColumns.map((c) => [c.key, c.header]));

/** The units a file may place people in: local codes under the import unit, and the fallback when blank. */
export type UnitResolver = { byCode: Map<string, number>; defaultUnitId: number | null };

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
): { row?: ParsedRow; errors: RowError[] } {
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

  const birthDate = cell.birthDate ? parseVnDate(cell.birthDate) : null;
  if (!cell.birthDate) fail('birthDate', 'REQUIRED', 'Thiếu ngày sinh', 'Date of birth is missing');
  else if (!birthDate)
    fail(
      'birthDate',
      'DATE',
      `Ngày sinh "${cell.birthDate}" không đúng dạng ngày/tháng/năm`,
      `Date of birth "${cell.birthDate}" is not a dd/MM/yyyy date`,
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

  let unitId: number | null = units.defaultUnitId;
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

  let joinedOn = today;
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

  const person = checkPerson({
    birthDate: birthDate ?? undefined,
    gender,
    personalId: cell.personalId || null,
    phone: cell.phone || null,
    today,
  });
  for (const e of person.errors) fail(e.field, e.code, e.message.vi, e.message.en);
  if (birthDate && cell.joinedOn && joinedOn < birthDate) {
    fail('joinedOn', 'BEFORE_BIRTH', 'Ngày đến ở trước ngày sinh', 'Date joined is before the date of birth');
  }

  const tags = (cell.tags ?? '')
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((t) => t.slice(0, 40));

  if (errors.length) return { errors };
  return {
    errors,
    row: {
      rowNumber,
      unitId: unitId!,
      householdCode,
      address,
      householdKind: householdKind!,
      fullName,
      searchText: foldText(fullName),
      birthDate: birthDate!,
      gender: gender!,
      personalId: person.personalId ?? null,
      phone: person.phone ?? null,
      relation: relation!,
      residenceType: residenceType!,
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
