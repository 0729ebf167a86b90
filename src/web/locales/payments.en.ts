import type { paymentsVi } from './payments.vi.js';

/** Fees: paid by VietQR transfer or in cash at the counter, in English, key for key. */
export const paymentsEn: typeof paymentsVi = {
  payTitle: 'Pay the fee with VietQR',
  payHint: 'Open your banking app and scan: the amount and the transfer note (with the dossier code) are filled in.',
  payTo: 'Paid to: {{name}}',
  cash: 'Take {{fee}} in cash',
  cashDone: 'Paid, receipt {{receipt}}',
};
