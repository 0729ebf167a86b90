import { checkPersonalId } from './personal-id.js';
import { normalizePhone } from './phone.js';

/**
 * What can be wrong with one field of a form, as a stable code both sides share: the server puts it in each entry of
 * a 400's `errors`, the web checks the obvious ones before sending and shows the same words next to the field.
 * Messages are plain words a person reads beside the box they typed in, never a field path.
 */
export const FieldCode = {
  REQUIRED: 'REQUIRED',
  PERSONAL_ID_LENGTH: 'PERSONAL_ID_LENGTH',
  PERSONAL_ID_INVALID: 'PERSONAL_ID_INVALID',
  PHONE: 'PHONE',
  PHONE_LAST4: 'PHONE_LAST4',
  EMAIL: 'EMAIL',
  CONFIRM_CODE: 'CONFIRM_CODE',
  DATE: 'DATE',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  CHOICE: 'CHOICE',
  FORMAT: 'FORMAT',
  INVALID: 'INVALID',
} as const;
export type FieldCode = (typeof FieldCode)[keyof typeof FieldCode];

/** The words for each code; `{{min}}`/`{{max}}` are filled in (the same placeholders i18next uses on the web). */
export const fieldMessages: Record<FieldCode, { vi: string; en: string }> = {
  REQUIRED: { vi: 'Vui lòng điền mục này', en: 'Please fill this in' },
  PERSONAL_ID_LENGTH: {
    vi: 'Số định danh cá nhân phải có 12 chữ số',
    en: 'A personal ID number has 12 digits',
  },
  PERSONAL_ID_INVALID: {
    vi: 'Số định danh cá nhân này không đúng, vui lòng xem lại trên thẻ căn cước',
    en: 'This personal ID number is not right; please check it on your ID card',
  },
  PHONE: {
    vi: 'Số điện thoại chưa đúng, ví dụ 0912 345 678',
    en: 'This is not a Vietnamese phone number, e.g. 0912 345 678',
  },
  PHONE_LAST4: { vi: 'Nhập 4 chữ số cuối của số điện thoại', en: 'Enter the last 4 digits of the phone number' },
  EMAIL: {
    vi: 'Địa chỉ email chưa đúng, ví dụ ten@gmail.com',
    en: 'This email address is not right, e.g. name@gmail.com',
  },
  CONFIRM_CODE: { vi: 'Mã xác nhận gồm 6 chữ số', en: 'The confirmation code has 6 digits' },
  DATE: { vi: 'Ngày chưa đúng', en: 'This date is not right' },
  TOO_SHORT: { vi: 'Cần ít nhất {{min}} ký tự', en: 'At least {{min}} characters' },
  TOO_LONG: { vi: 'Tối đa {{max}} ký tự', en: 'At most {{max}} characters' },
  CHOICE: { vi: 'Vui lòng chọn một mục trong danh sách', en: 'Please choose one of the options' },
  FORMAT: { vi: 'Chưa đúng định dạng', en: 'This is not in the right form' },
  INVALID: { vi: 'Giá trị này chưa đúng', en: 'This value is not right' },
};

export const isFieldCode = (code: unknown): code is FieldCode =>
  typeof code === 'string' && Object.hasOwn(fieldMessages, code);

/** A message with its placeholders filled in. */
export function fieldMessage(code: FieldCode, params: { min?: number; max?: number } = {}): { vi: string; en: string } {
  const fill = (s: string) => s.replace(/\{\{(min|max)\}\}/g, (_, k: 'min' | 'max') => String(params[k] ?? ''));
  const m = fieldMessages[code];
  return { vi: fill(m.vi), en: fill(m.en) };
}

/** The checks a citizen's form runs before sending, with the server's codes. */
export const fieldChecks = {
  personalId: (v: string): FieldCode | null =>
    !/^\d{12}$/.test(v) ? 'PERSONAL_ID_LENGTH' : checkPersonalId(v).length ? 'PERSONAL_ID_INVALID' : null,
  phone: (v: string): FieldCode | null => (normalizePhone(v) ? null : 'PHONE'),
  phoneLast4: (v: string): FieldCode | null => (/^\d{4}$/.test(v) ? null : 'PHONE_LAST4'),
  email: (v: string): FieldCode | null => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'EMAIL'),
  confirmCode: (v: string): FieldCode | null => (/^\d{6}$/.test(v) ? null : 'CONFIRM_CODE'),
} as const;
