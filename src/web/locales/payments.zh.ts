import type { Partly } from './citizen-keys.js';
import type { paymentsVi } from './payments.vi.js';

/** Paying a dossier's fee, in Simplified Chinese (the citizen side only). */
export const paymentsZh: Partly<typeof paymentsVi> = {
  accountName: '户名',
  accountNumber: '账号',
  amount: '金额',
  bank: '银行',
  copied: '已复制',
  copy: '复制',
  copyWhat: '复制{{what}}',
  orType: '无法扫码（例如本页面就在您付款用的手机上）？请将下列各项逐一复制到您的银行应用中：',
  paidTitle: '费用已缴',
  payHint: '打开您的银行应用扫码即可：金额和转账附言（含申请编号）会自动填好。',
  payTitle: '使用VietQR缴费',
  purpose: '转账附言',
  paidBy: {
    CASH: '已于{{at}}在一站式服务窗口以现金缴纳{{fee}}。',
    VIETQR: '已于{{at}}通过VietQR转账缴纳{{fee}}。',
    PAYGOV: '已于{{at}}通过公共支付门户缴纳{{fee}}。',
    TRANSFER: '已于{{day}}通过银行转账缴纳{{fee}}；一站式服务窗口已于{{at}}核对银行流水。',
  },
};
