import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { vietnamDay } from '../../lib/format.js';
import type { DossierDetail } from '../dossiers/api.js';

/**
 * The fee paid in cash at the counter: whether it can be taken now, taking it (the server gives a receipt number),
 * and the outcome to show the officer.
 */
export function useCashPayment(dossier: Pick<DossierDetail, 'id' | 'unitId' | 'feeAmount' | 'paid' | 'status'>) {
  const { t } = useTranslation();
  const [paid, setPaid] = useState<{ ok: boolean; text: string } | null>(null);
  const client = useQueryClient();
  const due = dossier.feeAmount > 0 && !dossier.paid && !['REFUSED', 'WITHDRAWN', 'STOPPED'].includes(dossier.status);
  // On the commune's cashless days the counter takes no cash: no cash button, a transfer is recorded instead.
  const settings = useQuery({
    queryKey: ['onestop-settings', dossier.unitId],
    queryFn: () => api<{ cashlessWeekdays: number[] }>(`/api/onestop/settings/${dossier.unitId}`),
    enabled: due,
  });
  const cashlessToday =
    settings.data?.cashlessWeekdays.includes(new Date(`${vietnamDay()}T00:00:00Z`).getUTCDay()) ?? false;
  const canTakeCash = due && settings.isSuccess && !cashlessToday;
  async function takeCash() {
    try {
      const result = await api<{ receiptNo: string | null }>(`/api/dossiers/${dossier.id}/cash`, {
        method: 'POST',
        body: { amount: dossier.feeAmount },
      });
      setPaid({ ok: true, text: t('payments.cashDone', { receipt: result.receiptNo }) });
      await client.invalidateQueries({ queryKey: ['dossier', dossier.id] });
    } catch (e) {
      setPaid({ ok: false, text: messageOf(e) });
    }
  }
  return { canTakeCash, cashlessToday: due && cashlessToday, takeCash, paid };
}
