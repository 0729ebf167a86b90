import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { formatMoney } from '../../lib/format.js';

type Shipment = {
  id: number;
  direction: 'IN' | 'OUT';
  trackingNumber: string;
  status: string;
  carrier: string;
  address: string | null;
  feeAmount: number;
};
const nextStatus: Record<string, string[]> = {
  CREATED: ['IN_TRANSIT', 'DELIVERED', 'LOST'],
  IN_TRANSIT: ['DELIVERED', 'RETURNED_TO_SENDER', 'LOST'],
};

/**
 * A dossier's postal shipments: record one with its tracking number, the address it goes to and the postage, move it
 * on as the post reports. The result going out is what lets the officer mark it returned by post.
 */
export function Shipments({ dossierId, postalAddress }: { dossierId: number; postalAddress?: string | null }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['shipments', dossierId],
    queryFn: () => api<{ items: Shipment[] }>(`/api/dossiers/${dossierId}/shipments`),
  });
  const [error, setError] = useState<string | null>(null);
  const run = (promise: Promise<unknown>) =>
    promise.then(
      () => client.invalidateQueries({ queryKey: ['shipments', dossierId] }),
      (e) => setError(messageOf(e)),
    );
  return (
    <section>
      <h2>{t('counter.post')}</h2>
      <ul>
        {query.data?.items.map((s) => (
          <li key={s.id}>
            {t(`counter.direction.${s.direction}`)}: {s.carrier} {s.trackingNumber} —{' '}
            {t(`counter.shipmentStatus.${s.status}`)}
            {s.address ? ` · ${s.address}` : ''}
            {s.feeAmount > 0 ? ` · ${formatMoney(s.feeAmount, i18n.language)}` : ''}{' '}
            {(nextStatus[s.status] ?? []).map((n) => (
              <button
                key={n}
                type="button"
                onClick={() =>
                  void run(
                    api(`/api/dossiers/${dossierId}/shipments/${s.id}`, { method: 'PATCH', body: { status: n } }),
                  )
                }
              >
                {t(`counter.shipmentStatus.${n}`)}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          setError(null);
          void run(
            api(`/api/dossiers/${dossierId}/shipments`, {
              method: 'POST',
              body: {
                direction: d.get('direction'),
                trackingNumber: String(d.get('tracking')).trim(),
                address: String(d.get('address') ?? '').trim() || undefined,
                feeAmount: Number(d.get('fee') || 0),
              },
            }),
          );
        }}
      >
        <select name="direction" aria-label={t('counter.post')}>
          {(['OUT', 'IN'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`counter.direction.${d}`)}
            </option>
          ))}
        </select>
        <input
          name="tracking"
          required
          placeholder={t('counter.tracking')}
          aria-label={t('counter.tracking')}
          pattern="[A-Za-z0-9\-]{6,30}"
        />
        <input
          name="address"
          maxLength={300}
          defaultValue={postalAddress ?? ''}
          placeholder={t('counter.shipAddress')}
          aria-label={t('counter.shipAddress')}
        />
        <input
          name="fee"
          type="number"
          min={0}
          max={10_000_000}
          inputMode="numeric"
          placeholder={t('counter.postage')}
          aria-label={t('counter.postage')}
        />
        <button type="submit">{t('counter.addShipment')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
