import { foldText } from '../../../shared/text.js';
import type { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import type { SheetColumn } from '../../lib/spreadsheet.js';

/**
 * The registry spreadsheet: one row per person, grouped into households by the household number.
 * The same columns serve the downloadable template, the export and the import, so an exported list can be
 * edited in Excel and imported back.
 */
export const registryColumns: SheetColumn[] = [
  { key: 'householdCode', header: 'Số hộ', width: 10 },
  { key: 'address', header: 'Địa chỉ', width: 36 },
  { key: 'householdKind', header: 'Loại hộ', width: 12 },
  { key: 'unitCode', header: 'Mã thôn/tổ', width: 12 },
  { key: 'fullName', header: 'Họ và tên', width: 26 },
  { key: 'birthDate', header: 'Ngày sinh', width: 12 },
  { key: 'gender', header: 'Giới tính', width: 9 },
  { key: 'personalId', header: 'Số định danh cá nhân', width: 16 },
  { key: 'phone', header: 'Số điện thoại', width: 14 },
  { key: 'relation', header: 'Quan hệ với chủ hộ', width: 14 },
  { key: 'residenceType', header: 'Loại cư trú', width: 12 },
  { key: 'joinedOn', header: 'Ngày đến ở', width: 12 },
  { key: 'vneidLevel', header: 'Mức VNeID', width: 10 },
  { key: 'hasSmartphone', header: 'Có điện thoại thông minh', width: 10 },
  { key: 'tags', header: 'Nhãn', width: 20 },
];

/** Headers accepted for each column, folded: the Vietnamese header, its English name, common variants. */
const headerAliases: Record<string, string[]> = {
  householdCode: ['so ho', 'ma ho', 'household number', 'household code', 'householdcode'],
  address: ['dia chi', 'address'],
  householdKind: ['loai ho', 'household kind', 'householdkind'],
  unitCode: ['ma thon/to', 'ma thon', 'ma to', 'thon/to', 'unit code', 'unitcode'],
  fullName: ['ho va ten', 'ho ten', 'full name', 'fullname', 'name'],
  birthDate: ['ngay sinh', 'date of birth', 'birth date', 'birthdate'],
  gender: ['gioi tinh', 'gender', 'sex'],
  personalId: ['so dinh danh ca nhan', 'so dinh danh', 'so cccd', 'cccd', 'personal id', 'personalid'],
  phone: ['so dien thoai', 'dien thoai', 'phone'],
  relation: ['quan he voi chu ho', 'quan he', 'relation'],
  residenceType: ['loai cu tru', 'cu tru', 'residence type', 'residencetype'],
  joinedOn: ['ngay den o', 'ngay den', 'joined on', 'joinedon'],
  vneidLevel: ['muc vneid', 'vneid', 'vneid level', 'vneidlevel'],
  hasSmartphone: ['co dien thoai thong minh', 'smartphone', 'has smartphone', 'hassmartphone'],
  tags: ['nhan', 'tags'],
};

const keyByHeader = new Map<string, string>(
  Object.entries(headerAliases).flatMap(([key, names]) => names.map((n) => [n, key] as const)),
);

export function columnKeyOf(header: string): string | undefined {
  return keyByHeader.get(foldText(header).replace(/\s*\/\s*/g, '/'));
}

/** Folded cell text → enum value; each list holds what people actually type. */
const vocab = {
  gender: { nam: 'MALE', male: 'MALE', m: 'MALE', nu: 'FEMALE', female: 'FEMALE', f: 'FEMALE' } as Record<
    string,
    Gender
  >,
  householdKind: {
    '': 'FAMILY',
    'gia dinh': 'FAMILY',
    'ho gia dinh': 'FAMILY',
    family: 'FAMILY',
    'nha tro': 'BOARDING_HOUSE',
    'phong tro': 'BOARDING_HOUSE',
    'boarding house': 'BOARDING_HOUSE',
    boarding_house: 'BOARDING_HOUSE',
    'tap the': 'COLLECTIVE',
    collective: 'COLLECTIVE',
  } as Record<string, HouseholdKind>,
  relation: {
    '': 'OTHER',
    'chu ho': 'HEAD',
    head: 'HEAD',
    vo: 'SPOUSE',
    chong: 'SPOUSE',
    'vo/chong': 'SPOUSE',
    spouse: 'SPOUSE',
    con: 'CHILD',
    child: 'CHILD',
    bo: 'PARENT',
    me: 'PARENT',
    cha: 'PARENT',
    'bo/me': 'PARENT',
    parent: 'PARENT',
    anh: 'SIBLING',
    chi: 'SIBLING',
    em: 'SIBLING',
    'anh/chi/em': 'SIBLING',
    sibling: 'SIBLING',
    chau: 'GRANDCHILD',
    grandchild: 'GRANDCHILD',
    'nguoi thue tro': 'TENANT',
    'thue tro': 'TENANT',
    tenant: 'TENANT',
    khac: 'OTHER',
    other: 'OTHER',
  } as Record<string, Relation>,
  residenceType: {
    '': 'PERMANENT',
    'thuong tru': 'PERMANENT',
    permanent: 'PERMANENT',
    'tam tru': 'TEMPORARY',
    temporary: 'TEMPORARY',
    'tam vang': 'TEMPORARY_ABSENT',
    temporary_absent: 'TEMPORARY_ABSENT',
    'temporary absent': 'TEMPORARY_ABSENT',
  } as Record<string, ResidenceType>,
  vneidLevel: {
    '': 'NONE',
    'chua co': 'NONE',
    khong: 'NONE',
    none: 'NONE',
    'muc 1': 'L1',
    muc1: 'L1',
    l1: 'L1',
    '1': 'L1',
    'muc 2': 'L2',
    muc2: 'L2',
    l2: 'L2',
    '2': 'L2',
  } as Record<string, VneidLevel>,
  yesNo: { '': null, co: true, yes: true, x: true, '1': true, khong: false, no: false, '0': false } as Record<
    string,
    boolean | null
  >,
};

/** Cells repeat the same few words over a whole file: remember each raw text's answer instead of folding again. */
const vocabMemo = new Map<string, unknown>();

export function lookupVocab<K extends keyof typeof vocab>(
  kind: K,
  text: string,
): (typeof vocab)[K][string] | undefined {
  const memoKey = `${kind}\u0000${text}`;
  if (vocabMemo.has(memoKey)) return vocabMemo.get(memoKey) as (typeof vocab)[K][string] | undefined;
  const value = vocab[kind][foldText(text)] as (typeof vocab)[K][string] | undefined;
  if (vocabMemo.size < 10_000) vocabMemo.set(memoKey, value);
  return value;
}

/** Labels for export, the inverse of the vocabularies above (Vietnamese, as the template shows them). */
export const labels = {
  gender: { MALE: 'Nam', FEMALE: 'Nữ' },
  householdKind: { FAMILY: 'Gia đình', BOARDING_HOUSE: 'Nhà trọ', COLLECTIVE: 'Tập thể' },
  relation: {
    HEAD: 'Chủ hộ',
    SPOUSE: 'Vợ/Chồng',
    CHILD: 'Con',
    PARENT: 'Bố/Mẹ',
    SIBLING: 'Anh/Chị/Em',
    GRANDCHILD: 'Cháu',
    TENANT: 'Người thuê trọ',
    OTHER: 'Khác',
  },
  residenceType: { PERMANENT: 'Thường trú', TEMPORARY: 'Tạm trú', TEMPORARY_ABSENT: 'Tạm vắng' },
  vneidLevel: { NONE: 'Chưa có', L1: 'Mức 1', L2: 'Mức 2' },
} as const;

/** Two example rows for the template: a family and a boarding-house tenant. */
export const templateExamples = [
  {
    householdCode: '12',
    address: 'Số 5, ngõ 3, tổ dân phố 4',
    householdKind: 'Gia đình',
    unitCode: '',
    fullName: 'Nguyễn Văn An',
    birthDate: '15/03/1978',
    gender: 'Nam',
    personalId: '031078001234',
    phone: '0912 345 678',
    relation: 'Chủ hộ',
    residenceType: 'Thường trú',
    joinedOn: '01/01/2005',
    vneidLevel: 'Mức 2',
    hasSmartphone: 'Có',
    tags: '',
  },
  {
    householdCode: '13',
    address: 'Nhà trọ số 8, ngõ 3',
    householdKind: 'Nhà trọ',
    unitCode: '',
    fullName: 'Trần Thị Bình',
    birthDate: '02/09/2001',
    gender: 'Nữ',
    personalId: '',
    phone: '',
    relation: 'Người thuê trọ',
    residenceType: 'Tạm trú',
    joinedOn: '01/09/2024',
    vneidLevel: 'Chưa có',
    hasSmartphone: 'Có',
    tags: 'sinh viên',
  },
];
