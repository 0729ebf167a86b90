import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { formatDate, formatDateTime, formatMoney, vietnamDay } from '../../lib/format.js';
import type { DossierDetail } from '../dossiers/api.js';

/**
 * A transfer the commune's account statement shows, recorded by the officer: amount (the fee, prefilled), the bank's
 * reference and the day. Offered whenever a fee is due, cashless days included.
 */
export function RecordTransfer({ dossier }: { dossier: Pick<DossierDetail, 'id' | 'feeAmount' | 'paid'> }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reference = String(data.get('reference') ?? '').trim();
    setBusy(true);
    try {
      await api(`/api/dossiers/${dossier.id}/transfer`, {
        method: 'POST',
        body: {
          amount: Number(data.get('amount')),
          reference,
          transferredOn: String(data.get('transferredOn') ?? ''),
        },
      });
      setOutcome({ ok: true, text: t('payments.transferDone', { reference: reference.toUpperCase() }) });
      await client.invalidateQueries({ queryKey: ['dossier', dossier.id] });
    } catch (e) {
      setOutcome({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }
  const said = outcome && (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
      {outcome.text}
    </p>
  );
  if (dossier.paid)
    return (
      <>
        {said}
        <PaymentRecord dossierId={dossier.id} paid={dossier.paid} />
      </>
    );
  return (
    <details className="card" data-testid="record-transfer">
      <summary>{t('payments.transfer')}</summary>
      <p className="muted">{t('payments.transferHint', { fee: formatMoney(dossier.feeAmount, i18n.language) })}</p>
      <form onSubmit={(e) => void record(e)}>
        <label>
          {t('payments.transferAmount')}
          <input name="amount" type="number" inputMode="numeric" min={0} required defaultValue={dossier.feeAmount} />
        </label>
        <label>
          {t('payments.reference')}
          <input name="reference" required minLength={4} maxLength={40} autoComplete="off" />
        </label>
        <label>
          {t('payments.transferredOn')}
          <input name="transferredOn" type="date" required defaultValue={vietnamDay()} max={vietnamDay()} />
        </label>
        <button className="primary" type="submit" disabled={busy}>
          {t('payments.transfer')}
        </button>
      </form>
      {said}
    </details>
  );
}

type Records = {
  items: {
    method: 'CASH' | 'VIETQR' | 'PAYGOV' | 'TRANSFER';
    amount: number;
    reference: string | null;
    transferredOn: string | null;
    receiptNo: string | null;
    receivedByName: string | null;
    paidAt: string;
  }[];
};

/** How the fee was paid, for the officer: method, amount, the transfer's reference and day or the receipt, who. */
function PaymentRecord({ dossierId, paid }: { dossierId: number; paid: boolean }) {
  const { t, i18n } = useTranslation();
  const records = useQuery({
    queryKey: ['payments', dossierId, paid],
    queryFn: () => api<Records>(`/api/dossiers/${dossierId}/payments`),
  });
  return (
    <ul data-testid="payment-record">
      {records.data?.items.map((p) => (
        <li key={p.paidAt}>
          {t(`payments.record.${p.method}`, {
            fee: formatMoney(p.amount, i18n.language),
            reference: p.reference,
            day: formatDate(p.transferredOn),
            receipt: p.receiptNo,
            at: formatDateTime(p.paidAt),
          })}
          {p.receivedByName ? ` · ${t('payments.recordedBy', { name: p.receivedByName })}` : ''}
        </li>
      ))}
    </ul>
  );
}
