import { type FieldCode, fieldMessages } from '../../shared/field-errors.js';

/** What every citizen form shares: the words for each field error (the server's own, so both sides say the same). */
export const formsVi = {
  errors: Object.fromEntries(Object.entries(fieldMessages).map(([code, m]) => [code, m.vi])) as Record<
    FieldCode,
    string
  >,
  missing: 'Còn thiếu: {{list}}',
  fixMarked: 'Vui lòng sửa những mục được đánh dấu bên dưới',
  draftKept: 'Những gì bạn đã điền được giữ lại trên máy này cho tới khi đóng trình duyệt.',
  clearDraft: 'Xóa những gì đã điền',
  largerText: 'Chữ to',
  skipToContent: 'Bỏ qua, tới nội dung chính',
  citizenNav: 'Trang cho người dân',
};
export type FormsMessages = typeof formsVi;
