import { checkPersonalId, type PersonalIdProblem } from '../../../shared/personal-id.js';
import { normalizePhone } from '../../../shared/phone.js';
import type { Gender } from '../../../shared/enums.js';
import type { Message } from '../../lib/errors.js';

export type RuleError = { field: string; code: string; message: Message };

const idMessages: Record<PersonalIdProblem, Message> = {
  FORMAT: { vi: 'Số định danh phải gồm đúng 12 chữ số', en: 'The personal ID must be exactly 12 digits' },
  PROVINCE: {
    vi: '3 số đầu (mã tỉnh nơi đăng ký khai sinh) không hợp lệ',
    en: 'The first 3 digits (province of birth registration) are not valid',
  },
  CENTURY_GENDER: {
    vi: 'Số thứ 4 (mã thế kỷ và giới tính) không hợp lệ',
    en: 'The 4th digit (century and gender) is not valid',
  },
  BIRTH_YEAR: {
    vi: 'Năm sinh trong số định danh không khớp với ngày sinh',
    en: 'The birth year in the personal ID does not match the date of birth',
  },
  GENDER: {
    vi: 'Giới tính trong số định danh không khớp với giới tính đã khai',
    en: 'The gender in the personal ID does not match the gender given',
  },
};

/**
 * Checks and normalises the parts of a person that need more than a type check: the ID number against birth year
 * and gender, the phone to +84, the birth date not in the future. Shared by the API and the spreadsheet import so
 * both report the same reasons.
 */
export function checkPerson(p: {
  birthDate?: string;
  gender?: Gender;
  personalId?: string | null;
  phone?: string | null;
  /** The day the person came to live in the household: not before they were born. */
  joinedOn?: string;
  today?: string;
}): { errors: RuleError[]; personalId: string | null | undefined; phone: string | null | undefined } {
  const errors: RuleError[] = [];
  const today = p.today ?? new Date().toISOString().slice(0, 10);
  if (p.birthDate !== undefined) {
    if (p.birthDate > today)
      errors.push({
        field: 'birthDate',
        code: 'FUTURE',
        message: { vi: 'Ngày sinh không được ở tương lai', en: 'Date of birth cannot be in the future' },
      });
    if (p.birthDate < '1890-01-01')
      errors.push({
        field: 'birthDate',
        code: 'TOO_OLD',
        message: { vi: 'Ngày sinh quá xa, vui lòng kiểm tra lại', en: 'Date of birth is implausibly early' },
      });
  }
  if (p.joinedOn !== undefined && p.birthDate !== undefined && p.joinedOn < p.birthDate)
    errors.push({
      field: 'joinedOn',
      code: 'BEFORE_BIRTH',
      message: { vi: 'Ngày đến ở không thể trước ngày sinh', en: 'The day they came cannot be before their birth' },
    });
  let personalId = p.personalId;
  if (personalId) {
    personalId = personalId.replace(/\s/g, '');
    const problems = checkPersonalId(personalId, {
      birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : undefined,
      gender: p.gender,
    });
    for (const problem of problems)
      errors.push({ field: 'personalId', code: `PERSONAL_ID_${problem}`, message: idMessages[problem] });
  } else if (personalId === '') personalId = null;
  let phone = p.phone;
  if (phone) {
    const normalized = normalizePhone(phone);
    if (!normalized)
      errors.push({
        field: 'phone',
        code: 'PHONE',
        message: {
          vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678)',
          en: 'Not a valid phone number (e.g. 0912 345 678)',
        },
      });
    phone = normalized ?? phone;
  } else if (phone === '') phone = null;
  return { errors, personalId, phone };
}

export const maskTail = (value: string | null, keep = 4) =>
  value ? `${'•'.repeat(Math.max(0, value.length - keep))}${value.slice(-keep)}` : null;
