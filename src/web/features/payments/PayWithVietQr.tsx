import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatMoney } from '../../lib/format.js';

/** The fee by bank transfer: shown only when the commune has a receiving account set up. */
export function PayWithVietQr({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const payment = useQuery({
    queryKey: ['payment', token],
    queryFn: () =>
      api<{ amount: number; paid: boolean; qrUrl: string | null; accountName: string | null }>(
        `/api/public/dossiers/${token}/payment`,
      ),
  });
  const p = payment.data;
  if (!p?.qrUrl) return null;
  return (
    <section className="card" data-testid="vietqr">
      <h2>
        {t('payments.payTitle')}: {formatMoney(p.amount, i18n.language)}
      </h2>
      <img src={p.qrUrl} alt={t('payments.payTitle')} width={200} height={200} />
      <p className="muted">{t('payments.payHint')}</p>
      {p.accountName && <p>{t('payments.payTo', { name: p.accountName })}</p>}
    </section>
  );
}
