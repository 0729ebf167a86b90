import type { FormsMessages } from './forms.vi.js';
import type { Partly } from './citizen-keys.js';

/** The citizen forms' shared words in Japanese, key for key. */
export const formsJa: Partly<FormsMessages> = {
  errors: {
    REQUIRED: '入力してください',
    PERSONAL_ID_LENGTH: '個人識別番号は12桁です',
    PERSONAL_ID_INVALID: 'この個人識別番号は正しくありません。身分証明カードで確認してください',
    PHONE: 'ベトナムの電話番号ではありません（例：0912 345 678）',
    PHONE_LAST4: '電話番号の下4桁を入力してください',
    EMAIL: 'メールアドレスが正しくありません（例：name@gmail.com）',
    CONFIRM_CODE: '確認コードは6桁です',
    DATE: '日付が正しくありません',
    TOO_SHORT: '{{min}}文字以上で入力してください',
    TOO_LONG: '{{max}}文字以内で入力してください',
    CHOICE: '一覧から選んでください',
    FORMAT: '形式が正しくありません',
    INVALID: 'この値は正しくありません',
  },
  missing: 'まだ足りないもの：{{list}}',
  fixMarked: '印の付いた項目を直してください',
  draftKept: '入力した内容は、ブラウザを閉じるまでこの端末に保存されます。',
  clearDraft: '入力内容を消す',
  largerText: '文字を大きく',
  skipToContent: '本文へ移動',
  citizenNav: '住民向けページ',
};
