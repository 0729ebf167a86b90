import type { Bundle, OnlineLevel, ProcedureField, TimeUnit } from '../../../../shared/onestop.js';
import type { ProcedureDocument, ProcedureFee, ProcedureFormField } from '../../../db/schema/onestop.js';

/**
 * The common commune-level procedures shipped with Ketnoi (DOMAIN.md §3), as data. Codes, names and the fees DOMAIN.md
 * cites come from the national list; time limits and fees it marks *unconfirmed* are defaults that a province's
 * resolution overrides: admins edit and re-publish them (a new version), they are not constants in code.
 * Local procedures (no national code in DOMAIN.md) carry a local code and `national: false`.
 */
export type CatalogEntry = {
  code: string;
  national?: boolean;
  nameVi: string;
  nameEn: string;
  field: ProcedureField;
  time: [number, TimeUnit];
  online: OnlineLevel;
  postal?: boolean;
  approval?: boolean;
  fees?: ProcedureFee[];
  documents?: ProcedureDocument[];
  fields?: ProcedureFormField[];
  bundle?: Bundle;
  legalBasis?: string;
};

export const free: ProcedureFee[] = [];
export const fee = (inPerson: number, online = inPerson): ProcedureFee[] => [
  { channel: 'IN_PERSON', amountVnd: inPerson },
  { channel: 'POSTAL', amountVnd: inPerson },
  { channel: 'ONLINE', amountVnd: online },
];
export const doc = (
  nameVi: string,
  nameEn: string,
  copyType: ProcedureDocument['copyType'] = 'ORIGINAL',
  count = 1,
  required = true,
): ProcedureDocument => ({ nameVi, nameEn, copyType, count, required });
export const idPaper = doc(
  'Giấy tờ tùy thân (CCCD/căn cước) hoặc tài khoản định danh điện tử mức 2',
  'Identity card or a level-2 VNeID account',
  'ORIGINAL',
  1,
  false,
);
export const declaration = (what: string, whatEn: string) =>
  doc(`Tờ khai ${what} (theo mẫu)`, `${whatEn} declaration form`);
export const field = (
  key: string,
  labelVi: string,
  labelEn: string,
  type: ProcedureFormField['type'] = 'text',
  required = true,
): ProcedureFormField => ({ key, labelVi, labelEn, type, required });
export const childFields = [
  field('childName', 'Họ, chữ đệm, tên người được khai sinh', "Child's full name"),
  field('childBirthDate', 'Ngày sinh', 'Date of birth', 'date'),
  field('birthPlace', 'Nơi sinh', 'Place of birth'),
];
export const deceasedFields = [
  field('deceasedName', 'Họ tên người chết', 'Name of the deceased'),
  field('deathDate', 'Ngày chết', 'Date of death', 'date'),
  field('deathPlace', 'Nơi chết', 'Place of death'),
];
export const civilLaw = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP';
export const residenceLaw = 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP';
