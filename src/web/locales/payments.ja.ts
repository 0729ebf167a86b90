import type { Partly } from './citizen-keys.js';
import type { paymentsVi } from './payments.vi.js';

/** Paying a dossier's fee, in Japanese (the citizen side only). */
export const paymentsJa: Partly<typeof paymentsVi> = {
  accountName: '口座名義',
  accountNumber: '口座番号',
  amount: '金額',
  bank: '銀行',
  copied: 'コピーしました',
  copy: 'コピー',
  copyWhat: '{{what}}をコピー',
  orType:
    'コードを読み取れない場合（このページを支払いに使うスマートフォンで開いている場合など）は、下の各項目をコピーして銀行アプリに貼り付けてください：',
  paidTitle: '手数料は支払い済みです',
  payHint: '銀行アプリを開いて読み取ってください。金額と振込メモ（申請番号入り）が自動で入力されます。',
  payTitle: 'VietQRで手数料を支払う',
  purpose: '振込メモ',
  paidBy: {
    CASH: '{{at}}にワンストップ窓口で現金で{{fee}}を支払いました。',
    VIETQR: '{{at}}にVietQR振込で{{fee}}を支払いました。',
    PAYGOV: '{{at}}に公的決済ポータルで{{fee}}を支払いました。',
    TRANSFER: '{{day}}に銀行振込で{{fee}}を支払いました。ワンストップ窓口が{{at}}に入金明細で確認しました。',
  },
};
