import type { paymentsVi } from './payments.vi.js';

/** Fees: paid by VietQR, by a transfer typed in a banking app, or in cash at the counter, in English, key for key. */
export const paymentsEn: typeof paymentsVi = {
  payTitle: 'Pay the fee with VietQR',
  payHint: 'Open your banking app and scan: the amount and the transfer note (with the dossier code) are filled in.',
  payTo: 'Paid to: {{name}}',
  orType:
    'Cannot scan the code (for instance, this page is on the phone you pay from)? Copy each detail below into your banking app:',
  bank: 'Bank',
  accountNumber: 'Account number',
  accountName: 'Account holder',
  amount: 'Amount',
  purpose: 'Transfer note',
  copy: 'Copy',
  copied: 'Copied',
  copyWhat: 'Copy the {{what}}',
  paidTitle: 'Fee paid',
  paidBy: {
    CASH: 'Paid {{fee}} in cash at the one-stop counter at {{at}}.',
    VIETQR: 'Paid {{fee}} by VietQR transfer at {{at}}.',
    PAYGOV: 'Paid {{fee}} through the payment portal at {{at}}.',
    TRANSFER: 'Paid {{fee}} by bank transfer on {{day}}; the one-stop counter matched it on the statement at {{at}}.',
  },
  record: {
    CASH: 'Took {{fee}} in cash, receipt {{receipt}}, at {{at}}',
    VIETQR: 'Received {{fee}} by VietQR at {{at}}',
    PAYGOV: 'Received {{fee}} through the payment portal at {{at}}',
    TRANSFER: 'Received {{fee}} by transfer on {{day}}, reference {{reference}}',
  },
  recordedBy: 'recorded by {{name}}',
  cash: 'Take {{fee}} in cash',
  cashlessToday: 'No cash today: record the transfer once the citizen has paid.',
  cashDone: 'Paid, receipt {{receipt}}',
  transfer: 'Record a bank transfer',
  transferHint: "When the commune's account statement shows {{fee}} with this dossier's code (cashless days too).",
  transferAmount: 'Amount (VND)',
  reference: 'Transaction reference on the statement',
  transferredOn: 'Transfer date',
  transferDone: 'Transfer recorded, reference {{reference}}',
};
