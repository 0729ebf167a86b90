import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.js';
import { CopyButton } from './CopyButton.js';

type Payment = {
  amount: number;
  paid: boolean;
  qrUrl: string | null;
  accountName: string | null;
  bankName: string | null;
  accountNumber: string | null;
  purpose: string | null;
  paidWith: { method: 'CASH' | 'VIETQR' | 'PAYGOV' | 'TRANSFER'; paidAt: string; transferredOn: string | null } | null;
};

/**
 * The fee on the status page. Due: the VietQR code, and beside it the bank, account number, amount and note, each
 * with a copy button (a payer on the same phone cannot scan their own screen). Paid: no code, but how and when.
 */
export function PayWithVietQr({ token, paid }: { token: string; paid: boolean }) {
  const { t, i18n } = useTranslation();
  // The dossier's paid flag is in the key: once the page learns it is paid, the code goes and the receipt comes.
  const payment = useQuery({
    queryKey: ['payment', token, paid],
    queryFn: () => api<Payment>(`/api/public/dossiers/${token}/payment`),
  });
  const p = payment.data;
  if (!p) return null;
  const fee = formatMoney(p.amount, i18n.language);
  if (p.paidWith)
    return (
      <section className="card" data-testid="fee-paid">
        <h2>{t('payments.paidTitle')}</h2>
        <p className="ok">
          {t(`payments.paidBy.${p.paidWith.method}`, {
            fee,
            at: formatDateTime(p.paidWith.paidAt),
            day: formatDate(p.paidWith.transferredOn),
          })}
        </p>
      </section>
    );
  if (!p.qrUrl) return null;
  const details = [
    { key: 'bank', label: t('payments.bank'), shown: p.bankName, copied: p.bankName },
    { key: 'accountNumber', label: t('payments.accountNumber'), shown: p.accountNumber, copied: p.accountNumber },
    { key: 'accountName', label: t('payments.accountName'), shown: p.accountName, copied: null },
    // Banking apps take the amount as digits only.
    { key: 'amount', label: t('payments.amount'), shown: fee, copied: String(p.amount) },
    { key: 'purpose', label: t('payments.purpose'), shown: p.purpose, copied: p.purpose },
  ].filter((d) => d.shown);
  return (
    <section className="card" data-testid="vietqr">
      <h2>
        {t('payments.payTitle')}: {fee}
      </h2>
      <img src={p.qrUrl} alt={t('payments.payTitle')} width={200} height={200} />
      <p className="muted">{t('payments.payHint')}</p>
      <p>{t('payments.orType')}</p>
      <dl className="facts" data-testid="bank-details">
        {details.flatMap((d) => [
          <dt key={`k-${d.key}`}>{d.label}</dt>,
          <dd key={`v-${d.key}`}>
            <span data-testid={`pay-${d.key}`}>{d.shown}</span>{' '}
            {d.copied && <CopyButton text={d.copied} label={d.label.toLocaleLowerCase(i18n.language)} />}
          </dd>,
        ])}
      </dl>
    </section>
  );
}
